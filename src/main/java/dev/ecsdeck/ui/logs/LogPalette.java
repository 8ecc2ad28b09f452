package dev.ecsdeck.ui.logs;

import java.util.ArrayList;
import java.util.List;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * The log canvas's colours and fonts, as logs.css says them: hidden nodes carry the style classes
 * (time, origin per task colour, each level, match, gap, selected row, context) and their fill or
 * background is read after CSS, so the light and dark themes both apply. A change of any of them
 * (theme switched) calls the listener given, for a repaint.
 */
final class LogPalette {
    static final int SOURCE_COLOURS = 8;
    private static final Color FALLBACK = Color.GRAY;

    private final Pane probes = new Pane();
    private final Text time = text("log-time");
    private final Text message = text("log-message");
    private final Text error = levelText("error");
    private final Text warn = levelText("warn");
    private final Text info = levelText("info");
    private final Text debug = levelText("debug");
    private final Text match = text("log-match");
    private final Text gapText = text("log-gap-text");
    private final Text origin = text("log-origin");
    private final Text[] sources = new Text[SOURCE_COLOURS];
    private final Region selectedRow = region("log-row");
    private final Region gapRow = region("log-row", "log-gap");
    private final Region contextRow = region("log-row", "log-context");
    private final Text measure = new Text();
    private Font measuredFont;
    private double lineHeight;
    private double baseline;
    private double charWidth;

    LogPalette(Runnable changed) {
        probes.setManaged(false);
        probes.setVisible(false);
        selectedRow.pseudoClassStateChanged(PseudoClass.getPseudoClass("selected"), true);
        List<Node> all = new ArrayList<>(List.of(time, message, error, warn, info, debug, match, gapText, origin, selectedRow, gapRow, contextRow));
        for (int i = 0; i < SOURCE_COLOURS; i++) {
            sources[i] = text("log-origin");
            sources[i].pseudoClassStateChanged(PseudoClass.getPseudoClass("source-" + i), true);
            all.add(sources[i]);
        }
        probes.getChildren().addAll(all);
        for (Node n : all) {
            if (n instanceof Text t) {
                t.fillProperty().addListener(o -> changed.run());
                t.fontProperty().addListener(o -> changed.run());
            } else if (n instanceof Region r) {
                r.backgroundProperty().addListener(o -> changed.run());
                r.opacityProperty().addListener(o -> changed.run());
            }
        }
    }

    /** The hidden nodes, to be placed in the canvas control so its stylesheet reaches them. */
    Node probes() {
        return probes;
    }

    Paint time() {
        return time.getFill();
    }

    Paint gapText() {
        return gapText.getFill();
    }

    Paint match() {
        return match.getFill();
    }

    /** The message's colour for a level ("error", "warn", "info", "debug") or null for none. */
    Paint level(String level) {
        if (level == null) {
            return message.getFill();
        }
        return switch (level) {
            case "error" -> error.getFill();
            case "warn" -> warn.getFill();
            case "info" -> info.getFill();
            case "debug" -> debug.getFill();
            default -> message.getFill();
        };
    }

    /** The task's colour, for its bar and its name. */
    Paint source(int source) {
        return sources[Math.floorMod(source, SOURCE_COLOURS)].getFill();
    }

    Paint selectedBackground() {
        return fillOf(selectedRow);
    }

    Paint gapBackground() {
        return fillOf(gapRow);
    }

    /** How much context lines are dimmed (their opacity). */
    double contextOpacity() {
        return contextRow.getOpacity();
    }

    Font font() {
        return message.getFont();
    }

    Font boldFont() {
        return origin.getFont();
    }

    Font matchFont() {
        return match.getFont();
    }

    boolean matchUnderlined() {
        return match.isUnderline();
    }

    double lineHeight() {
        measure();
        return lineHeight;
    }

    /** The baseline's distance from a visual line's top. */
    double baseline() {
        measure();
        return baseline;
    }

    /** The width of one character of the (monospaced) log font. */
    double charWidth() {
        measure();
        return charWidth;
    }

    private void measure() {
        Font font = font();
        if (font.equals(measuredFont)) {
            return;
        }
        measuredFont = font;
        measure.setFont(font);
        measure.setText("0123456789012345678901234567890123456789");
        charWidth = measure.getLayoutBounds().getWidth() / 40;
        measure.setText("Xgj|");
        lineHeight = Math.ceil(measure.getLayoutBounds().getHeight());
        baseline = -measure.getLayoutBounds().getMinY(); // the text's origin is its baseline
    }

    private static Paint fillOf(Region r) {
        Background b = r.getBackground();
        if (b == null || b.getFills().isEmpty()) {
            return Color.TRANSPARENT;
        }
        BackgroundFill f = b.getFills().get(b.getFills().size() - 1);
        return f.getFill() == null ? FALLBACK : f.getFill();
    }

    private static Text text(String styleClass) {
        Text t = new Text("x");
        t.getStyleClass().addAll("log-text", styleClass);
        return t;
    }

    private static Text levelText(String pseudoClass) {
        Text t = text("log-message");
        t.pseudoClassStateChanged(PseudoClass.getPseudoClass(pseudoClass), true);
        return t;
    }

    private static Region region(String... styleClasses) {
        Region r = new Region();
        r.getStyleClass().addAll(styleClasses);
        return r;
    }
}
