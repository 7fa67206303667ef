package io.ownerscape.model.metrics;

import io.ownerscape.engine.Recorder;
import io.ownerscape.model.Economy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.ToDoubleFunction;

/**
 * Measures every month into {@link MonthlyMetrics}, keeps the history and hands each month, with
 * its size distribution, to an optional listener (a results store, a progress display).
 */
public final class MetricsRecorder implements Recorder<Economy> {
    private final List<MonthlyMetrics> history = new ArrayList<>();
    private final BiConsumer<MonthlyMetrics, SizeDistribution> listener;
    private SizeDistribution lastDistribution;

    public MetricsRecorder() {
        this((m, d) -> { });
    }

    public MetricsRecorder(BiConsumer<MonthlyMetrics, SizeDistribution> listener) {
        this.listener = listener;
    }

    @Override
    public void record(int step, Economy economy) {
        SizeDistribution dist = SizeDistribution.of(economy);
        MonthlyMetrics metrics = MonthlyMetrics.of(economy, dist);
        if (!history.isEmpty() && history.get(history.size() - 1).review() != null) {
            // Only the latest month keeps its per-person autonomy sample (by-region figures).
            history.get(history.size() - 1).review().dropSample();
        }
        history.add(metrics);
        lastDistribution = dist;
        listener.accept(metrics, dist);
    }

    public List<MonthlyMetrics> history() {
        return history;
    }

    /** The last month's metrics; throws if no month was recorded. */
    public MonthlyMetrics last() {
        if (history.isEmpty()) {
            throw new IllegalStateException("no month recorded yet");
        }
        return history.get(history.size() - 1);
    }

    /** The last month's size distribution, or null before the first month. */
    public SizeDistribution lastDistribution() {
        return lastDistribution;
    }

    /** Mean of the monthly job-to-job rate over the last {@code months} recorded months. */
    public double meanJobToJobRate(int months) {
        return meanOverLast(months, MonthlyMetrics::jobToJobRate);
    }

    /** Mean of a monthly measure over the last {@code months} recorded months; 0 if none. */
    public double meanOverLast(int months, ToDoubleFunction<MonthlyMetrics> measure) {
        int from = Math.max(0, history.size() - months);
        double sum = 0;
        for (int k = from; k < history.size(); k++) {
            sum += measure.applyAsDouble(history.get(k));
        }
        return history.size() == from ? 0 : sum / (history.size() - from);
    }
}
