package dev.ecsdeck.taskdef;

/**
 * One finding of {@link TaskDefinitionValidator}. {@code line} and {@code column} are 1-based, 0
 * when unknown; {@code path} names the member, like
 * {@code containerDefinitions[0].portMappings[1].hostPort}, or is "" for the document itself.
 */
public record Problem(Severity severity, String path, int line, int column, String message) {
    @Override
    public String toString() {
        return severity + " " + (path.isEmpty() ? "(document)" : path) + " at " + line + ":" + column + ": " + message;
    }
}
