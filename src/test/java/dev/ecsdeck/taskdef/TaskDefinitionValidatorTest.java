package dev.ecsdeck.taskdef;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TaskDefinitionValidatorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A Fargate web service with a sidecar that has nothing to warn about. */
    static final String VALID = """
            {
              "family": "web-app",
              "networkMode": "awsvpc",
              "requiresCompatibilities": ["FARGATE"],
              "cpu": "256",
              "memory": "512",
              "executionRoleArn": "arn:aws:iam::123456789012:role/ecsTaskExecutionRole",
              "containerDefinitions": [
                {
                  "name": "web",
                  "image": "nginx:1.27",
                  "essential": true,
                  "portMappings": [{"containerPort": 80, "hostPort": 80, "protocol": "tcp"}],
                  "memory": 256,
                  "memoryReservation": 128,
                  "environment": [{"name": "MODE", "value": "prod"}],
                  "healthCheck": {"command": ["CMD-SHELL", "curl -f http://localhost/ || exit 1"], "interval": 30},
                  "logConfiguration": {"logDriver": "awslogs", "options": {"awslogs-group": "/ecs/web",
                    "awslogs-region": "us-east-1", "awslogs-stream-prefix": "web"}}
                },
                {
                  "name": "sidecar",
                  "image": "busybox:1.36",
                  "essential": false,
                  "dependsOn": [{"containerName": "web", "condition": "START"}],
                  "logConfiguration": {"logDriver": "awslogs", "options": {"awslogs-group": "/ecs/web",
                    "awslogs-region": "us-east-1", "awslogs-stream-prefix": "sidecar"}}
                }
              ]
            }
            """;

    private final TaskDefinitionValidator validator = new TaskDefinitionValidator();

    @Test
    void theBaseDocumentHasNoProblemAtAll() {
        assertThat(validator.validate(VALID), empty());
        assertThat(validator.validate(VALID.replace("\n", "\r\n")), empty());
    }

    @Test
    void aFargateSizeThatDoesNotExistIsAnErrorOnMemory() {
        Problem p = only(Severity.ERROR, variant(d -> d.put("memory", "4096")));
        assertAt(p, "memory", "256 CPU units with 512, 1024 or 2048 MiB of memory, not 4096 MiB");
        assertAt(only(Severity.ERROR, variant(d -> d.put("cpu", "3072"))), "cpu", "no size with 3072 CPU units");
        assertAt(only(Severity.ERROR, variant(d -> d.put("cpu", "1 vCPU").put("memory", "9 GB"))), "memory",
                "2048 to 8192 MiB in steps of 1024");
    }

    @ParameterizedTest
    @CsvSource({"256,512", "256,2 GB", "0.25 vCPU,1024", "0.5 vcpu,1 GB", "512,4096", "1 vCPU,8192", "2048,16 GB",
        "4096,30720", "8 vCPU,60 GB", "8192,20480", "16384,32768", "16 vcpu,122880", "1024,2048 MiB"})
    void everyFargateSizeInTheTableIsAccepted(String cpu, String memory) {
        assertThat(errors(variant(d -> d.put("cpu", cpu).put("memory", memory))), empty());
    }

    @ParameterizedTest
    @CsvSource({"256,1536", "256,4096", "512,512", "1024,1536", "4096,31744", "8192,18432", "16384,36864", "16384,131072"})
    void sizesBetweenTheStepsAreRefused(String cpu, String memory) {
        assertAt(only(Severity.ERROR, variant(d -> d.put("cpu", cpu).put("memory", memory))), "memory", "Fargate offers");
    }

    @ParameterizedTest
    @ValueSource(strings = {"3 cores", "1.5", "0.1 vCPU", "", "64", "1 GB"})
    void aTaskCpuEcsCannotReadIsAnError(String cpu) {
        assertAt(errors(variant(d -> d.put("cpu", cpu))).get(0), "cpu", "is not a size ECS accepts");
    }

    @Test
    void aHostPortOtherThanTheContainerPortIsRefusedInAwsvpc() {
        String text = variant(d -> port(d).put("hostPort", 8080));
        assertAt(only(Severity.ERROR, text), "containerDefinitions[0].portMappings[0].hostPort",
                "With networkMode 'awsvpc', 'hostPort' must be empty or equal to 'containerPort' (80), not 8080");
        assertLineHas(only(Severity.ERROR, text), text, "\"hostPort\" : 8080");
        assertThat(errors(variant(d -> port(d).put("hostPort", 0))), empty());
        assertThat(errors(variant(d -> port(d).remove("hostPort"))), empty());
    }

    @Test
    void bridgeModeMapsAnyHostPort() {
        String text = variant(d -> {
            ec2(d);
            port(d).put("hostPort", 8080);
        });
        assertThat(errors(text), empty());
    }

    @Test
    void aTaskWithoutAnEssentialContainerIsRefused() {
        String text = variant(d -> container(d, 0).put("essential", false));
        assertAt(only(Severity.ERROR, text), "containerDefinitions", "At least one container must be essential");
        assertLineHas(only(Severity.ERROR, text), text, "\"containerDefinitions\"");
    }

    @Test
    void familyNamesFollowEcsRules() {
        assertAt(only(Severity.ERROR, variant(d -> d.put("family", "web app!"))), "family",
                "may contain only letters, digits, '_' and '-'");
        assertAt(only(Severity.ERROR, variant(d -> d.put("family", "a".repeat(256)))), "family", "at most 255");
        assertAt(only(Severity.ERROR, variant(d -> d.put("family", ""))), "family", "must not be empty");
        String text = variant(d -> d.remove("family"));
        Problem missing = only(Severity.ERROR, text);
        assertAt(missing, "family", "'family' is required");
        assertThat("a missing member is shown at its object", missing.line(), equalTo(1));
        assertThat(errors(variant(d -> d.put("family", "a".repeat(255)))), empty());
    }

    @Test
    void containerNamesAreRequiredValidAndUnique() {
        assertAt(only(Severity.ERROR, variant(d -> container(d, 1).remove("name"))), "containerDefinitions[1].name",
                "needs a 'name'");
        assertAt(only(Severity.ERROR, variant(d -> container(d, 1).put("name", "side car"))), "containerDefinitions[1].name",
                "may contain only letters");
        String duplicate = variant(d -> {
            container(d, 1).put("name", "web");
            ((ArrayNode) container(d, 1).get("dependsOn")).removeAll();
        });
        assertAt(only(Severity.ERROR, duplicate), "containerDefinitions[1].name", "already used by containerDefinitions[0]");
        assertAt(only(Severity.ERROR, variant(d -> container(d, 0).put("image", " "))), "containerDefinitions[0].image",
                "needs an 'image'");
    }

    @Test
    void memoryReservationMayNotExceedMemory() {
        String text = variant(d -> container(d, 0).put("memoryReservation", 300));
        assertAt(only(Severity.ERROR, text), "containerDefinitions[0].memoryReservation",
                "'memoryReservation' (300 MiB) of container 'web' must not be greater than its 'memory' (256 MiB)");
        assertLineHas(only(Severity.ERROR, text), text, "\"memoryReservation\" : 300");
    }

    @Test
    void withoutTaskMemoryEachContainerNeedsSome() {
        String text = variant(d -> {
            ec2(d);
            d.remove("memory");
        });
        assertAt(only(Severity.ERROR, text), "containerDefinitions[1].memory", "needs 'memory' or 'memoryReservation'");
    }

    @Test
    void aValueOfTheWrongJsonTypeIsAnErrorOnItsPath() {
        assertAt(only(Severity.ERROR, variant(d -> container(d, 0).put("memory", "256"))), "containerDefinitions[0].memory",
                "'memory' must be a whole number, not a string");
        assertAt(only(Severity.ERROR, variant(d -> container(d, 0).putObject("portMappings").put("containerPort", 80))),
                "containerDefinitions[0].portMappings", "'portMappings' must be a list, not an object");
        assertAt(only(Severity.ERROR, variant(d -> container(d, 0).put("essential", "true"))),
                "containerDefinitions[0].essential", "must be true or false, not a string");
        assertAt(only(Severity.ERROR, variant(d -> ((ArrayNode) container(d, 0).get("healthCheck").get("command")).add(5))),
                "containerDefinitions[0].healthCheck.command[2]", "'command[2]' must be a string, not a number");
        assertAt(only(Severity.ERROR, variant(d -> container(d, 0).put("cpu", 1.5))), "containerDefinitions[0].cpu",
                "must be a whole number, not a fraction");
        assertAt(only(Severity.ERROR, variant(d -> d.put("cpu", 256))), "cpu", "'cpu' must be a string, not a number");
    }

    @Test
    void anUnknownMemberIsAWarningAtItsLine() {
        String text = variant(d -> container(d, 0).put("cpus", 1));
        Problem p = only(Severity.WARNING, text);
        assertAt(p, "containerDefinitions[0].cpus", "Unknown member 'cpus'");
        assertLineHas(p, text, "\"cpus\" : 1");
        assertAt(only(Severity.WARNING, variant(d -> port(d).put("ContainerPort", 80))),
                "containerDefinitions[0].portMappings[0].ContainerPort", "did you mean 'containerPort'?");
    }

    @Test
    void aDescribeResponseWrapperIsExplained() {
        String text = "{\"taskDefinition\": " + VALID + "}";
        List<Problem> warnings = validator.validate(text).stream().filter(p -> p.severity() == Severity.WARNING).toList();
        assertThat(warnings, hasSize(1));
        assertAt(warnings.get(0), "taskDefinition", "looks like a DescribeTaskDefinition response");
        assertThat(errors(text).stream().map(Problem::path).toList(), equalTo(List.of("family", "containerDefinitions")));
    }

    @Test
    void valuesOutsideAnEnumAreErrors() {
        assertAt(only(Severity.ERROR, variant(d -> d.put("networkMode", "vpc"))), "networkMode",
                "\"vpc\", which ECS does not know: use one of bridge, host, awsvpc, none");
        assertAt(only(Severity.ERROR, variant(d -> port(d).put("protocol", "TCP"))),
                "containerDefinitions[0].portMappings[0].protocol", "use one of tcp, udp");
        assertAt(errors(variant(d -> d.putArray("requiresCompatibilities").add("LAMBDA"))).get(0), "requiresCompatibilities[0]",
                "EC2, FARGATE, EXTERNAL");
        assertAt(only(Severity.ERROR, variant(d -> ((ObjectNode) container(d, 1).get("dependsOn").get(0)).put("condition", "STARTED"))),
                "containerDefinitions[1].dependsOn[0].condition", "START, COMPLETE, SUCCESS, HEALTHY");
        assertAt(errors(variant(d -> ((ObjectNode) container(d, 0).get("logConfiguration")).put("logDriver", "cloudwatch")))
                .get(0), "containerDefinitions[0].logConfiguration.logDriver", "awslogs");
        assertAt(only(Severity.ERROR, variant(d -> d.put("pidMode", "container"))), "pidMode", "host, task");
    }

    @Test
    void dependenciesMustNameAContainer() {
        assertAt(only(Severity.ERROR, variant(d -> ((ObjectNode) container(d, 1).get("dependsOn").get(0))
                .put("containerName", "db"))), "containerDefinitions[1].dependsOn[0].containerName", "depends on 'db'");
        assertAt(only(Severity.ERROR, variant(d -> ((ObjectNode) container(d, 1).get("dependsOn").get(0))
                .put("condition", "SUCCESS"))), "containerDefinitions[1].dependsOn[0].condition", "must not be essential");
    }

    @Test
    void fargateNeedsAwsvpcSizesAndTheExecutionRoleForAwslogs() {
        assertAt(only(Severity.ERROR, variant(d -> d.put("networkMode", "bridge"))), "networkMode", "Fargate needs networkMode 'awsvpc'");
        assertAt(errors(variant(d -> d.remove("cpu"))).get(0), "cpu", "Fargate needs a task-level 'cpu'");
        List<Problem> noRole = errors(variant(d -> d.remove("executionRoleArn")));
        assertThat(noRole, hasSize(2));
        noRole.forEach(p -> assertAt(p, "executionRoleArn", "for the awslogs log driver"));
        assertAt(only(Severity.ERROR, variant(d -> ((ObjectNode) container(d, 0).get("logConfiguration").get("options"))
                .remove("awslogs-stream-prefix"))), "containerDefinitions[0].logConfiguration.options.awslogs-stream-prefix",
                "'awslogs-stream-prefix'");
        assertAt(only(Severity.ERROR, variant(d -> ((ObjectNode) container(d, 0).get("logConfiguration").get("options"))
                .remove("awslogs-region"))), "containerDefinitions[0].logConfiguration.options", "needs the options awslogs-region");
    }

    @Test
    void firelensNeedsALogRouterAndTheContainerCountIsCapped() {
        String firelens = variant(d -> ((ObjectNode) container(d, 0).get("logConfiguration")).put("logDriver", "awsfirelens"));
        assertAt(errors(firelens).get(0), "containerDefinitions[0].logConfiguration.logDriver", "no container has a 'firelensConfiguration'");
        String eleven = variant(d -> {
            ArrayNode defs = (ArrayNode) d.get("containerDefinitions");
            for (int i = 0; i < 9; i++) {
                defs.add(container(d, 1).deepCopy().put("name", "extra" + i));
            }
        });
        assertAt(only(Severity.ERROR, eleven), "containerDefinitions", "at most 10 containers, not 11");
    }

    @Test
    void warningsForWhatRegistersButHurts() {
        assertAt(only(Severity.WARNING, variant(d -> container(d, 0).put("image", "nginx"))), "containerDefinitions[0].image",
                "has no tag");
        assertAt(only(Severity.WARNING, variant(d -> container(d, 0).put("image", "registry:5000/team/nginx:latest"))),
                "containerDefinitions[0].image", "uses :latest");
        assertThat(validator.validate(variant(d -> container(d, 0).put("image", "registry:5000/nginx@sha256:abc"))), empty());
        assertAt(only(Severity.WARNING, variant(d -> container(d, 0).remove("healthCheck"))),
                "containerDefinitions[0].healthCheck", "serves ports but has no 'healthCheck'");
        assertAt(only(Severity.WARNING, variant(d -> container(d, 0).remove("logConfiguration"))),
                "containerDefinitions[0].logConfiguration", "no 'logConfiguration'");
    }

    @Test
    void aDescribeDocumentValidatesWithItsReadOnlyMembers() {
        String described = Fixtures.freshSimulator().taskDefinitions().register(VALID).json();
        assertThat(validator.validate(described), empty());
    }

    @Test
    void aDuplicateMemberIsAWarning() {
        String text = VALID.replace("\"family\": \"web-app\",", "\"family\": \"web-app\", \"family\": \"web-app\",");
        assertAt(only(Severity.WARNING, text), "family", "more than once");
    }

    @Test
    void anythingThatIsNotAnObjectIsOneErrorOnTheDocument() {
        for (String text : new String[] {null, "", "   ", "[]", "42", "\"x\"", "{", "{\"family\": }", "{} {}", "nul"}) {
            List<Problem> problems = validator.validate(text);
            assertThat(String.valueOf(text), problems, hasSize(1));
            assertThat(problems.get(0).severity(), equalTo(Severity.ERROR));
            assertThat(problems.get(0).path(), equalTo(""));
            assertThat(problems.get(0).line(), greaterThan(0));
        }
        assertThat(validator.validate("{\n  \"family\": \"x\",\n}").get(0).line(), equalTo(3));
        assertThat(validator.validate("[[[[" .repeat(3000)).get(0).message(), startsWith("Invalid JSON"));
    }

    @Test
    void hugeDocumentsAreCheckedOrRefusedWithoutThrowing() {
        String manyVariables = variant(d -> {
            ArrayNode env = (ArrayNode) container(d, 0).get("environment");
            for (int i = 0; i < 50_000; i++) {
                env.addObject().put("name", "V" + i).put("value", "x");
            }
        });
        assertThat(validator.validate(manyVariables), empty());
        String hugeString = VALID.replace("\"prod\"", "\"" + "p".repeat(25_000_000) + "\"");
        List<Problem> problems = validator.validate(hugeString);
        assertThat(problems.toString(), problems, hasSize(1));
        assertThat(problems.get(0).message(), startsWith("Invalid JSON"));
        assertThat(validator.validate(VALID.replace("80,", "1" + "0".repeat(500) + ",")).get(0).path(),
                equalTo("containerDefinitions[0].portMappings[0].containerPort"));
    }

    // ---- helpers

    /** The base document changed by {@code change}, pretty-printed (one member a line). */
    static String variant(Consumer<ObjectNode> change) {
        try {
            ObjectNode doc = (ObjectNode) JSON.readTree(VALID);
            change.accept(doc);
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(doc);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    static ObjectNode container(ObjectNode doc, int i) {
        return (ObjectNode) doc.get("containerDefinitions").get(i);
    }

    static ObjectNode port(ObjectNode doc) {
        return (ObjectNode) container(doc, 0).get("portMappings").get(0);
    }

    /** EC2 with bridge networking and no execution role: the Fargate rules out of the way. */
    static void ec2(ObjectNode doc) {
        doc.remove(List.of("networkMode", "requiresCompatibilities", "executionRoleArn"));
        port(doc).remove("hostPort");
    }

    private List<Problem> errors(String text) {
        return TaskDefinitionValidatorFixturesTest.errors(validator.validate(text));
    }

    /** The one problem of that severity (and none of the other). */
    private Problem only(Severity severity, String text) {
        List<Problem> problems = validator.validate(text);
        assertThat(problems.toString(), problems, hasSize(1));
        assertThat(problems.toString(), problems.get(0).severity(), equalTo(severity));
        return problems.get(0);
    }

    static void assertAt(Problem p, String path, String fragment) {
        assertThat(p.toString(), p.path(), equalTo(path));
        assertThat(p.toString(), p.message(), containsString(fragment));
        assertThat(p.toString(), p.line(), greaterThan(0));
        assertThat(p.toString(), p.column(), greaterThan(0));
    }

    /** The problem's line of the text holds {@code fragment}: the location points at the member. */
    static void assertLineHas(Problem p, String text, String fragment) {
        String line = text.split("\r?\n", -1)[p.line() - 1];
        assertThat(p + " points at: " + line, line, containsString(fragment));
        assertThat(p + " column", line.length(), greaterThan(p.column() - 2));
    }
}
