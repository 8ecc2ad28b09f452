package dev.ecsdeck.taskdef;

import static dev.ecsdeck.taskdef.TaskDefinitionValidatorTest.VALID;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsdeck.taskdef.TaskDefinitionDraft.HealthCheck;
import dev.ecsdeck.taskdef.TaskDefinitionDraft.LogSettings;
import dev.ecsdeck.taskdef.TaskDefinitionDraft.PortMapping;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskDefinitionDraftTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void gettersReadTheCommonFields() {
        TaskDefinitionDraft d = TaskDefinitionDraft.parse(VALID);
        assertThat(d.family(), equalTo("web-app"));
        assertThat(d.cpu(), equalTo("256"));
        assertThat(d.memory(), equalTo("512"));
        assertThat(d.networkMode(), equalTo("awsvpc"));
        assertThat(d.requiresCompatibilities(), equalTo(List.of("FARGATE")));
        assertThat(d.taskRoleArn(), nullValue());
        assertThat(d.executionRoleArn(), containsString("ecsTaskExecutionRole"));
        assertThat(d.containerCount(), equalTo(2));
        assertThat(d.containerNames(), equalTo(List.of("web", "sidecar")));
        assertThat(d.image(0), equalTo("nginx:1.27"));
        assertThat(d.containerCpu(0), nullValue());
        assertThat(d.memory(0), equalTo(256));
        assertThat(d.memoryReservation(0), equalTo(128));
        assertThat(d.essential(0), equalTo(true));
        assertThat(d.essential(1), equalTo(false));
        assertThat(d.environment(0), equalTo(Map.of("MODE", "prod")));
        assertThat(d.secrets(0), equalTo(Map.of()));
        assertThat(d.portMappings(0), equalTo(List.of(new PortMapping(80, 80, "tcp"))));
        assertThat(d.logConfiguration(0).logDriver(), equalTo("awslogs"));
        assertThat(new ArrayList<>(d.logConfiguration(0).options().keySet()),
                equalTo(List.of("awslogs-group", "awslogs-region", "awslogs-stream-prefix")));
        assertThat(d.healthCheck(0), equalTo(new HealthCheck(List.of("CMD-SHELL", "curl -f http://localhost/ || exit 1"), 30,
                null, null, null)));
        assertThat(d.healthCheck(1), nullValue());
    }

    @Test
    void everySetterRoundTripsThroughTheJson() {
        TaskDefinitionDraft d = TaskDefinitionDraft.parse(VALID);
        Map<String, String> env = new LinkedHashMap<>();
        env.put("Z", "last");
        env.put("A", "first");
        d.family("other");
        d.cpu("1 vCPU");
        d.memory("2 GB");
        d.networkMode("bridge");
        d.requiresCompatibilities(List.of("EC2"));
        d.taskRoleArn("arn:aws:iam::123456789012:role/app");
        d.executionRoleArn("arn:aws:iam::123456789012:role/exec");
        d.image(1, "busybox:1.37");
        d.containerCpu(1, 128);
        d.memory(1, 64);
        d.memoryReservation(1, 32);
        d.essential(1, true);
        d.environment(1, env);
        d.secrets(1, Map.of("TOKEN", "arn:aws:secretsmanager:us-east-1:123456789012:secret:token"));
        d.portMappings(1, List.of(new PortMapping(8080, null, "udp")));
        d.logConfiguration(1, new LogSettings("json-file", Map.of("max-size", "10m")));
        d.healthCheck(1, new HealthCheck(List.of("CMD", "true"), 10, 5, 3, 0));

        TaskDefinitionDraft r = TaskDefinitionDraft.parse(d.toJson());
        assertThat(r.family(), equalTo("other"));
        assertThat(r.cpu(), equalTo("1 vCPU"));
        assertThat(r.memory(), equalTo("2 GB"));
        assertThat(r.networkMode(), equalTo("bridge"));
        assertThat(r.requiresCompatibilities(), equalTo(List.of("EC2")));
        assertThat(r.taskRoleArn(), equalTo("arn:aws:iam::123456789012:role/app"));
        assertThat(r.executionRoleArn(), equalTo("arn:aws:iam::123456789012:role/exec"));
        assertThat(r.image(1), equalTo("busybox:1.37"));
        assertThat(r.containerCpu(1), equalTo(128));
        assertThat(r.memory(1), equalTo(64));
        assertThat(r.memoryReservation(1), equalTo(32));
        assertThat(r.essential(1), equalTo(true));
        assertThat(new ArrayList<>(r.environment(1).entrySet()), equalTo(new ArrayList<>(env.entrySet())));
        assertThat(r.secrets(1), equalTo(Map.of("TOKEN", "arn:aws:secretsmanager:us-east-1:123456789012:secret:token")));
        assertThat(r.portMappings(1), equalTo(List.of(new PortMapping(8080, null, "udp"))));
        assertThat(r.logConfiguration(1), equalTo(new LogSettings("json-file", Map.of("max-size", "10m"))));
        assertThat(r.healthCheck(1), equalTo(new HealthCheck(List.of("CMD", "true"), 10, 5, 3, 0)));
        // container 0 untouched
        assertThat(r.image(0), equalTo("nginx:1.27"));
        assertThat(r.portMappings(0), equalTo(List.of(new PortMapping(80, 80, "tcp"))));
    }

    @Test
    void settersKeepUnrelatedMembersAndTheirOrder() throws Exception {
        String text = "{\n  \"x-note\": \"keep me\",\n  \"family\": \"a\",\n  \"cpu\": \"256\",\n  \"containerDefinitions\": [{\"name\": \"c\","
                + " \"image\": \"i:1\", \"ulimits\": [{\"name\": \"nofile\", \"softLimit\": 1, \"hardLimit\": 2}],"
                + " \"logConfiguration\": {\"logDriver\": \"awsfirelens\", \"secretOptions\": [{\"name\": \"k\", \"valueFrom\": \"v\"}]},"
                + " \"portMappings\": [{\"name\": \"http\", \"containerPort\": 80, \"appProtocol\": \"http\"}]}],\n  \"tags\": []\n}";
        TaskDefinitionDraft d = TaskDefinitionDraft.parse(text);
        d.family("b");
        d.image(0, "i:2");
        d.logConfiguration(0, new LogSettings("awsfirelens", Map.of("Name", "cloudwatch")));
        d.portMappings(0, List.of(new PortMapping(80, 80, "tcp"), new PortMapping(9090, null, null)));
        d.memory("1024");
        JsonNode out = JSON.readTree(d.toJson());
        assertThat(fieldNames(out), equalTo(List.of("x-note", "family", "cpu", "containerDefinitions", "tags", "memory")));
        JsonNode c = out.get("containerDefinitions").get(0);
        assertThat(fieldNames(c), equalTo(List.of("name", "image", "ulimits", "logConfiguration", "portMappings")));
        assertThat(c.get("ulimits").get(0).get("name").asText(), equalTo("nofile"));
        assertThat(c.get("logConfiguration").toString(), equalTo("{\"logDriver\":\"awsfirelens\",\"secretOptions\":"
                + "[{\"name\":\"k\",\"valueFrom\":\"v\"}],\"options\":{\"Name\":\"cloudwatch\"}}"));
        assertThat(c.get("portMappings").toString(), equalTo("[{\"name\":\"http\",\"containerPort\":80,\"appProtocol\":\"http\","
                + "\"hostPort\":80,\"protocol\":\"tcp\"},{\"containerPort\":9090}]"));
        assertThat(out.get("x-note").asText(), equalTo("keep me"));
    }

    @Test
    void nullRemovesTheMember() throws Exception {
        TaskDefinitionDraft d = TaskDefinitionDraft.parse(VALID);
        d.cpu(null);
        d.executionRoleArn(null);
        d.requiresCompatibilities(null);
        d.memory(0, null);
        d.memoryReservation(0, null);
        d.environment(0, null);
        d.portMappings(0, null);
        d.logConfiguration(0, null);
        d.healthCheck(0, null);
        d.image(1, null);
        JsonNode out = JSON.readTree(d.toJson());
        assertThat(fieldNames(out), equalTo(List.of("family", "networkMode", "memory", "containerDefinitions")));
        assertThat(fieldNames(out.get("containerDefinitions").get(0)), equalTo(List.of("name", "image", "essential")));
        assertThat(fieldNames(out.get("containerDefinitions").get(1)),
                equalTo(List.of("name", "essential", "dependsOn", "logConfiguration")));
        assertThat(d.logConfiguration(0), nullValue());
        assertThat(d.portMappings(0), equalTo(List.of()));
        assertThat(d.memory(0), nullValue());
        d.healthCheck(1, new HealthCheck(List.of("CMD", "true"), null, null, null, null));
        d.healthCheck(1, new HealthCheck(null, 5, null, null, null));
        assertThat(JSON.readTree(d.toJson()).get("containerDefinitions").get(1).get("healthCheck").toString(),
                equalTo("{\"interval\":5}"));
    }

    @Test
    void toJsonIsPrettyWithTwoSpaces() {
        TaskDefinitionDraft d = TaskDefinitionDraft.parse("{\"family\":\"a\",\"requiresCompatibilities\":[\"EC2\"],\"volumes\":[],"
                + "\"containerDefinitions\":[{\"name\":\"c\",\"cpu\":0.5}]}");
        assertThat(d.toJson(), equalTo("""
                {
                  "family": "a",
                  "requiresCompatibilities": [
                    "EC2"
                  ],
                  "volumes": [],
                  "containerDefinitions": [
                    {
                      "name": "c",
                      "cpu": 0.5
                    }
                  ]
                }"""));
        assertThat(d.containerCpu(0), nullValue());
    }

    @Test
    void containersCanBeAddedAndRemoved() {
        TaskDefinitionDraft d = TaskDefinitionDraft.parse("{\"family\": \"a\"}");
        assertThat(d.containerCount(), equalTo(0));
        assertThat(d.addContainer("web", "nginx:1"), equalTo(0));
        assertThat(d.addContainer("log", "fluent-bit:2"), equalTo(1));
        d.containerName(0, "app");
        d.removeContainer(1);
        assertThat(d.containerNames(), equalTo(List.of("app")));
        assertThat(d.toJson(), containsString("\"image\": \"nginx:1\""));
    }

    @Test
    void badInputIsAnIllegalArgumentAndBadIndexesAreOutOfBounds() {
        InvalidJsonException e = assertThrows(InvalidJsonException.class, () -> TaskDefinitionDraft.parse("{\n\n  \"family\" \"a\"}"));
        assertThat(e.line(), equalTo(3));
        assertThat(e.column(), equalTo(12));
        assertThat(e.getMessage(), containsString("line 3, column 12"));
        assertThrows(IllegalArgumentException.class, () -> TaskDefinitionDraft.parse("[1]"));
        assertThrows(IllegalArgumentException.class, () -> TaskDefinitionDraft.parse(""));
        assertThrows(IllegalArgumentException.class, () -> TaskDefinitionDraft.parse(null));
        TaskDefinitionDraft d = TaskDefinitionDraft.parse(VALID);
        assertThrows(IndexOutOfBoundsException.class, () -> d.image(2));
        assertThrows(IndexOutOfBoundsException.class, () -> d.image(-1, "x"));
    }

    @Test
    void valuesOfTheWrongTypeReadAsAbsentAndAreNotWrittenThrough() {
        TaskDefinitionDraft d = TaskDefinitionDraft.parse("{\"family\": 7, \"requiresCompatibilities\": \"EC2\","
                + " \"containerDefinitions\": [\"oops\", {\"name\": \"c\", \"memory\": \"lots\", \"essential\": \"no\","
                + " \"environment\": {\"A\": \"1\"}, \"portMappings\": [3], \"logConfiguration\": []}]}");
        assertThat(d.family(), equalTo("7"));
        assertThat(d.requiresCompatibilities(), equalTo(List.of()));
        assertThat(d.containerNames(), equalTo(java.util.Arrays.asList(null, "c")));
        assertThat(d.image(0), nullValue());
        assertThat(d.memory(1), nullValue());
        assertThat(d.essential(1), equalTo(true));
        assertThat(d.environment(1), equalTo(Map.of()));
        assertThat(d.portMappings(1), equalTo(List.of()));
        assertThat(d.logConfiguration(1), nullValue());
        assertThrows(IllegalStateException.class, () -> d.image(0, "x"));
        d.logConfiguration(1, new LogSettings("awslogs", null));
        assertThat(d.logConfiguration(1), equalTo(new LogSettings("awslogs", null)));
        assertThat(d.toJson(), not(containsString("[ ]")));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
