package dev.ecsdeck.ui.logs;

import java.util.Set;
import java.util.function.IntSupplier;
import javafx.geometry.Point2D;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;

/**
 * Mouse and keys on the log canvas: clicks and arrow keys move the {@link LogSelection} (the caret's
 * row is brought into view), Ctrl+C copies, a double-click opens the details; the wheel scrolls, and
 * scrolling up or moving up through the lines pauses following, as in a terminal.
 */
final class LogCanvasInput {
    private static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);
    private static final Set<KeyCode> UPWARDS = Set.of(KeyCode.UP, KeyCode.PAGE_UP, KeyCode.HOME);

    private LogCanvasInput() {
    }

    static void install(LogCanvas view, LogSelection selection, IntSupplier rows, Runnable copy, Runnable openDetails, Runnable pause) {
        view.setFocusTraversable(true);
        view.setOnUpwards(pause);
        view.addEventHandler(ScrollEvent.SCROLL, e -> {
            if (e.getDeltaY() > 0) {
                pause.run();
            }
            int delta = (int) Math.round(-e.getDeltaY() / view.lineHeight());
            if (delta == 0 && e.getDeltaY() != 0) {
                delta = e.getDeltaY() > 0 ? -1 : 1;
            }
            view.scrollBy(delta, -e.getDeltaX());
            e.consume();
        });
        view.canvas().addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            view.requestFocus();
            if (e.getButton() != MouseButton.PRIMARY) {
                return;
            }
            Point2D at = view.canvas().localToParent(e.getX(), e.getY());
            int row = view.rowAt(at.getY());
            if (row >= 0) {
                selection.click(row, e.isShiftDown(), e.isShortcutDown());
            }
            if (e.getClickCount() == 2) {
                openDetails.run();
            }
        });
        view.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (COPY.match(e)) {
                copy.run();
                e.consume();
                return;
            }
            if (selection.key(e.getCode(), e.isShiftDown(), e.isShortcutDown(), rows.getAsInt(), view.page())) {
                if (UPWARDS.contains(e.getCode())) {
                    pause.run();
                }
                view.show(selection.caret());
                e.consume();
            }
        });
    }
}
