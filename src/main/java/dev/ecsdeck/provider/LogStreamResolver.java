package dev.ecsdeck.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsdeck.model.EcsTask;
import dev.ecsdeck.model.LogStreamRef;
import dev.ecsdeck.model.TaskDefinition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds where tasks' containers log in CloudWatch Logs, from each container's awslogs options in the
 * task definition: stream {@code <awslogs-stream-prefix>/<container>/<task id>} in
 * {@code awslogs-group}. Containers that log elsewhere are listed with the reason.
 */
public final class LogStreamResolver {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final EcsProvider provider;
    private final Map<String, JsonNode> definitions = new ConcurrentHashMap<>();

    public LogStreamResolver(EcsProvider provider) {
        this.provider = provider;
    }

    /** The streams found, and one line per container whose logs are not in CloudWatch. */
    public record Resolved(List<LogStreamRef> streams, List<String> notInCloudWatch) {
        public Resolved {
            streams = List.copyOf(streams);
            notInCloudWatch = List.copyOf(notInCloudWatch);
        }
    }

    /** The streams of every container of the service's running tasks. */
    public Resolved forService(String cluster, String service) {
        return forTasks(provider.listTasks(cluster, TaskFilter.ofService(service)), null);
    }

    /** The streams of these tasks' containers; only the one named when {@code onlyContainer} is set. */
    public Resolved forTasks(List<EcsTask> tasks, String onlyContainer) {
        List<LogStreamRef> streams = new ArrayList<>();
        List<String> elsewhere = new ArrayList<>();
        for (EcsTask task : tasks) {
            JsonNode td = definition(task.taskDefinitionArn());
            for (JsonNode c : td.path("containerDefinitions")) {
                String name = c.path("name").asText();
                if (onlyContainer != null && !onlyContainer.equals(name)) {
                    continue;
                }
                JsonNode log = c.path("logConfiguration");
                String driver = log.path("logDriver").asText("");
                JsonNode options = log.path("options");
                if ("awslogs".equals(driver) && options.hasNonNull("awslogs-group") && options.hasNonNull("awslogs-stream-prefix")) {
                    streams.add(new LogStreamRef(options.get("awslogs-group").asText(),
                            options.get("awslogs-stream-prefix").asText() + "/" + name + "/" + task.taskId(), task.taskId(), name));
                } else if ("awslogs".equals(driver) && options.hasNonNull("awslogs-group")) {
                    elsewhere.add(name + " (task " + task.taskId() + "): awslogs without a stream prefix names its stream by "
                            + "container id; choose the stream by hand.");
                } else {
                    elsewhere.add(name + " (task " + task.taskId() + "): logs go to " + (driver.isEmpty() ? "no log driver" : driver)
                            + ", not to CloudWatch Logs.");
                }
            }
        }
        return new Resolved(streams, elsewhere);
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
}
