/**
 * The {@code ownerscape} command line: {@code run}, {@code demo} and {@code bench}. Parses and
 * checks flags and scenario files, runs, and prints; all the work is in the io and model modules.
 */
package io.ownerscape.cli;
