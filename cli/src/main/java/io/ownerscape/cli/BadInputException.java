package io.ownerscape.cli;

/** Input the user must fix; printed as one line, exit code {@link Main#BAD_INPUT}. */
final class BadInputException extends RuntimeException {
    BadInputException(String message) {
        super(message);
    }
}
