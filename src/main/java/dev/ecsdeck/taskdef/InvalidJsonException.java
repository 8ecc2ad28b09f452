package dev.ecsdeck.taskdef;

/** Text that is not the JSON object expected, with where the parser stopped (1-based; 0 when unknown). */
public final class InvalidJsonException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final int line;
    private final int column;

    public InvalidJsonException(String message, int line, int column) {
        super(message);
        this.line = line;
        this.column = column;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
