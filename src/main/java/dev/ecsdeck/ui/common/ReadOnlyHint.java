package dev.ecsdeck.ui.common;

import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

/**
 * The tooltip of a control that changes something: why it is off in read-only mode, else what it does.
 *
 * <p>JavaFX shows no tooltip on a disabled control (it gets no mouse events), yet that is when the
 * reason matters. So each scene with such a control watches the mouse itself: resting over a
 * disabled control with a hint shows that control's tooltip, moving off hides it.
 */
public final class ReadOnlyHint {
    public static final String READ_ONLY = "Read-only mode: changes are turned off.";
    /** Marks a control's hint in its properties, and a scene's watcher in the scene's. */
    private static final String KEY = ReadOnlyHint.class.getName();

    private ReadOnlyHint() {
    }

    public static void apply(Control control, ObservableBooleanValue readOnly, String whatItDoes) {
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(Bindings.createStringBinding(() -> readOnly.get() ? READ_ONLY : whatItDoes, readOnly));
        control.setTooltip(tip);
        control.getProperties().put(KEY, tip);
        if (control.getScene() != null) {
            DisabledHints.watch(control.getScene());
        }
        control.sceneProperty().addListener((obs, was, scene) -> {
            if (scene != null) {
                DisabledHints.watch(scene);
            }
        });
    }

    /** One scene's watcher: shows the hint of the disabled control under the mouse after the tooltip's usual delay. */
    private static final class DisabledHints {
        private final PauseTransition delay = new PauseTransition();
        private Control pending;
        private Tooltip shown;

        static void watch(Scene scene) {
            if (scene.getProperties().containsKey(KEY)) {
                return;
            }
            DisabledHints hints = new DisabledHints();
            scene.getProperties().put(KEY, hints);
            scene.addEventFilter(MouseEvent.MOUSE_MOVED, hints::moved);
            scene.addEventFilter(MouseEvent.MOUSE_EXITED_TARGET, e -> {
                if (e.getTarget() == scene) {
                    hints.hide();
                }
            });
            scene.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> hints.hide());
        }

        private void moved(MouseEvent e) {
            Control under = disabledHintedControl(e.getPickResult().getIntersectedNode(), e.getSceneX(), e.getSceneY());
            if (under == null) {
                hide();
                return;
            }
            Tooltip tip = (Tooltip) under.getProperties().get(KEY);
            if (tip == shown || under == pending) {
                return;
            }
            hide();
            pending = under;
            double x = e.getScreenX();
            double y = e.getScreenY();
            delay.setDuration(tip.getShowDelay());
            delay.setOnFinished(done -> {
                pending = null;
                if (under.isDisabled() && under.getScene() != null && under.getScene().getWindow() != null
                        && under.getScene().getWindow().isShowing()) {
                    Bounds onScreen = under.localToScreen(under.getBoundsInLocal());
                    tip.show(under, x, onScreen == null ? y + 16 : onScreen.getMaxY() + 2);
                    shown = tip;
                }
            });
            delay.playFromStart();
        }

        private void hide() {
            delay.stop();
            pending = null;
            if (shown != null) {
                shown.hide();
                shown = null;
            }
        }

        /**
         * The disabled control with a read-only hint under the point, or null. Picking passes over
         * disabled nodes, so {@code picked} is the enabled node behind it: the control is looked for
         * among its descendants under the point.
         */
        private static Control disabledHintedControl(Node picked, double sceneX, double sceneY) {
            for (Node n = picked; n != null; n = n.getParent()) {
                if (n instanceof Control c && c.getProperties().containsKey(KEY)) {
                    return c.isDisabled() ? c : null;
                }
            }
            return picked instanceof Parent p ? disabledHintedAt(p, sceneX, sceneY) : null;
        }

        private static Control disabledHintedAt(Parent parent, double sceneX, double sceneY) {
            List<Node> children = parent.getChildrenUnmodifiable();
            for (int i = children.size() - 1; i >= 0; i--) { // the topmost first
                Node child = children.get(i);
                Point2D p = child.isVisible() ? child.sceneToLocal(sceneX, sceneY) : null;
                if (p == null || !child.getBoundsInLocal().contains(p)) {
                    continue;
                }
                if (child instanceof Control c && c.getProperties().containsKey(KEY)) {
                    return c.isDisabled() ? c : null;
                }
                if (child instanceof Parent inner) {
                    Control found = disabledHintedAt(inner, sceneX, sceneY);
                    if (found != null) {
                        return found;
                    }
                }
            }
            return null;
        }
    }
}
