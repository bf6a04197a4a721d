package dev.flinkedge.jobs.cli;

/**
 * A failure a command reports to its user as one line ({@code error: <message>}, exit code 1): the
 * message says what went wrong and how to fix it. Bad command-line input is a picocli {@code
 * ParameterException} instead (exit code 2).
 */
public class CliException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CliException(String message) {
        super(message);
    }

    public CliException(String message, Throwable cause) {
        super(message, cause);
    }
}
