package dev.ecsdeck.ui.logs;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.IntUnaryOperator;
import java.util.function.Supplier;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Orientation;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ScrollBar;
import javafx.scene.layout.Region;

/**
 * The log view's rows, painted on a {@link Canvas}: no node per row, so a frame that shows new lines
 * in every row costs a repaint of the rows in view and no CSS pass over row nodes. Scrolling is by
 * row index (the top row), so a million rows cost nothing more than ten; unwrapped, every row is one
 * line tall. Changes only mark the canvas dirty; it paints at most once per pulse, in its layout.
 * <p>
 * Following, the newest row stays at the bottom; paused, the rows on screen stay in place when rows
 * leave the head of the list or late lines come in above them. Style class {@code log-lines}; its colours come from logs.css
 * through {@link LogPalette}.
 */
final class LogCanvas extends Region {
    private static final int[] ONE_LINE = {0};

    /** A row painted in the last frame: where, how big, and what it showed. */
    record PaintedRow(int index, double y, double height, double width, boolean selected, boolean context, int matches, boolean time) {
    }

    private final ObservableList<LogRow> rows;
    private final Supplier<LogLineFormat> format;
    private final Supplier<LogFilter> filter;
    private final BooleanSupplier wrap;
    private final BooleanSupplier following;
    private final LogSelection selection;
    private final Canvas canvas = new Canvas();
    private final ScrollBar vbar = new ScrollBar();
    private final ScrollBar hbar = new ScrollBar();
    private final LogPalette palette = new LogPalette(this::markDirty);
    private final LogRowPainter painter = new LogRowPainter(palette);
    private final List<PaintedRow> painted = new ArrayList<>();
    private final LogTimeText times = new LogTimeText();
    private int topRow;
    private double scrollX;
    /** The widest unwrapped row painted so far: how far the view scrolls sideways. */
    private double contentWidth;
    private boolean dirty = true;
    private boolean settingBars;
    private Runnable pause = () -> { };

    /**
     * {@code lastMove}: where each row went in the last change of {@code rows} (old index to new, -1
     * when it left), or null when every row was replaced (a new filter).
     */
    LogCanvas(ObservableList<LogRow> rows, Supplier<LogLineFormat> format, Supplier<LogFilter> filter, BooleanSupplier wrap,
            BooleanSupplier following, Supplier<IntUnaryOperator> lastMove, LogSelection selection) {
        this.rows = rows;
        this.format = format;
        this.filter = filter;
        this.wrap = wrap;
        this.following = following;
        this.selection = selection;
        getStyleClass().add("log-lines");
        vbar.setOrientation(Orientation.VERTICAL);
        hbar.setOrientation(Orientation.HORIZONTAL);
        hbar.setVisible(false);
        getChildren().addAll(canvas, vbar, hbar, palette.probes());
        rows.addListener((ListChangeListener<LogRow>) c -> {
            // Paused, the rows on screen keep their place as older rows leave the head or come in above them.
            IntUnaryOperator move = lastMove.get();
            if (move != null) {
                topRow = Math.max(0, move.applyAsInt(topRow));
            }
            markDirty();
        });
        vbar.valueProperty().addListener((obs, was, now) -> {
            if (!settingBars) {
                if (now.doubleValue() < was.doubleValue()) {
                    pause.run();
                }
                topRow = (int) Math.round(now.doubleValue());
                markDirty();
            }
        });
        hbar.valueProperty().addListener((obs, was, now) -> {
            if (!settingBars) {
                scrollX = now.doubleValue();
                markDirty();
            }
        });
    }

    /** What to do when the user moves up through the rows (pause following). */
    void setOnUpwards(Runnable pause) {
        this.pause = pause;
    }

    Canvas canvas() {
        return canvas;
    }

    LogPalette palette() {
        return palette;
    }

    /** The height of a one-line row. */
    double lineHeight() {
        return painter.height(1);
    }

    /** Asks for a repaint in the next pulse (one, however many changes came before it). */
    void markDirty() {
        dirty = true;
        requestLayout(); // marks the ancestors too, so the next pulse is sure to lay this out
    }

    /** Forgets the widths seen and repaints (the text of every row changed: timestamps, wrap). */
    void refresh() {
        contentWidth = 0;
        markDirty();
    }

    /** Puts the newest row at the bottom. */
    void showLast() {
        topRow = topShowingAsLast(rows.size() - 1);
        markDirty();
    }

    /** Scrolls as little as needed to bring row {@code index} fully into view. */
    void show(int index) {
        if (index < 0 || index >= rows.size()) {
            return;
        }
        if (index < topRow) {
            topRow = index;
        } else if (index > lastFullyVisible()) {
            topRow = topShowingAsLast(index);
        }
        markDirty();
    }

    /** Scrolls by {@code delta} rows (negative: up) and {@code dx} pixels sideways. */
    void scrollBy(int delta, double dx) {
        topRow = Math.max(0, Math.min(topShowingAsLast(rows.size() - 1), topRow + delta));
        scrollX = clampX(scrollX + dx);
        markDirty();
    }

    /** The index of the first row in view, or -1 when there is none or no room. */
    int firstVisibleIndex() {
        return rows.isEmpty() || canvas.getHeight() <= 0 ? -1 : Math.min(topRow, rows.size() - 1);
    }

    /** The index of the last row in view (even partly), or -1. */
    int lastVisibleIndex() {
        int first = firstVisibleIndex();
        if (first < 0) {
            return -1;
        }
        double y = 0;
        int i = first;
        while (i < rows.size() && y < canvas.getHeight()) {
            y += rowHeight(i++);
        }
        return i - 1;
    }

    /** Rows in view, for PageUp/PageDown. */
    int page() {
        return Math.max(1, lastVisibleIndex() - firstVisibleIndex());
    }

    /** The row at {@code y} (this control's coordinates) in the last frame, or -1. */
    int rowAt(double y) {
        double cy = y - canvas.getLayoutY();
        for (PaintedRow r : painted) {
            if (cy >= r.y() && cy < r.y() + r.height()) {
                return r.index();
            }
        }
        return -1;
    }

    /** The top of row {@code index} (this control's coordinates) in the last frame, or NaN when not painted. */
    double yOf(int index) {
        for (PaintedRow r : painted) {
            if (r.index() == index) {
                return canvas.getLayoutY() + r.y();
            }
        }
        return Double.NaN;
    }

    /** The rows painted in the last frame, top to bottom. */
    List<PaintedRow> painted() {
        return List.copyOf(painted);
    }

    @Override
    protected void layoutChildren() {
        double left = snappedLeftInset();
        double top = snappedTopInset();
        double w = Math.max(0, getWidth() - left - snappedRightInset());
        double h = Math.max(0, getHeight() - top - snappedBottomInset());
        double barWidth = snapSizeX(vbar.prefWidth(-1));
        boolean wrapped = wrap.getAsBoolean();
        boolean sideways = !wrapped && contentWidth > w - barWidth;
        double barHeight = sideways ? snapSizeY(hbar.prefHeight(-1)) : 0;
        double cw = Math.max(0, w - barWidth);
        double ch = Math.max(0, h - barHeight);
        if (canvas.getWidth() != cw || canvas.getHeight() != ch) {
            canvas.setWidth(cw);
            canvas.setHeight(ch);
            dirty = true;
        }
        canvas.relocate(left, top);
        vbar.resizeRelocate(left + cw, top, barWidth, ch);
        hbar.setVisible(sideways);
        hbar.resizeRelocate(left, top + ch, cw, barHeight);
        int lastTop = topShowingAsLast(rows.size() - 1);
        topRow = following.getAsBoolean() ? lastTop : Math.min(topRow, lastTop);
        scrollX = wrapped ? 0 : clampX(scrollX);
        if (dirty) {
            paint();
        }
        updateBars(lastTop);
        if (!wrapped && (contentWidth > w - barWidth) != sideways) {
            requestLayout(); // the sideways bar comes or goes: lay out again next pulse
        }
    }

    private void paint() {
        dirty = false;
        painted.clear();
        GraphicsContext gc = canvas.getGraphicsContext2D();
        double cw = canvas.getWidth();
        double ch = canvas.getHeight();
        gc.clearRect(0, 0, cw, ch);
        if (cw <= 0 || ch <= 0) {
            return;
        }
        LogLineFormat f = format.get();
        LogFilter flt = filter.get();
        boolean wrapped = wrap.getAsBoolean();
        int columns = columns();
        double charWidth = palette.charWidth();
        double y = 0;
        for (int i = topRow; i < rows.size() && y < ch; i++) {
            LogRowText row = LogRowText.of(rows.get(i), f, flt, times);
            int[] starts = wrapped ? LogWrap.lineStarts(row.text(), columns) : ONE_LINE;
            boolean selected = selection.contains(i);
            painter.paint(gc, row, starts, y, cw, scrollX, selected);
            double height = painter.height(starts.length);
            double width = wrapped ? LogRowPainter.textLeft() + longestLine(starts, row.text()) * charWidth + LogRowPainter.PAD_RIGHT
                    : painter.width(row);
            painted.add(new PaintedRow(i, y, height, width, selected, row.context(), row.matches(), row.hasTime()));
            if (!wrapped) {
                contentWidth = Math.max(contentWidth, width);
            }
            y += height;
        }
    }

    private void updateBars(int lastTop) {
        settingBars = true;
        vbar.setMax(lastTop);
        vbar.setVisibleAmount(Math.max(1, painted.size()));
        vbar.setBlockIncrement(Math.max(1, painted.size() - 1));
        vbar.setValue(topRow);
        hbar.setMax(Math.max(0, contentWidth - canvas.getWidth()));
        hbar.setVisibleAmount(canvas.getWidth());
        hbar.setBlockIncrement(canvas.getWidth() / 2);
        hbar.setUnitIncrement(palette.charWidth() * 4);
        hbar.setValue(scrollX);
        settingBars = false;
    }

    private double clampX(double x) {
        return Math.max(0, Math.min(x, contentWidth - canvas.getWidth()));
    }

    /** Characters per visual line when wrapping. */
    private int columns() {
        double room = canvas.getWidth() - LogRowPainter.textLeft() - LogRowPainter.PAD_RIGHT;
        return Math.max(1, (int) Math.floor(room / palette.charWidth()));
    }

    private double rowHeight(int index) {
        if (!wrap.getAsBoolean()) {
            return painter.height(1);
        }
        String text = LogRowText.of(rows.get(index), format.get(), null, times).text();
        return painter.height(LogWrap.lineStarts(text, columns()).length);
    }

    /** The top row that shows row {@code last} at the bottom of the view. */
    private int topShowingAsLast(int last) {
        if (last <= 0) {
            return 0;
        }
        double room = canvas.getHeight();
        if (!wrap.getAsBoolean()) {
            int fit = Math.max(1, (int) Math.floor(room / painter.height(1)));
            return Math.max(0, last - fit + 1);
        }
        int top = last;
        double used = rowHeight(last);
        while (top > 0 && used + rowHeight(top - 1) <= room) {
            used += rowHeight(--top);
        }
        return top;
    }

    private int lastFullyVisible() {
        double y = 0;
        int i = topRow;
        while (i < rows.size() && y + rowHeight(i) <= canvas.getHeight()) {
            y += rowHeight(i++);
        }
        return Math.max(topRow, i - 1);
    }

    /** The most characters a visual line shows (the space a line breaks after shows nothing). */
    private static int longestLine(int[] starts, String text) {
        int longest = 0;
        for (int i = 0; i < starts.length; i++) {
            int end = i + 1 < starts.length ? starts[i + 1] : text.length();
            while (end > starts[i] && text.charAt(end - 1) == ' ') {
                end--;
            }
            longest = Math.max(longest, end - starts[i]);
        }
        return longest;
    }
}
