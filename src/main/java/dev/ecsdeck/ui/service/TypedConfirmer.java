package dev.ecsdeck.ui.service;

/**
 * Asks for a drastic change to be confirmed by typing a word (the service's name): the UI shows a
 * dialog with a text field whose OK stays disabled until the text matches; tests answer with a lambda.
 */
@FunctionalInterface
public interface TypedConfirmer {
    boolean confirmTyped(String title, String message, String expected);
}
