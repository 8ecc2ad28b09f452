package dev.ecsdeck.taskdef;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecsdeck.taskdef.LogRoute.NotInCloudWatch;
import dev.ecsdeck.taskdef.LogRoute.Stream;
import dev.ecsdeck.taskdef.LogRoute.StreamPrefix;
import dev.ecsdeck.taskdef.LogRoute.TaskContext;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The log drivers' naming rules behind {@link LogRoute#of}; see there. */
final class LogRouteRules {
    private static final Pattern TAG_PART = Pattern.compile("tag\\[(\\d+)]");

    private LogRouteRules() {}

    /** The route of a container definition (a {@code containerDefinitions} element) in this task. */
    static LogRoute route(JsonNode container, TaskContext task) {
        String name = container.path("name").asText();
        JsonNode log = container.path("logConfiguration");
        String driver = log.path("logDriver").asText("");
        JsonNode options = log.path("options");
        return switch (driver) {
            case "" -> new NotInCloudWatch("has no log driver: its logs are not kept", null);
            case "awslogs" -> awslogs(name, options, task);
            case "awsfirelens" -> firelens(name, options, task);
            default -> new NotInCloudWatch("logs to the " + driver + " driver, not to CloudWatch Logs", null);
        };
    }

    private static LogRoute awslogs(String name, JsonNode options, TaskContext task) {
        String group = text(options, "awslogs-group");
        if (group == null) {
            return new NotInCloudWatch("uses awslogs without awslogs-group", null);
        }
        String prefix = text(options, "awslogs-stream-prefix");
        if (prefix == null) {
            return new NotInCloudWatch("uses awslogs without awslogs-stream-prefix, so its stream is named by the Docker "
                    + "container id; choose the stream by hand in log group " + group, group);
        }
        return new Stream(group, prefix + "/" + name + "/" + task.taskId());
    }

    private static LogRoute firelens(String name, JsonNode options, TaskContext task) {
        String output = ignoringCase(options, "Name");
        String fluentdType = text(options, "@type");
        boolean fluentBitCloudWatch = output != null && (output.equalsIgnoreCase("cloudwatch") || output.equalsIgnoreCase("cloudwatch_logs"));
        boolean fluentdCloudWatch = "cloudwatch_logs".equals(fluentdType);
        if (!fluentBitCloudWatch && !fluentdCloudWatch) {
            String to = output != null ? output : fluentdType;
            return new NotInCloudWatch(to == null
                    ? "is routed by FireLens with a configuration file, which the task definition does not show; not followed"
                    : "is routed by FireLens to '" + to + "', not to CloudWatch Logs", null);
        }
        String tag = name + "-firelens-" + task.taskId();
        String groupOption = text(options, "log_group_name");
        if (groupOption == null) {
            return new NotInCloudWatch("is routed by FireLens to CloudWatch Logs without log_group_name (the group comes from "
                    + "the record); not followed", null);
        }
        LogRoute.Expanded group = expand(groupOption, task, tag);
        if (!group.complete()) {
            return new NotInCloudWatch("is routed by FireLens to a log group named from its records (" + groupOption
                    + "); choose it by hand", null);
        }
        String template = text(options, "log_stream_template");
        if (template != null) {
            String literal = template.contains("$") ? template.substring(0, template.indexOf('$')) : template;
            return new StreamPrefix(group.text(), literal, "its stream name comes from its records (log_stream_template " + template + ")");
        }
        String streamName = text(options, "log_stream_name");
        if (streamName != null) {
            LogRoute.Expanded stream = expand(streamName, task, tag);
            return stream.complete() ? new Stream(group.text(), stream.text())
                    : new StreamPrefix(group.text(), stream.text(), "its stream name depends on its records (log_stream_name "
                            + streamName + ")");
        }
        String prefix = text(options, "log_stream_prefix");
        if (prefix != null) {
            return new Stream(group.text(), prefix + tag);
        }
        return new StreamPrefix(group.text(), "", "FireLens sets neither log_stream_name nor log_stream_prefix");
    }

    private static final Pattern VARIABLE = Pattern.compile("\\$\\(([^)]*)\\)|\\$\\{([^}]*)}");

    static LogRoute.Expanded expand(String template, TaskContext task, String tag) {
        Matcher m = VARIABLE.matcher(template);
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (m.find()) {
            out.append(template, at, m.start());
            String value = variable(m.group(1) != null ? m.group(1).trim() : m.group(2).trim(), task, tag);
            if (value == null) {
                return new LogRoute.Expanded(out.toString(), false);
            }
            out.append(value);
            at = m.end();
        }
        out.append(template.substring(at));
        return new LogRoute.Expanded(out.toString(), true);
    }

    private static String variable(String name, TaskContext task, String tag) {
        String lower = name.toLowerCase(Locale.ROOT);
        switch (lower) {
            case "ecs_task_id":
                return task.taskId();
            case "ecs_cluster":
                return task.clusterName();
            case "ecs_task_arn":
                return task.taskArn();
            case "tag":
                return tag;
            default:
                break;
        }
        Matcher part = TAG_PART.matcher(lower);
        if (part.matches()) {
            String[] parts = tag.split("\\.");
            int i = Integer.parseInt(part.group(1));
            return i < parts.length ? parts[i] : null;
        }
        return null; // a record field or an environment variable we cannot see
    }

    private static String text(JsonNode options, String key) {
        JsonNode v = options.get(key);
        return v == null || v.isNull() || v.asText().isEmpty() ? null : v.asText();
    }

    /** Fluent Bit's option keys are case-insensitive ("Name", "name"). */
    private static String ignoringCase(JsonNode options, String key) {
        for (Iterator<Map.Entry<String, JsonNode>> it = options.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equalsIgnoreCase(key) && !e.getValue().asText().isEmpty()) {
                return e.getValue().asText();
            }
        }
        return null;
    }
}
