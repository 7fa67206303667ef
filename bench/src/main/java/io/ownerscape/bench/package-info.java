/**
 * JMH micro-benchmarks of the model's hot paths. Build and run:
 * {@code ./mvnw -pl bench -am package -DskipTests && java -jar bench/target/benchmarks.jar}.
 * Whole-model throughput is measured by {@code ./ownerscape bench} instead, and two builds are
 * compared, interleaved in one JVM so that the machine's drift cancels, by {@link
 * io.ownerscape.bench.BuildComparison}; {@link io.ownerscape.bench.MemoryFloor} times the loads and
 * stores a month cannot avoid, with none of the model's arithmetic, to show how fast a month could
 * be at all on a given machine.
 */
package io.ownerscape.bench;
