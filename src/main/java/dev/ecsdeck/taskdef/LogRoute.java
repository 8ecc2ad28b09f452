package dev.ecsdeck.taskdef;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Where one container of one task writes its logs in CloudWatch Logs, read from the container's
 * {@code logConfiguration} the way the log driver itself names things. The resolver follows these
 * routes; the simulator writes its logs along the same routes.
 *
 * <ul>
 *   <li><b>awslogs</b>: stream {@code <awslogs-stream-prefix>/<container>/<task id>} in
 *       {@code awslogs-group}. Without a prefix the driver names the stream after the Docker
 *       container id, which the task definition cannot tell: the user picks it by hand.</li>
 *   <li><b>awsfirelens</b> to Fluent Bit's {@code cloudwatch} (Go) or {@code cloudwatch_logs} (C)
 *       output, or Fluentd's {@code @type cloudwatch_logs}: FireLens tags a container's records
 *       {@code <container>-firelens-<task id>}. With {@code log_stream_prefix} the stream is the prefix
 *       followed by that tag; with {@code log_stream_name} it is that name, after the plugin's
 *       templating ({@code $(ecs_task_id)}, {@code $(ecs_cluster)}, {@code $(ecs_task_arn)},
 *       {@code $(tag)}, {@code $(tag[n])}, and the {@code ${ECS_TASK_ID}}-style variables that the
 *       aws-for-fluent-bit init process exports). A name built from record fields
 *       ({@code $(kubernetes['pod'])}, {@code log_stream_template}) cannot be known in advance: then
 *       the route is the literal start of the name, a stream-name prefix within the group.</li>
 *   <li>Anything else (other drivers, no driver, FireLens to other outputs or to a configuration
 *       file) does not reach CloudWatch Logs in a way the task definition names.</li>
 * </ul>
 */
public sealed interface LogRoute {

    /** What the driver's templates may refer to, about the task. */
    record TaskContext(String taskId, String taskArn, String clusterName) {}

    /** Exactly this stream. */
    record Stream(String group, String stream) implements LogRoute {}

    /** Some stream of the group whose name starts with {@code prefix}; {@code why} says why it is not exact. */
    record StreamPrefix(String group, String prefix, String why) implements LogRoute {}

    /**
     * Not followable: {@code reason} says where the logs go instead; {@code group} is a log group the
     * user can open by hand to pick the stream (null when there is none).
     */
    record NotInCloudWatch(String reason, String group) implements LogRoute {}

    /** The route of a container definition (a {@code containerDefinitions} element) in this task. */
    static LogRoute of(JsonNode container, TaskContext task) {
        return LogRouteRules.route(container, task);
    }

    /** A template with its known variables replaced; when one is unknown, the text before it and {@code complete} false. */
    record Expanded(String text, boolean complete) {}
}
