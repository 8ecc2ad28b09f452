package dev.ecsdeck.ui.service;

import dev.ecsdeck.model.EcsService;
import dev.ecsdeck.model.ServiceEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The service's events, newest first, following each new service description: new events are
 * inserted at the top and events ECS no longer returns leave at the bottom, so rows that stay are
 * never replaced (the list keeps its selection and scroll). A text filter narrows the rows; task ids
 * in messages ("(task 0123…)") are links to the task.
 */
public final class ServiceEventsViewModel implements ServicePart {
    /** A task id as ECS writes it in event messages: "(task 32-hex)". */
    private static final Pattern TASK_ID = Pattern.compile("\\(task ([0-9a-f]{32})\\)");

    /** One piece of an event message: plain text, or a task id to link ({@code taskId} not null). */
    public record Segment(String text, String taskId) {
        public boolean isTaskLink() {
            return taskId != null;
        }
    }

    /** One event; {@code key} is its id (or its time and text when it has none). */
    public record EventRow(String key, Instant createdAt, String message) {
        static EventRow of(ServiceEvent e) {
            String key = e.id() != null ? e.id() : e.createdAt() + "|" + e.message();
            return new EventRow(key, e.createdAt(), e.message() == null ? "" : e.message());
        }

        /** The message cut into text and task-id links, in order. */
        public List<Segment> segments() {
            return ServiceEventsViewModel.segments(message);
        }

        /** The task ids the message names, in order. */
        public List<String> taskIds() {
            return segments().stream().filter(Segment::isTaskLink).map(Segment::taskId).toList();
        }
    }

    private final ServiceRef ref;
    private final ObservableList<EventRow> events = FXCollections.observableArrayList();
    private final FilteredList<EventRow> shown = new FilteredList<>(events);
    private final StringProperty filter = new SimpleStringProperty("");
    private final StringProperty count = new SimpleStringProperty("");
    private Consumer<String> onTaskLinked = id -> { };

    public ServiceEventsViewModel(ServicePanelContext ctx, ServiceRef ref, ReadOnlyObjectProperty<EcsService> service) {
        this.ref = ref;
        filter.addListener((obs, was, now) -> {
            String f = now == null ? "" : now.trim().toLowerCase(Locale.ROOT);
            shown.setPredicate(f.isEmpty() ? null : row -> row.message().toLowerCase(Locale.ROOT).contains(f));
            updateCount();
        });
        shown.addListener((ListChangeListener<EventRow>) c -> updateCount());
        service.addListener((obs, was, now) -> show(now));
        show(service.get());
        updateCount();
    }

    /** Called with a task id when the user clicks one in a message. */
    public void onTaskLinked(Consumer<String> handler) {
        this.onTaskLinked = handler == null ? id -> { } : handler;
    }

    /** The user clicked a task id. */
    public void openTask(String taskId) {
        if (taskId != null && !taskId.isEmpty()) {
            onTaskLinked.accept(taskId);
        }
    }

    /** Merges the service's events (newest first) into the list in place. */
    private void show(EcsService s) {
        if (s == null) {
            return;
        }
        List<EventRow> fresh = s.events().stream().map(EventRow::of).toList();
        Set<String> freshKeys = new HashSet<>();
        fresh.forEach(r -> freshKeys.add(r.key()));
        // Events ECS no longer returns (it keeps the newest 100) leave from wherever they are.
        for (int i = events.size() - 1; i >= 0; i--) {
            if (!freshKeys.contains(events.get(i).key())) {
                events.remove(i);
            }
        }
        Set<String> known = new HashSet<>();
        events.forEach(r -> known.add(r.key()));
        // New events: those before the newest known one go on top, in one change; any others in order.
        List<EventRow> onTop = new ArrayList<>();
        int at = 0;
        for (EventRow row : fresh) {
            if (known.contains(row.key())) {
                if (!onTop.isEmpty()) {
                    events.addAll(at, onTop);
                    at += onTop.size();
                    onTop.clear();
                }
                at = Math.max(at, events.indexOf(row) + 1);
            } else {
                onTop.add(row);
            }
        }
        if (!onTop.isEmpty()) {
            events.addAll(Math.min(at, events.size()), onTop);
        }
    }

    private void updateCount() {
        int total = events.size();
        String noun = total == 1 ? " event" : " events";
        String f = filter.get();
        count.set(f == null || f.isBlank() ? total + noun : shown.size() + " of " + total + noun);
    }

    /** Cuts a message into text and task-id links. */
    static List<Segment> segments(String message) {
        List<Segment> out = new ArrayList<>();
        if (message == null) {
            return out;
        }
        Matcher m = TASK_ID.matcher(message);
        int from = 0;
        while (m.find()) {
            int idStart = m.start(1);
            int idEnd = m.end(1);
            if (idStart > from) {
                out.add(new Segment(message.substring(from, idStart), null));
            }
            out.add(new Segment(m.group(1), m.group(1)));
            from = idEnd;
        }
        if (from < message.length()) {
            out.add(new Segment(message.substring(from), null));
        }
        return out;
    }

    /** Every event of the service, newest first. */
    public ObservableList<EventRow> events() {
        return events;
    }

    /** The events the filter lets through, newest first. */
    public ObservableList<EventRow> shownEvents() {
        return shown;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    /** "12 events", or "3 of 12 events" while filtering. */
    public ReadOnlyStringProperty countProperty() {
        return count;
    }

    public ServiceRef ref() {
        return ref;
    }
}
