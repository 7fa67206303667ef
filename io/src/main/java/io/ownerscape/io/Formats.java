package io.ownerscape.io;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The two ways every output writes a value: text into HTML, and a number into JSON (a missing one
 * as null). A leaf that the reports, the summary and the calibration table all use, so that none
 * of them has to import another for it.
 */
public final class Formats {
    private Formats() {
    }

    /** Text safe inside HTML elements and attribute values. */
    public static String html(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Puts a number, or null where it is NaN or infinite (JSON has neither). */
    public static void putNumber(ObjectNode o, String key, double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            o.putNull(key);
        } else {
            o.put(key, v);
        }
    }
}
