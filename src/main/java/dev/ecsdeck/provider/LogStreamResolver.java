package dev.ecsdeck.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsdeck.model.EcsTask;
import dev.ecsdeck.model.LogStreamInfo;
import dev.ecsdeck.model.LogStreamRef;
import dev.ecsdeck.model.Page;
import dev.ecsdeck.model.TaskDefinition;
import dev.ecsdeck.taskdef.LogRoute;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds where tasks' containers log in CloudWatch Logs, following each container's
 * {@link LogRoute} (awslogs, or FireLens to CloudWatch). A route known only as a stream-name prefix
 * is followed as the newest streams with that prefix. Containers whose logs cannot be followed are
 * listed with the reason.
 */
public final class LogStreamResolver {
    /** FilterLogEvents takes at most this many stream names. */
    public static final int MAX_STREAMS = 100;
    /** How many DescribeLogStreams pages a prefix may read before the newest found are taken. */
    private static final int MAX_PREFIX_PAGES = 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EcsProvider provider;
    private final Map<String, JsonNode> definitions = new ConcurrentHashMap<>();

    public LogStreamResolver(EcsProvider provider) {
        this.provider = provider;
    }

    /**
     * The streams found; one line per container whose logs are not followed; one per container
     * followed by a stream-name prefix only; and the log groups the user may open by hand instead.
     */
    public record Resolved(List<LogStreamRef> streams, List<String> notInCloudWatch, List<String> byPrefix, List<String> handPickGroups) {
        public Resolved {
            streams = List.copyOf(streams);
            notInCloudWatch = List.copyOf(notInCloudWatch);
            byPrefix = List.copyOf(byPrefix);
            handPickGroups = List.copyOf(handPickGroups);
        }
    }

    /**
     * The streams of every container of the service's started tasks (a task that has not started has
     * no streams yet: a later call finds it).
     */
    public Resolved forService(String cluster, String service) {
        List<EcsTask> started = provider.listTasks(cluster, TaskFilter.ofService(service)).stream()
                .filter(t -> t.startedAt() != null).toList();
        return forTasks(started, null);
    }

    /** The streams of these tasks' containers; only the one named when {@code onlyContainer} is set. */
    public Resolved forTasks(List<EcsTask> tasks, String onlyContainer) {
        Map<String, LogStreamRef> streams = new LinkedHashMap<>();
        List<String> elsewhere = new ArrayList<>();
        List<String> byPrefix = new ArrayList<>();
        Set<String> handPick = new LinkedHashSet<>();
        for (EcsTask task : tasks) {
            JsonNode td = definition(task.taskDefinitionArn());
            LogRoute.TaskContext context = new LogRoute.TaskContext(task.taskId(), task.taskArn(), clusterName(task.clusterArn()));
            for (JsonNode c : td.path("containerDefinitions")) {
                String name = c.path("name").asText();
                if (onlyContainer != null && !onlyContainer.equals(name)) {
                    continue;
                }
                String who = name + " (task " + shortId(task.taskId()) + ")";
                LogRoute route = LogRoute.of(c, context);
                if (route instanceof LogRoute.Stream s) {
                    streams.putIfAbsent(key(s.group(), s.stream()), new LogStreamRef(s.group(), s.stream(), task.taskId(), name));
                } else if (route instanceof LogRoute.StreamPrefix p) {
                    List<LogStreamRef> found = streamsByPrefix(p.group(), p.prefix(), task.taskId(), name);
                    found.forEach(r -> streams.putIfAbsent(key(r.logGroupName(), r.logStreamName()), r));
                    byPrefix.add(who + ": " + p.why() + "; following the " + found.size() + " newest streams of " + p.group()
                            + (p.prefix().isEmpty() ? "" : " starting with '" + p.prefix() + "'") + ".");
                    handPick.add(p.group());
                } else if (route instanceof LogRoute.NotInCloudWatch n) {
                    elsewhere.add(who + " " + n.reason() + ".");
                    if (n.group() != null) {
                        handPick.add(n.group());
                    }
                }
            }
        }
        return new Resolved(new ArrayList<>(streams.values()), elsewhere, byPrefix, new ArrayList<>(handPick));
    }

    /**
     * The newest streams (by last event time, at most {@link #MAX_STREAMS}) of a group whose names start
     * with {@code prefix} (every stream when empty), for a tail chosen by hand.
     */
    public List<LogStreamRef> streamsByPrefix(String group, String prefix) {
        return streamsByPrefix(group, prefix, null, null);
    }

    private List<LogStreamRef> streamsByPrefix(String group, String prefix, String taskId, String container) {
        List<LogStreamInfo> found = new ArrayList<>();
        String token = null;
        int pages = 0;
        boolean all = prefix == null || prefix.isEmpty();
        do {
            Page<LogStreamInfo> page = provider.describeLogStreams(group, all ? null : prefix, token);
            found.addAll(page.items());
            token = page.nextToken();
            pages++;
            // Without a prefix the pages come newest first: the first hundred are the ones wanted.
        } while (token != null && pages < MAX_PREFIX_PAGES && !(all && found.size() >= MAX_STREAMS));
        if (!all) {
            found.sort(Comparator.comparing((LogStreamInfo s) -> s.lastEventTimestamp() == null ? s.creationTime() : s.lastEventTimestamp())
                    .reversed());
        }
        return found.stream().limit(MAX_STREAMS).map(s -> new LogStreamRef(group, s.logStreamName(), taskId, container)).toList();
    }

    private JsonNode definition(String arn) {
        return definitions.computeIfAbsent(arn, a -> {
            TaskDefinition td = provider.describeTaskDefinition(a);
            try {
                return JSON.readTree(td.json());
            } catch (IOException e) {
                throw new UncheckedIOException("Task definition " + a + " is not valid JSON", e);
            }
        });
    }

    private static String key(String group, String stream) {
        return group + "\n" + stream;
    }

    /** "arn:aws:ecs:region:account:cluster/name" → "name"; a name stays as it is. */
    static String clusterName(String clusterArn) {
        if (clusterArn == null) {
            return null;
        }
        int slash = clusterArn.lastIndexOf('/');
        return slash < 0 ? clusterArn : clusterArn.substring(slash + 1);
    }

    private static String shortId(String id) {
        return id.length() > 8 ? id.substring(0, 8) : id;
    }
}
