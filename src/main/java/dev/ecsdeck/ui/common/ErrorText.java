package dev.ecsdeck.ui.common;

import dev.ecsdeck.provider.EcsException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The words the UI shows for a failure: a provider call's failure says which call, the ECS error
 * code and the message ({@link EcsException#summary()}); anything else says "Failed: " and its
 * message, or, without one, what kind of failure it was in words ("Failed: null pointer exception").
 */
public final class ErrorText {
    private ErrorText() {}

    /** One line for a status bar, a message label or a tree row. */
    public static String of(Throwable error) {
        EcsException call = failedCall(error);
        if (call != null) {
            return call.summary();
        }
        Throwable cause = unwrapped(error);
        String message = cause.getMessage();
        return "Failed: " + (message == null || message.isBlank() ? inWords(cause.getClass().getSimpleName()) : message.strip());
    }

    /** Whether the failure is a provider call's (the call listener has seen it already). */
    public static boolean isFailedCall(Throwable error) {
        return failedCall(error) != null;
    }

    private static EcsException failedCall(Throwable error) {
        return unwrapped(error) instanceof EcsException e ? e : null;
    }

    /** The failure inside the wrappers that futures and executors put around it. */
    static Throwable unwrapped(Throwable error) {
        Throwable t = error;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** "NullPointerException" → "null pointer exception", "UncheckedIOException" → "unchecked IO exception". */
    static String inWords(String className) {
        if (className.isEmpty()) {
            return "an error without a message"; // an anonymous class
        }
        String spaced = className.replaceAll("(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", " ");
        StringBuilder words = new StringBuilder();
        for (String word : spaced.split(" ")) {
            boolean acronym = word.length() > 1 && word.equals(word.toUpperCase());
            words.append(words.length() == 0 ? "" : " ").append(acronym ? word : word.toLowerCase());
        }
        return words.toString();
    }
}
