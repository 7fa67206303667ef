/**
 * The {@code ownerscape} command line: {@code run}, {@code demo}, {@code experiment}, {@code calibrate},
 * {@code bench}, {@code sweep}, {@code validate} and {@code serve}. Parses and
 * checks flags and scenario files, runs, and prints; all the work is in the io and model modules.
 */
package io.ownerscape.cli;
