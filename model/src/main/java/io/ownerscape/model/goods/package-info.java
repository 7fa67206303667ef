/**
 * The goods market (MODEL.md §7.12): {@link io.ownerscape.model.goods.GoodsMarket} keeps each firm's
 * customer base (customers who choose afresh go to firms by the value of their goods) and sets
 * the price that clears a firm's output to its customers; {@link io.ownerscape.model.goods.Vacancies} lists the firms with
 * room to hire (customers who would buy more than they make) by region, from which job seekers'
 * search contacts are drawn; {@link io.ownerscape.model.goods.MarketTally}
 * is what a month of it counted. Runs inside the review; reads and writes the firm table's
 * customers and prices.
 */
package io.ownerscape.model.goods;
