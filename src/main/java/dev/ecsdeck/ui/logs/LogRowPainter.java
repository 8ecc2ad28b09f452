package dev.ecsdeck.ui.logs;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;

/**
 * Draws one row of the log canvas: the selected or gap background, the task's colour bar at the
 * left, then the text's runs (time, task and container in the task's colour, message in its level's
 * colour, filter matches highlighted), context lines dimmed. The font is monospaced, so a character's
 * position is its column times the character width; only the characters in view are drawn.
 */
final class LogRowPainter {
    static final double BAR = 3;
    static final double PAD_LEFT = 3;
    static final double PAD_RIGHT = 6;
    static final double PAD_Y = 1;

    private final LogPalette palette;

    LogRowPainter(LogPalette palette) {
        this.palette = palette;
    }

    /** The left edge of the text, from the row's left. */
    static double textLeft() {
        return BAR + PAD_LEFT;
    }

    /** How tall a row of {@code lines} visual lines is. */
    double height(int lines) {
        return lines * palette.lineHeight() + 2 * PAD_Y;
    }

    /** How wide the row's text is, unwrapped, with its padding. */
    double width(LogRowText row) {
        return textLeft() + row.text().length() * palette.charWidth() + PAD_RIGHT;
    }

    /**
     * Paints the row at {@code y} over the canvas's {@code width}, its text shifted left by
     * {@code scrollX}; {@code lineStarts} are its visual lines' starts (one line: {0}).
     */
    void paint(GraphicsContext gc, LogRowText row, int[] lineStarts, double y, double width, double scrollX, boolean selected) {
        double height = height(lineStarts.length);
        Paint background = selected ? palette.selectedBackground() : row.gap() ? palette.gapBackground() : null;
        if (background != null) {
            gc.setFill(background);
            gc.fillRect(0, y, width, height);
        }
        if (row.source() >= 0) {
            gc.setFill(palette.source(row.source()));
            gc.fillRect(0, y, BAR, height);
        }
        gc.save();
        gc.beginPath();
        gc.rect(textLeft(), y, Math.max(0, width - textLeft()), height);
        gc.clip();
        gc.setTextBaseline(VPos.BASELINE);
        if (row.context()) {
            gc.setGlobalAlpha(palette.contextOpacity());
        }
        double cw = palette.charWidth();
        int firstColumn = (int) Math.floor(scrollX / cw);
        int columns = (int) Math.ceil(width / cw) + 1;
        String text = row.text();
        for (int line = 0; line < lineStarts.length; line++) {
            int from = lineStarts[line];
            int to = line + 1 < lineStarts.length ? lineStarts[line + 1] : text.length();
            double baseline = y + PAD_Y + line * palette.lineHeight() + palette.baseline();
            // Of this visual line, only the columns in view.
            int visibleFrom = Math.min(to, from + firstColumn);
            int visibleTo = Math.min(to, visibleFrom + columns);
            double x0 = textLeft() - scrollX + (visibleFrom - from) * cw;
            paintRuns(gc, row, visibleFrom, visibleTo, x0, baseline);
        }
        gc.restore();
    }

    private void paintRuns(GraphicsContext gc, LogRowText row, int from, int to, double x0, double baseline) {
        int[] runs = row.runs();
        double cw = palette.charWidth();
        for (int r = 0; r < runs.length; r += 3) {
            int start = Math.max(from, runs[r]);
            int end = Math.min(to, runs[r + 1]);
            if (start >= end) {
                continue;
            }
            int kind = runs[r + 2];
            double x = x0 + (start - from) * cw;
            gc.setFont(fontOf(kind));
            gc.setFill(fillOf(kind, row));
            gc.fillText(row.text().substring(start, end), x, baseline);
            if (kind == LogRowText.MATCH && palette.matchUnderlined()) {
                gc.fillRect(x, baseline + 1, (end - start) * cw, 1);
            }
        }
    }

    private Font fontOf(int kind) {
        return switch (kind) {
            case LogRowText.ORIGIN -> palette.boldFont();
            case LogRowText.MATCH -> palette.matchFont();
            default -> palette.font();
        };
    }

    private Paint fillOf(int kind, LogRowText row) {
        return switch (kind) {
            case LogRowText.TIME -> palette.time();
            case LogRowText.ORIGIN -> palette.source(row.source());
            case LogRowText.MATCH -> palette.match();
            case LogRowText.GAP -> palette.gapText();
            default -> palette.level(row.level());
        };
    }
}
