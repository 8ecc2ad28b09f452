package dev.ecsdeck.sim.ecs;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static dev.ecsdeck.taskdef.RefusedDefinitions.EC2;
import static dev.ecsdeck.taskdef.RefusedDefinitions.FARGATE;
import static dev.ecsdeck.taskdef.RefusedDefinitions.container;
import static dev.ecsdeck.taskdef.RefusedDefinitions.dependsOn;
import static dev.ecsdeck.taskdef.RefusedDefinitions.mapping;
import static dev.ecsdeck.taskdef.RefusedDefinitions.range;
import static dev.ecsdeck.taskdef.RefusedDefinitions.size;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsdeck.model.TaskDefinition;
import dev.ecsdeck.sim.SimApiException;
import dev.ecsdeck.taskdef.RefusedDefinitions.Refused;
import dev.ecsdeck.taskdef.RefusedDefinitions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * ECS's registration rules as the simulator answers them: each definition of the shared table
 * {@link RefusedDefinitions} (the project's own fixtures, each broken in one way) is refused with
 * ECS's error code and exact message; and the edge cases ECS accepts. FARGATE and EC2 are own
 * fixtures that register unchanged.
 */
class TaskDefinitionRulesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static List<Refused> broken() {
        return RefusedDefinitions.mutations();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("broken")
    void refusedAsEcsRefusesIt(Refused broken) {
        SimApiException e = assertThrows(SimApiException.class, () -> register(broken.json()));
        assertThat(e.errorCode(), equalTo(broken.answer().errorCode()));
        assertThat(e.getMessage(), equalTo(broken.answer().ecsMessage()));
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
        ObjectNode request = load("ec2-awsvpc-awslogs.json");
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

    private static ObjectNode load(String fixture) {
        return RefusedDefinitions.load(fixture);
    }

    private static TaskDefinition register(ObjectNode request) {
        return register(request.toString());
    }

    private static TaskDefinition register(String request) {
        return TaskDefinitionFixturesTest.freshEngine().taskDefinitions().register(request);
    }

    private static JsonNode describe(TaskDefinition td) throws IOException {
        return JSON.readTree(td.json());
    }

    private static List<String> compatibilities(JsonNode doc) {
        List<String> out = new ArrayList<>();
        doc.get("compatibilities").forEach(n -> out.add(n.asText()));
        return out;
    }
}
