package dev.ecsdeck.taskdef;

import static dev.ecsdeck.taskdef.EcsRules.NETWORK_MODES;
import static dev.ecsdeck.taskdef.EcsRules.client;
import static dev.ecsdeck.taskdef.EcsRules.ecsText;
import static dev.ecsdeck.taskdef.JsonMembers.present;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecsdeck.taskdef.EcsRules.Container;
import dev.ecsdeck.taskdef.EcsRules.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Fargate's part of {@link EcsRules}. */
final class FargateRules {
    /** An image in a private ECR registry: on Fargate, pulling it needs the task execution role. */
    private static final Pattern ECR_IMAGE =
            Pattern.compile("\\d{12}\\.dkr\\.ecr(-fips)?\\.[a-z0-9-]+\\.amazonaws\\.com(\\.cn)?/.+");

    private FargateRules() {}

    /**
     * What Fargate refuses: network mode, sizes, and the execution role for awslogs and private
     * images. Found whether or not FARGATE is required: it decides Fargate compatibility too.
     */
    static List<Violation> check(JsonNode doc, List<Container> containers, String networkMode, Integer cpu, Integer memory) {
        List<Violation> found = new ArrayList<>();
        if (!networkMode.equals("awsvpc")) {
            boolean given = present(doc, "networkMode");
            // an unknown mode is the shape check's to name
            found.add(client("networkMode", given ? "networkMode" : "requiresCompatibilities", NETWORK_MODES.contains(networkMode)
                    ? "Fargate needs networkMode 'awsvpc', not '" + networkMode + "'"
                            + (given ? "." : " (the default when networkMode is absent).") : null,
                    "Fargate only supports network mode \u2018awsvpc\u2019.")); // ECS's typographic quotes
        }
        if (!present(doc, "cpu")) {
            found.add(client("cpu", "requiresCompatibilities", "Fargate needs a task-level 'cpu' (e.g. \"256\" or \"1 vCPU\").",
                    "Fargate requires that 'cpu' be defined at the task level."));
        }
        if (!present(doc, "memory")) {
            found.add(client("memory", "requiresCompatibilities", "Fargate needs a task-level 'memory' (e.g. \"512\" or \"2 GB\").",
                    "Fargate requires that 'memory' be defined at the task level."));
        }
        String noSize = "No Fargate configuration exists for given values: " + cpu + " CPU, " + memory
                + " memory. See the Amazon ECS documentation for the valid values.";
        if (cpu != null && !TaskSizes.isFargateCpu(cpu)) {
            found.add(client("cpu", "cpu", "Fargate has no size with " + cpu + " CPU units: use " + TaskSizes.fargateCpuChoices() + ".",
                    memory != null ? noSize : null));
        } else if (cpu != null && memory != null && !TaskSizes.fargateValid(cpu, memory)) {
            found.add(client("memory", "memory", "Fargate offers " + cpu + " CPU units with " + TaskSizes.fargateMemoryChoices(cpu)
                    + " of memory, not " + memory + " MiB.", noSize));
        }
        String role = ecsText(doc, "executionRoleArn");
        boolean executionRole = role != null && !role.isBlank();
        for (Container c : containers) {
            JsonNode log = c.node().path("logConfiguration");
            String logPath = c.path() + ".logConfiguration";
            if ("awslogs".equals(log.path("logDriver").asText())) {
                if (!executionRole) {
                    // Fargate has no instance role: the execution role writes the logs.
                    found.add(client("executionRoleArn", logPath + ".logDriver", "Fargate needs an 'executionRoleArn' for the awslogs log"
                            + " driver of container " + c.label() + ": on Fargate only the task execution role can write the logs.",
                            "Fargate requires task definition to have execution role ARN to support log driver awslogs."));
                }
                if (!log.path("options").hasNonNull("awslogs-stream-prefix")) {
                    found.add(client(logPath + ".options.awslogs-stream-prefix", log.has("options") ? logPath + ".options" : logPath,
                            "Fargate needs the option 'awslogs-stream-prefix' for the awslogs log driver of container "
                                    + c.label() + ".", "Fargate requires log configuration options to include"
                                    + " awslogs-stream-prefix to support log driver awslogs."));
                }
            }
            if (!executionRole && ECR_IMAGE.matcher(c.node().path("image").asText()).matches()) {
                found.add(client("executionRoleArn", c.path() + ".image", "Fargate needs an 'executionRoleArn' to pull the private ECR"
                        + " image of container " + c.label() + ".",
                        "Fargate requires task definition to have execution role ARN to support ECR images."));
            }
        }
        return found;
    }

}
