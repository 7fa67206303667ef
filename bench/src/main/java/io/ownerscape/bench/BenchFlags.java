package io.ownerscape.bench;

/**
 * Command-line values of the bench tools' {@code main} methods: a whole number checked against
 * its lower bound, or a one-line error naming the tool, the flag, the value and what is allowed,
 * and exit code 2.
 */
final class BenchFlags {
    private final String tool;

    BenchFlags(String tool) {
        this.tool = tool;
    }

    int positive(String flag, String v) {
        return atLeast(flag, v, 1);
    }

    int nonNegative(String flag, String v) {
        return atLeast(flag, v, 0);
    }

    private int atLeast(String flag, String v, int lowest) {
        int x;
        try {
            x = Integer.parseInt(v);
        } catch (NumberFormatException e) {
            fail(flag + " " + v + ": not a whole number; allowed " + lowest + " or more");
            return lowest;
        }
        if (x < lowest) {
            fail(flag + " " + v + ": allowed " + lowest + " or more");
        }
        return x;
    }

    void fail(String message) {
        System.err.println(tool + ": " + message);
        System.exit(2);
    }
}
