package dev.ecsdeck.sim.wire;

import static dev.ecsdeck.sim.wire.WireFixture.ECS;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * An empty served simulator with one cluster "ops" of two EC2 instances (2048 CPU, 4096 MiB each) and
 * a bridge-mode task definition "app" (256 CPU, 256 MiB, a dynamic host port named "http"): what the
 * wire tests of the instance, protection and Service Connect operations start from.
 */
final class EcsOpsWire implements AutoCloseable {
    static final String CLUSTER = "ops";
    static final String APP = "{\"family\": \"app\", \"networkMode\": \"bridge\", \"requiresCompatibilities\": [\"EC2\"],"
            + " \"containerDefinitions\": [{\"name\": \"app\", \"image\": \"nginx\", \"cpu\": 256, \"memory\": 256, \"essential\": true,"
            + " \"portMappings\": [{\"name\": \"http\", \"containerPort\": 80, \"hostPort\": 0}]}]}";

    final WireFixture sim;
    final List<String> instances = new ArrayList<>();

    EcsOpsWire() throws IOException {
        sim = WireFixture.empty();
        ok("CreateCluster", "{\"clusterName\": \"" + CLUSTER + "\"}");
        for (int i = 0; i < 2; i++) {
            instances.add(ok("RegisterContainerInstance", "{\"cluster\": \"" + CLUSTER + "\", \"totalResources\": ["
                    + "{\"name\": \"CPU\", \"type\": \"INTEGER\", \"integerValue\": 2048},"
                    + "{\"name\": \"MEMORY\", \"type\": \"INTEGER\", \"integerValue\": 4096}]}")
                    .path("containerInstance").path("containerInstanceArn").asText());
        }
        ok("RegisterTaskDefinition", APP);
    }

    JsonNode ok(String operation, String body) {
        return sim.ok(ECS, operation, body);
    }

    WireFixture.Reply call(String operation, String body) {
        return sim.call(ECS, operation, body);
    }

    /** Creates an EC2 service of "app" in the cluster; {@code extra} is more members of the request, or "". */
    JsonNode createService(String name, int desired, String extra) {
        return ok("CreateService", "{\"cluster\": \"" + CLUSTER + "\", \"serviceName\": \"" + name + "\", \"taskDefinition\": \"app\","
                + " \"desiredCount\": " + desired + ", \"launchType\": \"EC2\"" + extra + "}").path("service");
    }

    /** ARNs of the service's tasks that are wanted running. */
    List<String> runningTasks(String service) {
        List<String> arns = new ArrayList<>();
        ok("ListTasks", "{\"cluster\": \"" + CLUSTER + "\", \"serviceName\": \"" + service + "\"}").path("taskArns")
                .forEach(a -> arns.add(a.asText()));
        return arns;
    }

    /** The described tasks. */
    JsonNode describeTasks(List<String> arns) {
        StringBuilder list = new StringBuilder();
        for (String a : arns) {
            list.append(list.length() == 0 ? "" : ", ").append('"').append(a).append('"');
        }
        return ok("DescribeTasks", "{\"cluster\": \"" + CLUSTER + "\", \"tasks\": [" + list + "]}").path("tasks");
    }

    void advance(Duration d) {
        sim.clock.advance(d);
    }

    @Override
    public void close() {
        sim.close();
    }
}
