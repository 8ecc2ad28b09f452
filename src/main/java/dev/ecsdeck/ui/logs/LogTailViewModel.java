package dev.ecsdeck.ui.logs;

import dev.ecsdeck.model.LogEvent;
import dev.ecsdeck.model.LogStreamRef;
import dev.ecsdeck.provider.LogSink;
import dev.ecsdeck.provider.LogSubscription;
import dev.ecsdeck.provider.TailStatus;
import dev.ecsdeck.ui.common.CurrentThreadTaskExecutor;
import dev.ecsdeck.ui.common.TaskExecutor;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntUnaryOperator;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

/**
 * One log tail: events arrive in batches on the tail's thread and wait in a queue; {@link #drain()},
 * called by the view on a timer (and by tests directly), moves at most {@code maxLinesPerDrain} of
 * them into the bounded buffer and the shown rows, firing one change per list, so the FX thread does
 * a bounded amount of work per frame whatever the rate (the rest waits for the next tick).
 */
public final class LogTailViewModel implements LogSink {
    public static final int DEFAULT_CAPACITY = 1_000_000;
    /** At 20 drains a second this still takes in a million lines a second. */
    public static final int DEFAULT_MAX_LINES_PER_DRAIN = 50_000;

    private final String title;
    private final int maxLinesPerDrain;
    private final LogBuffer buffer;
    private final LogBufferList lines;
    private final ShownLines shown;
    private final BackgroundRefilter refilter;
    private final ConcurrentLinkedQueue<List<LogEvent>> inbox = new ConcurrentLinkedQueue<>();
    private final AtomicLong queued = new AtomicLong();
    private List<LogEvent> current = List.of();
    private int currentAt;
    /** Log group → stream → origin; a new task takes the next source index (colour). */
    private final Map<String, Map<String, LogOrigin>> origins = new HashMap<>();
    private final Map<String, Integer> sourceIndex = new HashMap<>();
    private int streamCount;
    private final List<LogSubscription> subscriptions = new CopyOnWriteArrayList<>();
    private volatile boolean closed;
    /** A status told on the tail's thread, shown at the next drain. */
    private record Told(String text, boolean live) {}

    private volatile Told told;

    private static final String STARTING = "Starting…";
    private final StringProperty status = new SimpleStringProperty(STARTING);
    /** What the tail follows and how its connection is, told after "Following" or "Paused"; null when the status is plain. */
    private String liveText;
    private String plainText = STARTING;
    private long receivedAtPause;
    private final StringProperty notice = new SimpleStringProperty("");
    private final BooleanProperty follow = new SimpleBooleanProperty(true);
    private final BooleanProperty timestamps = new SimpleBooleanProperty(true);
    private final BooleanProperty wrap = new SimpleBooleanProperty(false);
    private final StringProperty filterText = new SimpleStringProperty("");
    private final BooleanProperty regex = new SimpleBooleanProperty(false);
    private final IntegerProperty contextLines = new SimpleIntegerProperty(0);
    private final StringProperty filterError = new SimpleStringProperty("");
    private final LongProperty received = new SimpleLongProperty();
    private final LongProperty dropped = new SimpleLongProperty();
    private final IntegerProperty shownCount = new SimpleIntegerProperty();
    private final LongProperty queuedCount = new SimpleLongProperty();

    public LogTailViewModel(String title, List<LogStreamRef> sources, int capacity) {
        this(title, sources, capacity, DEFAULT_MAX_LINES_PER_DRAIN);
    }

    public LogTailViewModel(String title, List<LogStreamRef> sources, int capacity, int maxLinesPerDrain) {
        this(title, sources, capacity, maxLinesPerDrain, new CurrentThreadTaskExecutor(), BackgroundRefilter.DEFAULT_MATCH_IN_SWAP_MAX);
    }

    /** A new filter is matched through {@code executor} (in the background, the old view shown meanwhile). */
    public LogTailViewModel(String title, List<LogStreamRef> sources, int capacity, TaskExecutor executor) {
        this(title, sources, capacity, DEFAULT_MAX_LINES_PER_DRAIN, executor, BackgroundRefilter.DEFAULT_MATCH_IN_SWAP_MAX);
    }

    /** {@code matchInSwapMax}: lines arrived during a background filter that its swap matches itself (more go to another pass). */
    LogTailViewModel(String title, List<LogStreamRef> sources, int capacity, int maxLinesPerDrain, TaskExecutor executor, int matchInSwapMax) {
        if (maxLinesPerDrain < 1) {
            throw new IllegalArgumentException("maxLinesPerDrain must be at least 1: " + maxLinesPerDrain);
        }
        this.title = title;
        this.maxLinesPerDrain = maxLinesPerDrain;
        this.buffer = new LogBuffer(capacity);
        this.lines = new LogBufferList(buffer);
        this.shown = new ShownLines(buffer);
        this.refilter = new BackgroundRefilter(buffer, shown, executor, matchInSwapMax, () -> shownCount.set(shown.lineCount()));
        addSources(sources);
        filterText.addListener((obs, was, now) -> applyFilter());
        follow.addListener((obs, was, now) -> {
            receivedAtPause = buffer.received() + queued.get();
            showStatus();
        });
        regex.addListener((obs, was, now) -> applyFilter());
        contextLines.addListener((obs, was, now) -> applyFilter());
    }

    public String title() {
        return title;
    }

    /** Adds streams to follow (a service that started new tasks): each new task takes the next colour. */
    public void addSources(List<LogStreamRef> refs) {
        for (LogStreamRef ref : refs) {
            String task = ref.taskId() == null ? ref.logStreamName() : ref.taskId();
            Integer source = sourceIndex.computeIfAbsent(task, t -> sourceIndex.size());
            LogOrigin origin = new LogOrigin(source, task, ref.containerName());
            if (origins.computeIfAbsent(ref.logGroupName(), g -> new HashMap<>()).putIfAbsent(ref.logStreamName(), origin) == null) {
                streamCount++;
            }
        }
    }

    /** Keeps a subscription (a tail may have several), to close them all with the tab. */
    public void attach(LogSubscription subscription) {
        subscriptions.add(subscription);
        if (closed) {
            close();
        }
    }

    /** Lets go of a subscription that ended by itself (its streams read to their end). */
    public void detach(LogSubscription subscription) {
        subscriptions.remove(subscription);
    }

    public void close() {
        closed = true;
        for (LogSubscription s : subscriptions) {
            subscriptions.remove(s);
            s.close();
        }
    }

    @Override
    public void accept(List<LogEvent> batch) {
        if (batch.isEmpty()) {
            return;
        }
        // A copy: the tail may reuse its list once we return.
        inbox.add(List.copyOf(batch));
        queued.addAndGet(batch.size());
    }

    /** The tail's own words, shown as they are (the log area tells them with what is followed: {@link #tell}). */
    @Override
    public void status(TailStatus s) {
        tell(s.message(), false);
    }

    /** Sets the status at the next drain, from any thread: {@code live} as {@link #setLiveStatus}, else as {@link #setStatus}. */
    public void tell(String text, boolean live) {
        told = new Told(text, live);
    }

    /** Moves up to the per-drain cap of queued events into the buffer; returns how many lines were added. */
    public int drain() {
        Told s = told;
        if (s != null) {
            told = null;
            if (s.live()) {
                setLiveStatus(s.text());
            } else {
                setStatus(s.text());
            }
        }
        List<LogLine> taken = new ArrayList<>((int) Math.min(maxLinesPerDrain, Math.max(16, queued.get())));
        int added = 0;
        while (added < maxLinesPerDrain) {
            if (currentAt == current.size()) {
                List<LogEvent> next = inbox.poll();
                if (next == null) {
                    break;
                }
                current = next;
                currentAt = 0;
            }
            int n = Math.min(current.size() - currentAt, maxLinesPerDrain - added);
            for (int i = 0; i < n; i++) {
                LogEvent e = current.get(currentAt + i);
                taken.add(new LogLine(e.timestamp(), originOf(e), e.message()));
            }
            currentAt += n;
            added += n;
        }
        queuedCount.set(queued.addAndGet(-added));
        if (added > 0) {
            // Tasks' streams arrive each on their own schedule (a task joining a service's tail
            // brings lines from the tail's start): each line goes in at its time, not at the end.
            taken.sort(Comparator.comparingLong(LogLine::timestamp));
            LogBuffer.Merge merge = buffer.merge(taken);
            lines.fireMerged(merge);
            shown.update(merge);
            refilter.merged(merge);
            received.set(buffer.received());
            dropped.set(buffer.dropped());
            shownCount.set(shown.lineCount());
            if (liveText == null && STARTING.equals(plainText)) {
                liveText = "";
            }
            showStatus();
        }
        return added;
    }

    private LogOrigin originOf(LogEvent e) {
        Map<String, LogOrigin> byStream = origins.get(e.logGroupName());
        LogOrigin origin = byStream == null ? null : byStream.get(e.logStreamName());
        if (origin == null) {
            // A stream nobody announced: still shown, under its stream name.
            addSources(List.of(new LogStreamRef(e.logGroupName(), e.logStreamName(), null, null)));
            origin = origins.get(e.logGroupName()).get(e.logStreamName());
        }
        return origin;
    }

    private void applyFilter() {
        String text = filterText.get() == null ? "" : filterText.get();
        LogFilter f;
        if (text.isEmpty()) {
            f = null;
        } else {
            try {
                f = LogFilter.of(text, regex.get(), Math.max(0, contextLines.get()));
            } catch (IllegalArgumentException e) {
                refilter.cancel(); // the view shown stays
                filterError.set(e.getMessage());
                return;
            }
        }
        filterError.set("");
        refilter.start(f);
    }

    /** True while a new filter is matched in the background (the previous view still shows). */
    public ReadOnlyBooleanProperty filteringProperty() {
        return refilter.filteringProperty();
    }

    /** Every line held, oldest first, whatever the filter. */
    public ObservableList<LogLine> lines() {
        return lines;
    }

    /** The rows the view shows: all lines, or the filtered ones with their context and gaps. */
    public ObservableList<LogRow> shownRows() {
        return shown;
    }

    /** The current filter, or null when every line shows. */
    public LogFilter filter() {
        return shown.filter();
    }

    /** Rows that left the head of {@link #shownRows()} in the last drain. */
    public int lastHeadRemoved() {
        return shown.lastHeadRemoved();
    }

    /** Where each row of {@link #shownRows()} went in its last change (-1: it left); null when a new filter replaced them all. */
    public IntUnaryOperator lastMove() {
        return shown.lastMove();
    }

    public LogLineFormat format() {
        return new LogLineFormat(timestamps.get(), streamCount > 1, ZoneId.systemDefault());
    }

    /** The shown rows at these indices as text, one per line. */
    public String textOf(List<Integer> indices) {
        return LogTailExport.text(indices.stream().mapToInt(Integer::intValue).filter(i -> i >= 0 && i < shown.size()).sorted().distinct()
                .mapToObj(shown::get).toList(), format());
    }

    /**
     * Copies the shown rows in the ranges [from, to) (ascending) to {@code clipboard}: taken now
     * (references only), formatted by the executor in the background; the outcome shows in {@link #noticeProperty()}.
     */
    public void copy(List<int[]> ranges, TaskExecutor executor, java.util.function.Consumer<String> clipboard) {
        LogTailExport.copy(shown, ranges, format(), notice, executor, clipboard);
    }

    /**
     * Saves the whole buffer, or the shown rows, to a file: the rows are taken now (references only),
     * written by the executor in the background; the outcome shows in {@link #noticeProperty()}.
     */
    public void save(Path file, boolean shownOnly, TaskExecutor executor) {
        LogTailExport.save(file, shownOnly ? new ArrayList<>(shown) : Arrays.asList(buffer.toArray()), format(), notice, executor);
    }

    public BooleanProperty followProperty() {
        return follow;
    }

    public BooleanProperty timestampsProperty() {
        return timestamps;
    }

    public BooleanProperty wrapProperty() {
        return wrap;
    }

    /** Substring or regex (see {@link #regexProperty()}); empty shows every line. */
    public StringProperty filterTextProperty() {
        return filterText;
    }

    public BooleanProperty regexProperty() {
        return regex;
    }

    /** Lines shown before and after each match. */
    public IntegerProperty contextLinesProperty() {
        return contextLines;
    }

    /** Why the filter text was not applied (empty when it was). */
    public ReadOnlyStringProperty filterErrorProperty() {
        return filterError;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    /** A status told as it is (an error, a tail that ended): nothing is being followed. */
    public void setStatus(String text) {
        liveText = null;
        plainText = text;
        showStatus();
    }

    /**
     * The status of a tail that goes on: what it follows and how its connection is, shown after
     * "Following", or after "Paused" with the lines that arrived since, while paused.
     */
    public void setLiveStatus(String text) {
        liveText = text;
        showStatus();
    }

    private void showStatus() {
        if (liveText == null) {
            status.set(plainText);
            return;
        }
        String rest = liveText.isEmpty() ? "" : " " + liveText;
        if (follow.get()) {
            status.set("Following" + rest);
        } else {
            long since = buffer.received() - receivedAtPause;
            status.set(String.format(Locale.ROOT, "Paused: %,d new %s since pausing%s", Math.max(0, since), since == 1 ? "line" : "lines",
                    liveText.isEmpty() ? "" : " —" + rest));
        }
    }

    /** The outcome of the last save or copy. */
    public StringProperty noticeProperty() {
        return notice;
    }

    public ReadOnlyLongProperty receivedProperty() {
        return received;
    }

    public ReadOnlyLongProperty droppedProperty() {
        return dropped;
    }

    /** Lines in the current view (matching the filter, with context lines; gaps not counted). */
    public ReadOnlyIntegerProperty shownProperty() {
        return shownCount;
    }

    /** Lines received but waiting for a later drain (as of the last drain). */
    public ReadOnlyLongProperty queuedProperty() {
        return queuedCount;
    }

    public int sourceCount() {
        return sourceIndex.size();
    }

    public int capacity() {
        return buffer.capacity();
    }
}
