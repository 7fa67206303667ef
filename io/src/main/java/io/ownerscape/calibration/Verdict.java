package io.ownerscape.calibration;

import java.util.List;

/** A target's verdict over the seeds of a baseline. */
public enum Verdict {
    /** Every seed measured the target and every value lies in the band. */
    PASS("pass"),
    /** Some seed's value lies outside the band. */
    MISS("miss"),
    /** No value outside the band, but some seed did not measure the target (a run too short, no fit). */
    NOT_MEASURED("not measured");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    /** The verdict as written in every table and in JSON. */
    public String label() {
        return label;
    }

    /**
     * The verdict on one target from each seed's value (NaN where the seed did not measure it):
     * one value outside the band is a miss; otherwise a missing value, or no seed at all, leaves
     * the target not measured; otherwise it passes.
     */
    public static Verdict judge(Target target, List<Double> values) {
        boolean unmeasured = values.isEmpty();
        for (double v : values) {
            if (Double.isNaN(v)) {
                unmeasured = true;
            } else if (!target.inBand(v)) {
                return MISS;
            }
        }
        return unmeasured ? NOT_MEASURED : PASS;
    }
}
