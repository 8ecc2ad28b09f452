package dev.ecsdeck.ui.logs;

import java.util.Set;
import java.util.function.IntSupplier;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import org.fxmisc.flowless.VirtualFlow;
import org.fxmisc.flowless.VirtualFlowHit;

/**
 * Mouse and keys on the log flow: clicks and arrow keys move the {@link LogSelection} (the caret's
 * row is brought into view), Ctrl+C copies, a double-click opens the details; scrolling up or
 * moving up through the lines pauses following, as in a terminal.
 */
final class LogFlowInput {
    private static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);
    private static final Set<KeyCode> UPWARDS = Set.of(KeyCode.UP, KeyCode.PAGE_UP, KeyCode.HOME);

    private LogFlowInput() {
    }

    /** {@code scrollArea} is the node taking scroll events (the scroll pane around the flow). */
    static void install(VirtualFlow<LogRow, LogRowCell> flow, Node scrollArea, LogSelection selection, IntSupplier rows, Runnable copy,
            Runnable openDetails, Runnable pause) {
        flow.setFocusTraversable(true);
        scrollArea.addEventFilter(ScrollEvent.SCROLL, e -> {
            if (e.getDeltaY() > 0) {
                pause.run();
            }
        });
        flow.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            flow.requestFocus();
            if (e.getButton() != MouseButton.PRIMARY) {
                return;
            }
            VirtualFlowHit<LogRowCell> hit = flow.hit(e.getX(), e.getY());
            if (hit.isCellHit()) {
                selection.click(hit.getCellIndex(), e.isShiftDown(), e.isShortcutDown());
            }
            if (e.getClickCount() == 2) {
                openDetails.run();
            }
        });
        flow.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (COPY.match(e)) {
                copy.run();
                e.consume();
                return;
            }
            int first = flow.getFirstVisibleIndex();
            int page = first < 0 ? 1 : flow.getLastVisibleIndex() - first;
            if (selection.key(e.getCode(), e.isShiftDown(), e.isShortcutDown(), rows.getAsInt(), page)) {
                if (UPWARDS.contains(e.getCode())) {
                    pause.run();
                }
                flow.show(selection.caret());
                e.consume();
            }
        });
    }
}
