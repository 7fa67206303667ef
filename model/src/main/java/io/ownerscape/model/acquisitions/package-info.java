/**
 * Acquisitions, compliance costs and antitrust (MODEL.md §7.13):
 * {@link io.ownerscape.model.acquisitions.Acquisitions} lets owners buy firms they value more than
 * their owners do, within the antitrust cap; {@link io.ownerscape.model.acquisitions.AcquisitionTally}
 * counts the deals. Phase "acquisitions": reads the firm table, the person records and wealth;
 * writes the firm table (owners, merged members), the person records of the merged and wealth.
 */
package io.ownerscape.model.acquisitions;
