package dev.ecsdeck.ui.logs;

import dev.ecsdeck.model.LogGroupInfo;
import dev.ecsdeck.model.LogStreamInfo;
import dev.ecsdeck.provider.EcsProvider;
import dev.ecsdeck.provider.LogStreamResolver;
import dev.ecsdeck.ui.common.BackgroundTask;
import dev.ecsdeck.ui.common.ErrorText;
import dev.ecsdeck.ui.common.TaskExecutor;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The source dialog: find a log group by name prefix (DescribeLogGroups, a page at a time), then
 * pick up to 100 of its streams (newest first by last event time), or a stream-name prefix, which is
 * what FilterLogEvents can follow; and the start point.
 */
public final class LogSourceViewModel {
    private final EcsProvider provider;
    private final TaskExecutor executor;
    private final LongSupplier nowMillis;
    private final TailStartChooser start;
    private final StringProperty groupPrefix = new SimpleStringProperty("");
    private final ObservableList<LogGroupInfo> groups = FXCollections.observableArrayList();
    private final BooleanProperty moreGroups = new SimpleBooleanProperty();
    private final ObjectProperty<LogGroupInfo> group = new SimpleObjectProperty<>();
    private final ObservableList<LogStreamInfo> streams = FXCollections.observableArrayList();
    private final BooleanProperty moreStreams = new SimpleBooleanProperty();
    private final ObservableList<LogStreamInfo> chosen = FXCollections.observableArrayList();
    private final StringProperty streamPrefix = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private String groupsToken;
    private String streamsToken;
    /** Bumped on each new search, so an older answer arriving late is dropped. */
    private int groupQuery;
    private int streamQuery;

    public LogSourceViewModel(EcsProvider provider, TaskExecutor executor, LongSupplier nowMillis, TailStartChooser start) {
        this.provider = provider;
        this.executor = executor;
        this.nowMillis = nowMillis;
        this.start = start;
        group.addListener((o, was, now) -> loadStreams());
        chosen.addListener((javafx.collections.ListChangeListener<LogStreamInfo>) c -> error.set(""));
        group.addListener((o, was, now) -> error.set(""));
    }

    /** Lists the groups whose names start with the prefix, from the first page. */
    public void searchGroups() {
        int query = ++groupQuery;
        groups.clear();
        groupsToken = null;
        loadGroups(query);
    }

    public void loadMoreGroups() {
        if (groupsToken != null) {
            loadGroups(groupQuery);
        }
    }

    private void loadGroups(int query) {
        String prefix = groupPrefix.get().trim();
        String token = groupsToken;
        status.set("Listing log groups…");
        BackgroundTask.of(() -> provider.describeLogGroups(prefix, token)).onSuccess(page -> {
            if (query != groupQuery) {
                return;
            }
            groups.addAll(page.items());
            groupsToken = page.nextToken();
            moreGroups.set(groupsToken != null);
            status.set(groups.isEmpty() ? "No log group starts with '" + prefix + "'." : groups.size() + " log groups"
                    + (groupsToken != null ? " (more to load)" : ""));
        }).onFailure(e -> status.set(ErrorText.of(e))).executeWith(executor);
    }

    private void loadStreams() {
        int query = ++streamQuery;
        streams.clear();
        chosen.clear();
        streamsToken = null;
        moreStreams.set(false);
        if (group.get() != null) {
            loadStreams(query);
        }
    }

    public void loadMoreStreams() {
        if (streamsToken != null && group.get() != null) {
            loadStreams(streamQuery);
        }
    }

    private void loadStreams(int query) {
        String name = group.get().logGroupName();
        String token = streamsToken;
        status.set("Listing streams of " + name + "…");
        BackgroundTask.of(() -> provider.describeLogStreams(name, null, token)).onSuccess(page -> {
            if (query != streamQuery) {
                return;
            }
            streams.addAll(page.items());
            streamsToken = page.nextToken();
            moreStreams.set(streamsToken != null);
            status.set(streams.size() + " streams of " + name + ", newest first" + (streamsToken != null ? " (more to load)" : ""));
        }).onFailure(e -> status.set(ErrorText.of(e))).executeWith(executor);
    }

    /**
     * The source as chosen, or empty with {@link #errorProperty()} (or the start point's error)
     * saying what to fix.
     */
    public Optional<HandPickedSource> result() {
        if (group.get() == null) {
            error.set("Log group: choose a log group (search by name prefix, then select one).");
            return Optional.empty();
        }
        if (chosen.size() > LogStreamResolver.MAX_STREAMS) {
            error.set("Streams: choose at most " + LogStreamResolver.MAX_STREAMS + " (FilterLogEvents follows at most "
                    + LogStreamResolver.MAX_STREAMS + " named streams), or none and a stream-name prefix.");
            return Optional.empty();
        }
        Optional<TailStart> from = start.validate(nowMillis.getAsLong());
        if (from.isEmpty()) {
            error.set("");
            return Optional.empty();
        }
        error.set("");
        List<String> names = chosen.stream().map(LogStreamInfo::logStreamName).toList();
        return Optional.of(new HandPickedSource(group.get().logGroupName(), names, names.isEmpty() ? streamPrefix.get().trim() : "",
                from.get()));
    }

    public StringProperty groupPrefixProperty() {
        return groupPrefix;
    }

    public ObservableList<LogGroupInfo> groups() {
        return groups;
    }

    public BooleanProperty moreGroupsProperty() {
        return moreGroups;
    }

    public ObjectProperty<LogGroupInfo> groupProperty() {
        return group;
    }

    public ObservableList<LogStreamInfo> streams() {
        return streams;
    }

    public BooleanProperty moreStreamsProperty() {
        return moreStreams;
    }

    /** The streams selected (none: follow by prefix). */
    public ObservableList<LogStreamInfo> chosen() {
        return chosen;
    }

    public StringProperty streamPrefixProperty() {
        return streamPrefix;
    }

    public TailStartChooser start() {
        return start;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
