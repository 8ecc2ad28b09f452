package dev.ecsdeck.ui.common;

/**
 * Asks the user to confirm an action. The UI shows a dialog; view-model tests answer with a lambda.
 * The message names the target, e.g. "Stop task 3f2a… of service web in prod-web?".
 */
@FunctionalInterface
public interface Confirmer {
    boolean confirm(String title, String message);
}
