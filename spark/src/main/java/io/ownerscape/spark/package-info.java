/**
 * Experiments on Apache Spark: {@link io.ownerscape.spark.SparkBackend} runs an experiment's runs as
 * Spark tasks and hands their outcomes to the driver's store as they finish;
 * {@link io.ownerscape.spark.SubmitMain} is the entry point for {@code spark-submit}. Nothing
 * outside this module depends on Spark: the command line finds the backend through
 * {@link java.util.ServiceLoader}.
 */
package io.ownerscape.spark;
