package dev.ecsdeck.taskdef;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The one list of task definitions ECS refuses, read by the editor's tests (the validator must show
 * an error at {@code path} in {@code editorWords}) and by the simulator's (RegisterTaskDefinition
 * must answer {@code errorCode} with exactly {@code ecsMessage}): the project's own fixtures each
 * broken in one way, and the fixture files ECS refuses as they are.
 */
public final class RefusedDefinitions {
    /** Fargate, awsvpc, 1 vCPU / 2 GB: "logrouter" (FireLens, awslogs, private ECR image) and "app" (awsfirelens). */
    public static final String FARGATE = "fargate-firelens.json";
    /** EC2, bridge by default, no task size: "log_router" (FireLens, awslogs) and "app" (awsfirelens), by memoryReservation. */
    public static final String EC2 = "ec2-bridge-firelens.json";
    public static final String CLIENT = "ClientException";
    public static final String SERIALIZATION = "SerializationException";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AWSVPC_PORTS = "When networkMode=awsvpc, the host ports and container ports in port mappings must match.";
    private static final String FARGATE_AWSLOGS_ROLE =
            "Fargate requires task definition to have execution role ARN to support log driver awslogs.";
    private static final String STRUCTURE = "Start of structure or map found where not expected.";

    private RefusedDefinitions() {}

    /** What ECS and the editor say about a refused definition: the member at fault and their words. */
    public record Answer(String path, String errorCode, String ecsMessage, String editorWords) {}

    /** A refused definition: its JSON and the answer. */
    public record Refused(String description, String json, Answer answer) {
        @Override
        public String toString() {
            return description;
        }
    }

    /**
     * The fixture files ECS refuses as they are, by fixture name: the project's own (one of each
     * kind) and those of the public corpus.
     */
    public static final Map<String, Answer> FILES = Map.ofEntries(
            // A DescribeTaskDefinition answer ({"taskDefinition": {...}}), not a request: ECS ignores
            // the unknown member and finds no family.
            Map.entry(Fixtures.OWN + "refused/describe-wrapper.json", new Answer("family", CLIENT, "Family can not be blank.",
                    "'family' is required")),
            Map.entry("amazon-ecs-firelens-examples/fluent-bit/efs/task-definition.json", new Answer("family", CLIENT,
                    "Family can not be blank.", "'family' is required")),
            // "portMappings" is an object, where the API has a list: the JSON protocol rejects it.
            Map.entry(Fixtures.OWN + "refused/port-mappings-object.json", new Answer("containerDefinitions[1].portMappings",
                    SERIALIZATION, STRUCTURE, "must be a list, not an object")),
            Map.entry("amazon-ecs-firelens-examples/fluent-bit/logstash/task-definition.json",
                    new Answer("containerDefinitions[1].portMappings", SERIALIZATION, STRUCTURE, "must be a list, not an object")),
            // "secretOptions" inside logConfiguration is an object, where the API has a list.
            Map.entry(Fixtures.OWN + "refused/secret-options-object.json", new Answer(
                    "containerDefinitions[1].logConfiguration.secretOptions", SERIALIZATION, STRUCTURE,
                    "must be a list, not an object")),
            Map.entry("amazon-ecs-firelens-examples/fluent-bit/signalfx/task-definition.json", new Answer(
                    "containerDefinitions[1].logConfiguration.secretOptions", SERIALIZATION, STRUCTURE,
                    "must be a list, not an object")),
            // awsvpc with a hostPort other than the containerPort: awsvpc has no port translation.
            Map.entry(Fixtures.OWN + "refused/awsvpc-host-port.json", new Answer("containerDefinitions[0].portMappings[0].hostPort",
                    CLIENT, AWSVPC_PORTS, "equal to 'containerPort' (8080), not 80")),
            Map.entry("aws-containers-task-definitions/kibana/kibana_ec2.json", new Answer(
                    "containerDefinitions[0].portMappings[0].hostPort", CLIENT, AWSVPC_PORTS, "equal to 'containerPort' (5601), not 80")),
            Map.entry("aws-containers-task-definitions/tomcat/tomcat_ec2.json", new Answer(
                    "containerDefinitions[0].portMappings[0].hostPort", CLIENT, AWSVPC_PORTS, "equal to 'containerPort' (8080), not 80")),
            // FARGATE with the awslogs driver but no executionRoleArn: on Fargate only the task
            // execution role can write the logs. (The corpus's samples predate that requirement.)
            Map.entry(Fixtures.OWN + "refused/fargate-awslogs-no-role.json", fargateAwslogsWithoutRole()),
            Map.entry("aws-containers-task-definitions/gunicorn/gunicorn_fargate.json", fargateAwslogsWithoutRole()),
            Map.entry("aws-containers-task-definitions/jetty/jetty_fargate.json", fargateAwslogsWithoutRole()),
            Map.entry("aws-containers-task-definitions/kibana/kibana_fargate.json", fargateAwslogsWithoutRole()),
            Map.entry("aws-containers-task-definitions/nginx/nginx_fargate.json", fargateAwslogsWithoutRole()),
            Map.entry("aws-containers-task-definitions/tomcat/tomcat_fargate.json", fargateAwslogsWithoutRole()),
            Map.entry("aws-containers-task-definitions/wildfly/wildfly_fargate.json", fargateAwslogsWithoutRole()),
            // Not valid JSON (a missing comma): the request cannot be read at all. Path "": the document.
            Map.entry(Fixtures.OWN + "refused/not-json.json", new Answer("", SERIALIZATION, "Invalid JSON at line 7, column 7:"
                    + " Unexpected character ('\"' (code 34)): was expecting comma to separate Object entries",
                    "a comma (,) or a closing")),
            Map.entry(Fixtures.INVALID_JSON, new Answer("", SERIALIZATION, "Invalid JSON at line 34, column 20:"
                    + " Unexpected character ('\"' (code 34)): was expecting comma to separate Object entries",
                    "a comma (,) or a closing")));

    private static Answer fargateAwslogsWithoutRole() {
        return new Answer("executionRoleArn", CLIENT, FARGATE_AWSLOGS_ROLE, "'executionRoleArn' for the awslogs log driver");
    }

    /** True for a fixture that is not JSON at all. */
    public static boolean notJson(String fixture) {
        Answer a = FILES.get(fixture);
        return a != null && a.path().isEmpty();
    }

    /** The project's own fixtures, each broken in one way. */
    public static List<Refused> mutations() {
        return Stream.of(
                broken("Fargate 256 CPU with 4 GB", FARGATE, r -> size(r, "256", "4096"), "memory", CLIENT,
                        "No Fargate configuration exists for given values: 256 CPU, 4096 memory. See the Amazon ECS documentation"
                                + " for the valid values.", "Fargate offers 256 CPU units with 512, 1024 or 2048 MiB of memory, not 4096 MiB."),
                broken("Fargate 8 vCPU with 18 GB, off the 4 GB steps", FARGATE, r -> size(r, "8 vCPU", "18 GB"), "memory", CLIENT,
                        "No Fargate configuration exists for given values: 8192 CPU, 18432 memory. See the Amazon ECS documentation"
                                + " for the valid values.", "16384 to 61440 MiB in steps of 4096 of memory, not 18432 MiB."),
                broken("Fargate with a CPU size it does not have", FARGATE, r -> size(r, "3072", "8192"), "cpu", CLIENT,
                        "No Fargate configuration exists for given values: 3072 CPU, 8192 memory. See the Amazon ECS documentation"
                                + " for the valid values.", "Fargate has no size with 3072 CPU units"),
                broken("Fargate without awsvpc", FARGATE, r -> r.put("networkMode", "bridge"), "networkMode", CLIENT,
                        "Fargate only supports network mode \u2018awsvpc\u2019.", "Fargate needs networkMode 'awsvpc', not 'bridge'."),
                broken("Fargate without task cpu", FARGATE, r -> r.remove("cpu"), "cpu", CLIENT,
                        "Fargate requires that 'cpu' be defined at the task level.", "Fargate needs a task-level 'cpu'"),
                broken("Fargate without task memory", FARGATE, r -> r.remove("memory"), "memory", CLIENT,
                        "Fargate requires that 'memory' be defined at the task level.", "Fargate needs a task-level 'memory'"),
                broken("Fargate awslogs without execution role", FARGATE, r -> r.remove("executionRoleArn"), "executionRoleArn",
                        CLIENT, FARGATE_AWSLOGS_ROLE, "'executionRoleArn' for the awslogs log driver of container 'logrouter'"),
                broken("Fargate ECR image without execution role", FARGATE, r -> {
                    r.remove("executionRoleArn");
                    container(r, 0).remove("logConfiguration");
                }, "executionRoleArn", CLIENT, "Fargate requires task definition to have execution role ARN to support ECR images.",
                        "to pull the private ECR image of container 'logrouter'"),
                broken("Fargate awslogs without stream prefix", FARGATE,
                        r -> ((ObjectNode) container(r, 0).get("logConfiguration").get("options")).remove("awslogs-stream-prefix"),
                        "containerDefinitions[0].logConfiguration.options.awslogs-stream-prefix", CLIENT,
                        "Fargate requires log configuration options to include awslogs-stream-prefix to support log driver awslogs.",
                        "Fargate needs the option 'awslogs-stream-prefix'"),
                broken("awsvpc hostPort different from containerPort", FARGATE, r -> mapping(r, 1, 80, 8080),
                        "containerDefinitions[1].portMappings[0].hostPort", CLIENT, AWSVPC_PORTS,
                        "With networkMode 'awsvpc', 'hostPort' must be empty or equal to 'containerPort' (80), not 8080."),
                broken("host hostPort different from containerPort", EC2, r -> {
                    r.put("networkMode", "host");
                    mapping(r, 1, 80, 8080);
                }, "containerDefinitions[1].portMappings[0].hostPort", CLIENT,
                        "When networkMode=host, the host ports and container ports in port mappings must match.",
                        "With networkMode 'host', 'hostPort' must be empty or equal to 'containerPort' (80), not 8080."),
                broken("no essential container", FARGATE, r -> {
                    container(r, 0).put("essential", false);
                    container(r, 1).put("essential", false);
                }, "containerDefinitions", CLIENT, "Task definition doesn't have any essential container.",
                        "At least one container must be essential"),
                broken("family with a space and !", FARGATE, r -> r.put("family", "my family!"), "family", CLIENT,
                        "Family contains invalid characters.", "The family \"my family!\" may contain only letters, digits, '_' and '-'."),
                broken("family of 256 characters", FARGATE, r -> r.put("family", "f".repeat(256)), "family", CLIENT,
                        "Family can be up to 255 letters (uppercase and lowercase), numbers, hyphens, and underscores.",
                        "The family is 256 characters long; at most 255 are allowed."),
                broken("no family", FARGATE, r -> r.remove("family"), "family", CLIENT, "Family can not be blank.",
                        "'family' is required."),
                broken("an empty family", FARGATE, r -> r.put("family", ""), "family", CLIENT, "Family can not be blank.",
                        "The family must not be empty."),
                broken("a container without a name", FARGATE, r -> container(r, 1).remove("name"), "containerDefinitions[1].name",
                        CLIENT, "Container.name should not be null or empty.", "Every container needs a 'name'."),
                broken("container name with a dot", FARGATE, r -> container(r, 1).put("name", "app.v2"), "containerDefinitions[1].name",
                        CLIENT, "Container.name contains invalid characters.", "The container name \"app.v2\" may contain only letters"),
                broken("container name of 256 characters", FARGATE, r -> container(r, 1).put("name", "c".repeat(256)),
                        "containerDefinitions[1].name", CLIENT, "Container.name can be up to 255 letters (uppercase and lowercase),"
                                + " numbers, hyphens, and underscores.", "The container name is 256 characters long"),
                broken("duplicate container names", FARGATE, r -> container(r, 1).put("name", "logrouter"),
                        "containerDefinitions[1].name", CLIENT, "Container names must be unique within a Task Definition.",
                        "Container name 'logrouter' is already used by containerDefinitions[0]"),
                broken("a container without an image", FARGATE, r -> container(r, 1).put("image", " "), "containerDefinitions[1].image",
                        CLIENT, "Container.image should not be null or empty.", "Container 'app' needs an 'image'."),
                broken("memoryReservation above memory", FARGATE, r -> container(r, 1).put("memory", 50),
                        "containerDefinitions[1].memoryReservation", CLIENT,
                        "Invalid setting for container 'app'. 'memoryReservation' must be less than or equal to 'memory'.",
                        "'memoryReservation' (100 MiB) of container 'app' must not be greater than its 'memory' (50 MiB)."),
                broken("container memory above the task's", FARGATE, r -> container(r, 1).put("memory", 4096),
                        "containerDefinitions[1].memory", CLIENT, "The 'memory' setting for container 'app' is greater than for the task.",
                        "'memory' (4096 MiB) of container 'app' is greater than the task's memory (2048 MiB)."),
                broken("memory reservations above the task's", FARGATE, r -> container(r, 1).put("memoryReservation", 2000),
                        "memory", CLIENT, "The sum of all container 'memoryReservation' values cannot be greater than the value of the"
                                + " task 'memory'.", "The containers reserve 2050 MiB"),
                broken("container cpu above the task's", FARGATE, r -> {
                    container(r, 0).put("cpu", 512);
                    container(r, 1).put("cpu", 1024);
                }, "cpu", CLIENT, "The sum of all container 'cpu' values cannot be greater than the value of the task 'cpu'.",
                        "The containers' 'cpu' add up to 1536 units, more than the task's 1024."),
                broken("EC2 container with neither memory nor reservation", EC2, r -> container(r, 1).remove("memoryReservation"),
                        "containerDefinitions[1].memory", CLIENT,
                        "Invalid setting for container 'app'. At least one of 'memory' or 'memoryReservation' must be specified.",
                        "Container 'app' needs 'memory' or 'memoryReservation' (MiB), since the task has no 'memory'."),
                broken("dependsOn a container that does not exist", FARGATE, r -> dependsOn(r, 1, "ghost", "START"),
                        "containerDefinitions[1].dependsOn[0].containerName", CLIENT,
                        "Cannot depend on container + 'ghost' because it does not exist",
                        "Container 'app' depends on 'ghost', which is not a container of this task definition."),
                broken("dependsOn an essential container with SUCCESS", FARGATE, r -> dependsOn(r, 1, "logrouter", "SUCCESS"),
                        "containerDefinitions[1].dependsOn[0].condition", CLIENT,
                        "A dependency container with SUCCESS or COMPLETE condition cannot be an essential container",
                        "Condition SUCCESS waits for 'logrouter' to exit, so 'logrouter' must not be essential."),
                broken("awsfirelens without a FireLens container", FARGATE, r -> container(r, 0).remove("firelensConfiguration"),
                        "containerDefinitions[1].logConfiguration.logDriver", CLIENT, "When awsfirelens log driver is specified in log"
                                + " configuration, a firelens configuration object must be configured in one of the containers.",
                        "Container 'app' logs through 'awsfirelens', but no container has a 'firelensConfiguration'"),
                broken("awslogs without a group", EC2,
                        r -> ((ObjectNode) container(r, 0).get("logConfiguration").get("options")).remove("awslogs-group"),
                        "containerDefinitions[0].logConfiguration.options", CLIENT,
                        "Log driver awslogs requires options: awslogs-region, awslogs-group",
                        "The awslogs log driver of container 'log_router' needs the options awslogs-group."),
                broken("no containers", FARGATE, r -> r.putArray("containerDefinitions"), "containerDefinitions", CLIENT,
                        "Container list cannot be empty.", "'containerDefinitions' must list at least one container."),
                broken("eleven containers", EC2, r -> {
                    for (int i = 0; i < 9; i++) {
                        ((ArrayNode) r.get("containerDefinitions")).add(container(r, 1).deepCopy().put("name", "app" + i));
                    }
                }, "containerDefinitions", CLIENT, "Too many containers.", "A task definition holds at most 10 containers, not 11."),
                broken("port mapping with no containerPort", FARGATE, r -> container(r, 1).putArray("portMappings").addObject(),
                        "containerDefinitions[1].portMappings[0].containerPort", CLIENT,
                        "Invalid 'containerPort' setting for container 'app'.", "A port mapping needs a 'containerPort'"),
                broken("port mapping with containerPort 70000", FARGATE, r -> mapping(r, 1, 70000, null),
                        "containerDefinitions[1].portMappings[0].containerPort", CLIENT,
                        "Invalid 'containerPort' setting for container 'app'.", "'containerPort' 70000 is not a port: use 1 to 65535."),
                broken("port mappings with networkMode none", EC2, r -> {
                    r.put("networkMode", "none");
                    mapping(r, 1, 80, null);
                }, "containerDefinitions[1].portMappings", CLIENT,
                        "containerDefinitions[1].portMappings: port mappings are not supported when networkMode=none.",
                        "Port mappings are not possible with networkMode 'none'."),
                broken("containerPortRange in host mode", EC2, r -> {
                    r.put("networkMode", "host");
                    range(r, 1, "8000-8010");
                }, "containerDefinitions[1].portMappings[0].containerPortRange", CLIENT,
                        "containerDefinitions[1].portMappings[0].containerPortRange: port ranges need networkMode awsvpc or bridge,"
                                + " not host.", "Port ranges need networkMode awsvpc or bridge, not host."),
                broken("containerPortRange with a hostPort", FARGATE, r -> range(r, 1, "8000-8010").put("hostPort", 8000),
                        "containerDefinitions[1].portMappings[0].hostPort", CLIENT,
                        "containerDefinitions[1].portMappings[0].hostPort: leave hostPort empty when a containerPortRange is given.",
                        "Leave 'hostPort' empty when a 'containerPortRange' is given."),
                broken("containerPortRange backwards", FARGATE, r -> range(r, 1, "9000-8000"),
                        "containerDefinitions[1].portMappings[0].containerPortRange", CLIENT,
                        "containerDefinitions[1].portMappings[0].containerPortRange: invalid range '9000-8000'; give first-last,"
                                + " between 1 and 65535, with the first port less than the last.",
                        "'containerPortRange' \"9000-8000\" is not a range"),
                broken("cpu that is no size", FARGATE, r -> r.put("cpu", "a lot"), "cpu", CLIENT, "Invalid 'cpu' setting for task.",
                        "Task 'cpu' \"a lot\" is not a size ECS accepts"),
                broken("cpu of 0.3 vCPU, not whole units", FARGATE, r -> r.put("cpu", "0.3 vCPU"), "cpu", CLIENT,
                        "Invalid 'cpu' setting for task.", "Task 'cpu' \"0.3 vCPU\" is not a size ECS accepts"),
                broken("memory in terabytes", FARGATE, r -> r.put("memory", "2 TB"), "memory", CLIENT,
                        "Invalid 'memory' setting for task.", "Task 'memory' \"2 TB\" is not a size ECS accepts"),
                broken("unknown network mode", EC2, r -> r.put("networkMode", "nat"), "networkMode", "InvalidParameterException",
                        "Invalid networkMode: nat. Valid values: bridge, host, awsvpc, none.", "\"nat\", which ECS does not know"),
                broken("portMappings as an object", FARGATE, r -> container(r, 1).putObject("portMappings").put("containerPort", 80),
                        "containerDefinitions[1].portMappings", SERIALIZATION, STRUCTURE,
                        "'portMappings' must be a list, not an object."),
                broken("environment as a string", FARGATE, r -> container(r, 1).put("environment", "A=1"),
                        "containerDefinitions[1].environment", SERIALIZATION, "Expected a list for 'environment', found string.",
                        "'environment' must be a list, not a string."),
                broken("requiresCompatibilities holding a list", FARGATE,
                        r -> r.putArray("requiresCompatibilities").addArray().add("FARGATE"), "requiresCompatibilities[0]",
                        SERIALIZATION, "Start of list found where not expected.", "must be a string, not a list"))
                .toList();
    }

    private static Refused broken(String description, String base, Consumer<ObjectNode> mutation, String path, String errorCode,
            String ecsMessage, String editorWords) {
        ObjectNode request = load(base);
        mutation.accept(request);
        try {
            return new Refused(description, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(request),
                    new Answer(path, errorCode, ecsMessage, editorWords));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One of the project's own fixtures as a tree to change. */
    public static ObjectNode load(String name) {
        try {
            return (ObjectNode) JSON.readTree(Fixtures.own(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ObjectNode container(ObjectNode request, int index) {
        return (ObjectNode) request.get("containerDefinitions").get(index);
    }

    public static void size(ObjectNode request, String cpu, String memory) {
        request.put("cpu", cpu);
        request.put("memory", memory);
    }

    /** Replaces a container's port mappings with one: the container port and, unless null, the host port. */
    public static void mapping(ObjectNode request, int index, int containerPort, Integer hostPort) {
        ObjectNode m = container(request, index).putArray("portMappings").addObject().put("containerPort", containerPort);
        if (hostPort != null) {
            m.put("hostPort", hostPort);
        }
    }

    public static ObjectNode range(ObjectNode request, int index, String range) {
        return container(request, index).putArray("portMappings").addObject().put("containerPortRange", range);
    }

    public static void dependsOn(ObjectNode request, int index, String container, String condition) {
        container(request, index).putArray("dependsOn").addObject().put("containerName", container).put("condition", condition);
    }
}
