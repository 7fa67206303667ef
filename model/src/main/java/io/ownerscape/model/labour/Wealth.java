package io.ownerscape.model.labour;

/** The wealth rule of persons (MODEL.md §7.11, "Wealth"), used by every pass that pays someone. */
final class Wealth {
    private Wealth() {
    }

    /**
     * The wealth rule (MODEL.md §7.11, "Wealth"): adds a month's income to a person's wealth and
     * takes out what they consume, {@code min(w + y, max(0, c_y y + c_w w))} (nothing while in
     * debt); returns the consumption.
     */
    static double settle(LabourParameters rules, double[] wealth, int i, double income) {
        double w = wealth[i] + income;
        double consumed = w < 0 ? 0 : Math.max(0, Math.min(w, rules.consumptionOfIncome() * income
                + rules.consumptionOfWealth() * wealth[i]));
        wealth[i] = w - consumed;
        return consumed;
    }
}
