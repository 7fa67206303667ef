/**
 * The friendship network (MODEL.md §2.3, §7.6): {@link io.ownerscape.model.network.FriendNetwork}
 * builds the fixed random graph, regional when {@code regional_friendship} asks, once at
 * construction; the economy copies each person's friends into their record. Nothing changes it
 * afterwards.
 */
package io.ownerscape.model.network;
