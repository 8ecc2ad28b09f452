package dev.ecsdeck.taskdef;

/** Text that is not the JSON object expected, with where the parser stopped (1-based; 0 when unknown). */
public final class InvalidJsonException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final int line;
    private final int column;
    private final String reason;

    public InvalidJsonException(String message, int line, int column) {
        this(message, message, line, column);
    }

    private InvalidJsonException(String message, String reason, int line, int column) {
        super(message);
        this.reason = reason;
        this.line = line;
        this.column = column;
    }

    /** A syntax error: the message names the place ("Invalid JSON at line 3, column 5: …"); the reason does not. */
    static InvalidJsonException syntax(String plainWords, int line, int column) {
        String place = line > 0 ? " at line " + line + ", column " + column : "";
        return new InvalidJsonException("Invalid JSON" + place + ": " + plainWords, "Invalid JSON: " + plainWords, line, column);
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** What is wrong, without where (for a list that shows the line and column beside it). */
    public String reason() {
        return reason;
    }
}
