package dev.ecsdeck.ui.logs;

import dev.ecsdeck.model.LogEvent;
import dev.ecsdeck.model.LogStreamRef;
import dev.ecsdeck.provider.LogSink;
import dev.ecsdeck.provider.LogSubscription;
import dev.ecsdeck.provider.TailStatus;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

/**
 * One log tail: events arrive on the tail's thread and wait in a queue; {@link #drain()}, called by
 * the view on a timer (and by tests directly), moves them into the bounded buffer in one change,
 * so the FX thread does a bounded amount of work per frame whatever the rate.
 */
public final class LogTailViewModel implements LogSink {
    public static final int DEFAULT_CAPACITY = 1_000_000;

    private final String title;
    private final LogBuffer buffer;
    private final LogBufferList lines;
    private final ConcurrentLinkedQueue<LogEvent> inbox = new ConcurrentLinkedQueue<>();
    private final Map<String, LogStreamRef> streams = new HashMap<>();
    private final Map<String, Integer> sourceIndex = new HashMap<>();
    private final StringProperty status = new SimpleStringProperty("Starting…");
    private final BooleanProperty follow = new SimpleBooleanProperty(true);
    private final LongProperty received = new SimpleLongProperty();
    private final LongProperty dropped = new SimpleLongProperty();
    private volatile TailStatus lastStatus;
    private final List<LogSubscription> subscriptions = new java.util.concurrent.CopyOnWriteArrayList<>();

    public LogTailViewModel(String title, List<LogStreamRef> sources, int capacity) {
        this.title = title;
        this.buffer = new LogBuffer(capacity);
        this.lines = new LogBufferList(buffer);
        addSources(sources);
    }

    /** More streams to label (a service's new tasks); call on the FX thread. */
    public void addSources(List<LogStreamRef> sources) {
        for (LogStreamRef ref : sources) {
            streams.put(ref.logGroupName() + "\n" + ref.logStreamName(), ref);
            String task = ref.taskId() == null ? ref.logStreamName() : ref.taskId();
            sourceIndex.putIfAbsent(task, sourceIndex.size());
        }
    }

    public String title() {
        return title;
    }

    /** Keeps a subscription (there may be several), to close them all with the tab. */
    public void attach(LogSubscription subscription) {
        subscriptions.add(subscription);
    }

    public void close() {
        subscriptions.forEach(LogSubscription::close);
        subscriptions.clear();
    }

    @Override
    public void accept(List<LogEvent> batch) {
        inbox.addAll(batch);
    }

    @Override
    public void status(TailStatus s) {
        lastStatus = s;
    }

    /** Moves queued events into the buffer; returns how many lines were added. */
    public int drain() {
        TailStatus s = lastStatus;
        if (s != null) {
            lastStatus = null;
            status.set(s.message());
        }
        int oldSize = buffer.size();
        int added = 0;
        LogEvent e;
        while ((e = inbox.poll()) != null) {
            LogStreamRef ref = streams.get(e.logGroupName() + "\n" + e.logStreamName());
            String task = ref == null ? e.logStreamName() : ref.taskId();
            String container = ref == null ? null : ref.containerName();
            int source = sourceIndex.getOrDefault(task == null ? "" : task, 0);
            buffer.add(new LogLine(e.timestamp(), e.eventId(), source, task, container, e.message()));
            added++;
        }
        if (added > 0) {
            // Of the old lines, those pushed out; of the new ones, those still held.
            int removedOld = Math.min(oldSize, oldSize + added - buffer.size());
            lines.fireAppended(removedOld, buffer.size() - (oldSize - removedOld));
            received.set(buffer.received());
            dropped.set(buffer.dropped());
            if ("Starting…".equals(status.get())) {
                status.set("Following");
            }
        }
        return added;
    }

    public ObservableList<LogLine> lines() {
        return lines;
    }

    public BooleanProperty followProperty() {
        return follow;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    public void setStatus(String text) {
        status.set(text);
    }

    public ReadOnlyLongProperty receivedProperty() {
        return received;
    }

    public ReadOnlyLongProperty droppedProperty() {
        return dropped;
    }

    public int sourceCount() {
        return sourceIndex.size();
    }
}
