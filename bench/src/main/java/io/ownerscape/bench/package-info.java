/**
 * JMH micro-benchmarks of the model's hot paths. Build and run:
 * {@code ./mvnw -pl bench -am package -DskipTests && java -jar bench/target/benchmarks.jar}.
 * Whole-model throughput is measured by {@code ./ownerscape bench} instead.
 */
package io.ownerscape.bench;
