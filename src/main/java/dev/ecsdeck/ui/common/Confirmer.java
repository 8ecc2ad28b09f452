package dev.ecsdeck.ui.common;

/**
 * Asks the user to confirm an action. The UI shows a dialog; view-model tests answer with a lambda.
 * The message names the target, e.g. "Stop task 3f2a… of service web in prod-web?".
 */
@FunctionalInterface
public interface Confirmer {
    boolean confirm(String title, String message);

    /**
     * Asks with the two answers named: {@code goOn} does it, {@code goBack} does not (the default
     * answer). Without a dialog of its own, a confirmer answers as {@link #confirm(String, String)}.
     */
    default boolean confirm(String title, String message, String goOn, String goBack) {
        return confirm(title, message);
    }
}
