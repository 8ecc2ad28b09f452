package dev.ecsdeck.sim.ecs;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsdeck.model.TaskDefinition;
import dev.ecsdeck.sim.SimApiException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * ECS's registration rules, each shown on a real fixture broken in one way (and the edge cases ECS
 * accepts). FARGATE and EC2 below are fixtures that register unchanged.
 */
class TaskDefinitionRulesTest {
    /** Fargate, awsvpc, 1 vCPU / 2 GB: "logrouter" (FireLens, awslogs, ECR image) and "app" (awsfirelens). */
    private static final String FARGATE = "amazon-ecs-firelens-examples/splitting-log-streams/fluent-bit/task_definition.json";
    /** bridge, no task size: "log_router" (FireLens, awslogs) and "app" (awsfirelens), by memoryReservation. */
    private static final String EC2 = "amazon-ecs-firelens-examples/fluent-bit/cloudwatchlogs/task-definition-cloudwatch.json";
    private static final String CLIENT = "ClientException";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A fixture broken by one mutation, and the error ECS answers it with. */
    record Broken(String description, String fixture, Consumer<ObjectNode> mutation, String errorCode, String fragment) {
        @Override
        public String toString() {
            return description;
        }
    }

    static Stream<Broken> broken() {
        return Stream.of(
                new Broken("Fargate 256 CPU with 4 GB", FARGATE, r -> size(r, "256", "4096"), CLIENT,
                        "No Fargate configuration exists for given values: 256 CPU, 4096 memory."),
                new Broken("Fargate 8 vCPU with 18 GB, off the 4 GB steps", FARGATE, r -> size(r, "8 vCPU", "18 GB"), CLIENT,
                        "No Fargate configuration exists for given values: 8192 CPU, 18432 memory."),
                new Broken("Fargate without awsvpc", FARGATE, r -> r.put("networkMode", "bridge"), CLIENT,
                        "Fargate only supports network mode \u2018awsvpc\u2019."),
                new Broken("Fargate without task cpu", FARGATE, r -> r.remove("cpu"), CLIENT,
                        "Fargate requires that 'cpu' be defined at the task level."),
                new Broken("Fargate without task memory", FARGATE, r -> r.remove("memory"), CLIENT,
                        "Fargate requires that 'memory' be defined at the task level."),
                new Broken("Fargate awslogs without execution role", FARGATE, r -> r.remove("executionRoleArn"), CLIENT,
                        "Fargate requires task definition to have execution role ARN to support log driver awslogs."),
                new Broken("Fargate ECR image without execution role", FARGATE, r -> {
                    r.remove("executionRoleArn");
                    container(r, 0).remove("logConfiguration");
                }, CLIENT, "Fargate requires task definition to have execution role ARN to support ECR images."),
                new Broken("Fargate awslogs without stream prefix", FARGATE,
                        r -> ((ObjectNode) container(r, 0).get("logConfiguration").get("options")).remove("awslogs-stream-prefix"),
                        CLIENT, "Fargate requires log configuration options to include awslogs-stream-prefix"),
                new Broken("awsvpc hostPort different from containerPort", FARGATE, r -> mapping(r, 1, 80, 8080), CLIENT,
                        "When networkMode=awsvpc, the host ports and container ports in port mappings must match."),
                new Broken("host hostPort different from containerPort", EC2, r -> {
                    r.put("networkMode", "host");
                    mapping(r, 1, 80, 8080);
                }, CLIENT, "When networkMode=host, the host ports and container ports in port mappings must match."),
                new Broken("no essential container", FARGATE, r -> {
                    container(r, 0).put("essential", false);
                    container(r, 1).put("essential", false);
                }, CLIENT, "Task definition doesn't have any essential container."),
                new Broken("family with a space and !", FARGATE, r -> r.put("family", "my family!"), CLIENT,
                        "Family contains invalid characters."),
                new Broken("family of 256 characters", FARGATE, r -> r.put("family", "f".repeat(256)), CLIENT,
                        "Family can be up to 255 letters"),
                new Broken("no family", FARGATE, r -> r.remove("family"), CLIENT, "Family can not be blank."),
                new Broken("container name with a dot", FARGATE, r -> container(r, 1).put("name", "app.v2"), CLIENT,
                        "Container.name contains invalid characters."),
                new Broken("duplicate container names", FARGATE, r -> container(r, 1).put("name", "logrouter"), CLIENT,
                        "Container names must be unique within a Task Definition."),
                new Broken("memoryReservation above memory", FARGATE, r -> container(r, 1).put("memory", 50), CLIENT,
                        "Invalid setting for container 'app'. 'memoryReservation' must be less than or equal to 'memory'."),
                new Broken("container memory above the task's", FARGATE, r -> container(r, 1).put("memory", 4096), CLIENT,
                        "The 'memory' setting for container 'app' is greater than for the task."),
                new Broken("memory reservations above the task's", FARGATE, r -> container(r, 1).put("memoryReservation", 2000),
                        CLIENT, "The sum of all container 'memoryReservation' values cannot be greater than the value of the task 'memory'."),
                new Broken("container cpu above the task's", FARGATE, r -> {
                    container(r, 0).put("cpu", 512);
                    container(r, 1).put("cpu", 1024);
                }, CLIENT, "The sum of all container 'cpu' values cannot be greater than the value of the task 'cpu'."),
                new Broken("EC2 container with neither memory nor reservation", EC2, r -> container(r, 1).remove("memoryReservation"),
                        CLIENT, "Invalid setting for container 'app'. At least one of 'memory' or 'memoryReservation' must be specified."),
                new Broken("dependsOn a container that does not exist", FARGATE, r -> dependsOn(r, 1, "ghost", "START"), CLIENT,
                        "Cannot depend on container + 'ghost' because it does not exist"),
                new Broken("dependsOn an essential container with SUCCESS", FARGATE, r -> dependsOn(r, 1, "logrouter", "SUCCESS"),
                        CLIENT, "A dependency container with SUCCESS or COMPLETE condition cannot be an essential container"),
                new Broken("awsfirelens without a FireLens container", FARGATE, r -> container(r, 0).remove("firelensConfiguration"),
                        CLIENT, "When awsfirelens log driver is specified in log configuration, a firelens configuration object"),
                new Broken("awslogs without a group", EC2,
                        r -> ((ObjectNode) container(r, 0).get("logConfiguration").get("options")).remove("awslogs-group"),
                        CLIENT, "Log driver awslogs requires options: awslogs-region, awslogs-group"),
                new Broken("no containers", FARGATE, r -> r.putArray("containerDefinitions"), CLIENT, "Container list cannot be empty."),
                new Broken("eleven containers", EC2, r -> {
                    for (int i = 0; i < 9; i++) {
                        ((ArrayNode) r.get("containerDefinitions")).add(container(r, 1).deepCopy().put("name", "app" + i));
                    }
                }, CLIENT, "Too many containers."),
                new Broken("port mapping with no containerPort", FARGATE, r -> container(r, 1).putArray("portMappings").addObject(),
                        CLIENT, "Invalid 'containerPort' setting for container 'app'."),
                new Broken("port mappings with networkMode none", EC2, r -> {
                    r.put("networkMode", "none");
                    mapping(r, 1, 80, null);
                }, CLIENT, "containerDefinitions[1].portMappings"),
                new Broken("containerPortRange in host mode", EC2, r -> {
                    r.put("networkMode", "host");
                    range(r, 1, "8000-8010");
                }, CLIENT, "containerDefinitions[1].portMappings[0].containerPortRange"),
                new Broken("containerPortRange backwards", FARGATE, r -> range(r, 1, "9000-8000"), CLIENT,
                        "containerDefinitions[1].portMappings[0].containerPortRange: invalid range '9000-8000'"),
                new Broken("cpu that is no size", FARGATE, r -> r.put("cpu", "a lot"), CLIENT, "Invalid 'cpu' setting for task."),
                new Broken("cpu of 0.3 vCPU, not whole units", FARGATE, r -> r.put("cpu", "0.3 vCPU"), CLIENT,
                        "Invalid 'cpu' setting for task."),
                new Broken("memory in terabytes", FARGATE, r -> r.put("memory", "2 TB"), CLIENT, "Invalid 'memory' setting for task."),
                new Broken("unknown network mode", EC2, r -> r.put("networkMode", "nat"), "InvalidParameterException",
                        "Invalid networkMode: nat"),
                new Broken("portMappings as an object", FARGATE, r -> container(r, 1).putObject("portMappings").put("containerPort", 80),
                        "SerializationException", "Start of structure or map found where not expected."),
                new Broken("environment as a string", FARGATE, r -> container(r, 1).put("environment", "A=1"),
                        "SerializationException", "Expected a list for 'environment', found string."),
                new Broken("requiresCompatibilities holding a list", FARGATE,
                        r -> r.putArray("requiresCompatibilities").addArray().add("FARGATE"), "SerializationException",
                        "Start of list found where not expected."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("broken")
    void refusedAsEcsRefusesIt(Broken broken) throws IOException {
        ObjectNode request = load(broken.fixture());
        broken.mutation().accept(request);
        SimApiException e = assertThrows(SimApiException.class, () -> register(request));
        assertThat(e.errorCode(), equalTo(broken.errorCode()));
        assertThat(e.getMessage(), containsString(broken.fragment()));
    }

    @ParameterizedTest
    @ValueSource(strings = {FARGATE, EC2})
    void theBaseFixturesRegisterUnchanged(String fixture) throws IOException {
        assertThat(register(load(fixture)).revision(), equalTo(1));
    }

    @ParameterizedTest(name = "cpu \"{0}\", memory \"{1}\"")
    @CsvSource({
        "0.25 vcpu, 0.5 GB, 256, 512",
        "0.25 vCPU, 512 MiB, 256, 512",
        "1 vcpu, 2 gb, 1024, 2048",
        "1 vCPU, 2 GB, 1024, 2048",
        "2 vCPU, 16GB, 2048, 16384",
        "16 vCPU, 120 GB, 16384, 122880",
        "4096, 30720, 4096, 30720"})
    void sizeStringsAreConvertedToUnits(String cpu, String memory, String units, String mib) throws IOException {
        ObjectNode request = load(FARGATE);
        size(request, cpu, memory);
        JsonNode doc = describe(register(request));
        assertThat(doc.get("cpu").asText(), equalTo(units));
        assertThat(doc.get("memory").asText(), equalTo(mib));
        assertThat(compatibilities(doc), equalTo(List.of("EC2", "FARGATE")));
    }

    @ParameterizedTest(name = "{0} CPU, {1} MiB: {2}")
    @CsvSource({
        "256, 512, true", "256, 2048, true", "256, 1536, false", "256, 3072, false",
        "512, 1024, true", "512, 4096, true", "512, 512, false", "512, 5120, false",
        "1024, 2048, true", "1024, 8192, true", "1024, 9216, false",
        "2048, 4096, true", "2048, 16384, true", "2048, 3072, false",
        "4096, 8192, true", "4096, 30720, true", "4096, 31744, false",
        "8192, 16384, true", "8192, 20480, true", "8192, 18432, false", "8192, 61440, true", "8192, 65536, false",
        "16384, 32768, true", "16384, 40960, true", "16384, 36864, false", "16384, 122880, true", "16384, 131072, false",
        "128, 512, false", "3072, 8192, false"})
    void fargateSizes(int cpu, int memory, boolean valid) {
        assertThat(FargateSizes.valid(cpu, memory), equalTo(valid));
    }

    /** awsvpc's hostPort may be left out or 0 (ECS's "unset"); either way it becomes the container port. */
    @ParameterizedTest
    @ValueSource(strings = {"omitted", "0", "5000"})
    void awsvpcHostPortDefaultsToTheContainerPort(String hostPort) throws IOException {
        ObjectNode request = load(FARGATE);
        mapping(request, 1, 5000, hostPort.equals("omitted") ? null : Integer.valueOf(hostPort));
        JsonNode mapping = describe(register(request)).get("containerDefinitions").get(1).get("portMappings").get(0);
        assertThat(mapping.get("hostPort").asInt(), equalTo(5000));
        assertThat(mapping.get("protocol").asText(), equalTo("tcp"));
    }

    @Test
    void containerPortRangeMappingsAreKept() throws IOException {
        ObjectNode request = load(FARGATE);
        range(request, 1, "8000-8010");
        ((ArrayNode) container(request, 1).get("portMappings")).addObject().put("containerPort", 9000);
        JsonNode mappings = describe(register(request)).get("containerDefinitions").get(1).get("portMappings");
        assertThat(mappings.get(0).get("containerPortRange").asText(), equalTo("8000-8010"));
        assertThat(mappings.get(0).has("hostPort"), equalTo(false));
        assertThat(mappings.get(1).get("hostPort").asInt(), equalTo(9000));
    }

    /** The API model has no pattern for role ARNs: ECS only finds out at run time that a role is a placeholder. */
    @Test
    void placeholderArnsAreAccepted() throws IOException {
        ObjectNode request = load(FARGATE);
        request.put("executionRoleArn", "arn:aws:iam::<account-id>:role/ecsTaskExecutionRole");
        request.put("taskRoleArn", "arn:aws:iam::XXXXXXXXXXXX:role/${TaskRole}");
        JsonNode doc = describe(register(request));
        assertThat(doc.get("executionRoleArn").asText(), equalTo("arn:aws:iam::<account-id>:role/ecsTaskExecutionRole"));
        assertThat(doc.get("taskRoleArn").asText(), equalTo("arn:aws:iam::XXXXXXXXXXXX:role/${TaskRole}"));
    }

    /** ECS lists FARGATE only when Fargate would take the definition: here it lacks the execution role awslogs needs. */
    @Test
    void fargateCompatibilityNeedsWhatFargateNeeds() throws IOException {
        ObjectNode request = load("aws-containers-task-definitions/gunicorn/gunicorn_ec2.json");
        assertThat(compatibilities(describe(register(request))), equalTo(List.of("EC2")));
        request.put("executionRoleArn", "arn:aws:iam::123456789012:role/ecsTaskExecutionRole");
        assertThat(compatibilities(describe(register(request))), equalTo(List.of("EC2", "FARGATE")));
    }

    @Test
    void essentialDefaultsToTrueAndNonEssentialDependenciesMayUseSuccess() throws IOException {
        ObjectNode request = load(FARGATE);
        container(request, 0).remove("essential");
        container(request, 1).put("essential", false);
        ObjectNode init = container(request, 1).deepCopy().put("name", "init");
        init.remove("logConfiguration");
        ((ArrayNode) request.get("containerDefinitions")).add(init);
        dependsOn(request, 1, "init", "SUCCESS");
        JsonNode containers = describe(register(request)).get("containerDefinitions");
        assertThat(containers.get(0).get("essential").asBoolean(), equalTo(true));
        assertThat(containers.get(1).get("dependsOn").get(0).get("condition").asText(), equalTo("SUCCESS"));
    }

    /** ECS ignores members the request does not have; nulls are absent from the describe document. */
    @Test
    void unknownMembersAndNullsAreLeftOut() throws IOException {
        ObjectNode request = load(FARGATE);
        request.put("compatibilities", "ignored");
        request.putObject("taskDefinition");
        container(request, 1).putNull("ulimits");
        JsonNode doc = describe(register(request));
        assertThat(doc.has("taskDefinition"), equalTo(false));
        assertThat(compatibilities(doc), equalTo(List.of("EC2", "FARGATE")));
        assertThat(doc.get("containerDefinitions").get(1).has("ulimits"), equalTo(false));
    }

    private static ObjectNode load(String fixture) throws IOException {
        List<Path> all = TaskDefinitionFixturesTest.fixtures(); // fails clearly if the folder is missing
        Path path = TaskDefinitionFixturesTest.FIXTURES.resolve(fixture);
        assertThat(fixture, all.contains(path), equalTo(true));
        return (ObjectNode) JSON.readTree(Files.readString(path));
    }

    private static TaskDefinition register(ObjectNode request) {
        return TaskDefinitionFixturesTest.freshEngine().taskDefinitions().register(request.toString());
    }

    private static JsonNode describe(TaskDefinition td) throws IOException {
        return JSON.readTree(td.json());
    }

    private static List<String> compatibilities(JsonNode doc) {
        List<String> out = new ArrayList<>();
        doc.get("compatibilities").forEach(n -> out.add(n.asText()));
        return out;
    }

    private static ObjectNode container(ObjectNode request, int index) {
        return (ObjectNode) request.get("containerDefinitions").get(index);
    }

    private static void size(ObjectNode request, String cpu, String memory) {
        request.put("cpu", cpu);
        request.put("memory", memory);
    }

    private static void mapping(ObjectNode request, int index, int containerPort, Integer hostPort) {
        ObjectNode m = container(request, index).putArray("portMappings").addObject().put("containerPort", containerPort);
        if (hostPort != null) {
            m.put("hostPort", hostPort);
        }
    }

    private static void range(ObjectNode request, int index, String range) {
        container(request, index).putArray("portMappings").addObject().put("containerPortRange", range);
    }

    private static void dependsOn(ObjectNode request, int index, String container, String condition) {
        container(request, index).putArray("dependsOn").addObject().put("containerName", container).put("condition", condition);
    }
}
