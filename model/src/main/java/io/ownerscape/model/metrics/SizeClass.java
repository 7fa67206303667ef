package io.ownerscape.model.metrics;

import java.util.List;

/**
 * The employment size classes of the US Statistics of US Businesses (SUSB), by number of
 * employees. A model firm of n members is its founder plus n - 1 employees.
 *
 * @param label         the class label used in outputs, e.g. {@code "20-99"}
 * @param minEmployees  smallest number of employees in the class
 * @param maxEmployees  largest number of employees in the class ({@link Long#MAX_VALUE} if open)
 * @param susbFirmShare share of US employer firms in the class, SUSB 2022
 * @param susbEmploymentShare share of US employment in the class, SUSB 2022
 */
public record SizeClass(String label, long minEmployees, long maxEmployees, double susbFirmShare,
                        double susbEmploymentShare) {

    /** The six SUSB classes with the 2022 shares (calibration.md section 1). */
    public static final List<SizeClass> SUSB = List.of(
            new SizeClass("1-4", 1, 4, 0.630, 0.046),
            new SizeClass("5-9", 5, 9, 0.162, 0.050),
            new SizeClass("10-19", 10, 19, 0.103, 0.065),
            new SizeClass("20-99", 20, 99, 0.088, 0.162),
            new SizeClass("100-499", 100, 499, 0.015, 0.135),
            new SizeClass("500+", 500, Long.MAX_VALUE, 0.0033, 0.541));

    public boolean contains(long employees) {
        return employees >= minEmployees && employees <= maxEmployees;
    }

    /** The index in {@link #SUSB} of the class holding {@code employees}, or -1 for none (0). */
    public static int indexOf(long employees) {
        for (int k = 0; k < SUSB.size(); k++) {
            if (SUSB.get(k).contains(employees)) {
                return k;
            }
        }
        return -1;
    }
}
