package dev.ecsdeck.taskdef;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded random mutations of task-definition JSON, for robustness tests: edits of the text (mostly
 * syntax errors) and of the tree (wrong types, odd values, missing and renamed members, ECS's
 * values in odd places).
 */
public final class TaskDefinitionMutants {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PUNCTUATION = "{}[]\",:0-e.\\ \nt";
    private static final String[] ODD_STRINGS = {"", " ", "FARGATE", "awsvpc", "host", "none", "bridge", "awslogs", "awsfirelens",
        "1 vCPU", "0.5 vcpu", "2 GB", "512 MiB", "-1", "1e999", "9999999999", "0.0001 vCPU", "\u00e9\u00e8", "a:b@c", "latest",
        "nginx:latest", "web", "START", "SUCCESS", "tcp", "8080-8081", "99999-1", "\u0000", "x".repeat(300)};
    private static final String[] KNOWN_MEMBERS = {"family", "networkMode", "cpu", "memory", "requiresCompatibilities",
        "executionRoleArn", "containerDefinitions", "name", "image", "essential", "memoryReservation", "portMappings",
        "containerPort", "hostPort", "protocol", "containerPortRange", "logConfiguration", "logDriver", "options", "dependsOn",
        "containerName", "condition", "firelensConfiguration", "healthCheck", "command", "environment", "secrets", "value"};

    private final Random random;

    public TaskDefinitionMutants(long seed) {
        this.random = new Random(seed);
    }

    /** The next mutant of this document: one time in five a text edit, else a tree edit. */
    public String next(String json) {
        return random.nextInt(5) == 0 ? mutateText(json) : mutateTree(json);
    }

    /** A random pick, from the same seeded sequence. */
    public int nextInt(int bound) {
        return random.nextInt(bound);
    }

    /** Null when the problem is as the validator promises; else what is wrong with it. */
    public static String wellFormed(Problem p) {
        if (p.severity() == null || p.path() == null || p.message() == null || p.message().isBlank()) {
            return "incomplete";
        }
        if (p.line() < 1 || p.column() < 1) {
            return "not located";
        }
        boolean documentLevel = p.message().startsWith("Invalid JSON") || p.message().startsWith("The document is empty")
                || p.message().startsWith("A task definition is a JSON object");
        if (p.severity() == Severity.ERROR && p.path().isEmpty() != documentLevel) {
            return documentLevel ? "a document error with a path" : "an error without a path";
        }
        return null;
    }

    private String mutateText(String text) {
        StringBuilder s = new StringBuilder(text);
        for (int n = 1 + random.nextInt(3); n > 0 && s.length() > 0; n--) {
            int at = random.nextInt(s.length());
            int end = Math.min(s.length(), at + 1 + random.nextInt(20));
            switch (random.nextInt(5)) {
                case 0 -> s.delete(at, end);
                case 1 -> s.insert(at, PUNCTUATION.charAt(random.nextInt(PUNCTUATION.length())));
                case 2 -> s.insert(at, s.substring(at, end));
                case 3 -> s.setLength(at);
                default -> s.setCharAt(at, (char) (32 + random.nextInt(95)));
            }
        }
        return s.toString();
    }

    private String mutateTree(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (Exception e) {
            return mutateText(text); // the invalid fixture: edit its text instead
        }
        for (int n = 1 + random.nextInt(3); n > 0; n--) {
            List<JsonNode> containers = new ArrayList<>();
            collect(root, containers);
            JsonNode target = containers.get(random.nextInt(containers.size()));
            if (target.isObject()) {
                mutateObject((ObjectNode) target);
            } else {
                mutateArray((ArrayNode) target);
            }
        }
        return root.toString();
    }

    private void mutateObject(ObjectNode o) {
        List<String> names = new ArrayList<>();
        o.fieldNames().forEachRemaining(names::add);
        String name = names.isEmpty() || random.nextInt(4) == 0 ? KNOWN_MEMBERS[random.nextInt(KNOWN_MEMBERS.length)]
                : names.get(random.nextInt(names.size()));
        switch (random.nextInt(4)) {
            case 0 -> o.remove(name);
            case 1 -> {
                JsonNode v = o.remove(name);
                o.set(random.nextBoolean() ? name.toUpperCase() : name + "x", v == null ? NODES.nullNode() : v);
            }
            default -> o.set(name, randomValue());
        }
    }

    private void mutateArray(ArrayNode a) {
        if (!a.isEmpty() && random.nextBoolean()) {
            int i = random.nextInt(a.size());
            switch (random.nextInt(3)) {
                case 0 -> a.remove(i);
                case 1 -> a.add(a.get(i).deepCopy());
                default -> a.set(i, randomValue());
            }
        } else {
            a.add(randomValue());
        }
    }

    private JsonNode randomValue() {
        switch (random.nextInt(12)) {
            case 0:
                return NODES.nullNode();
            case 1:
                return NODES.booleanNode(random.nextBoolean());
            case 2:
                return NODES.numberNode(random.nextInt(200_000) - 1000);
            case 3:
                return NODES.numberNode(new java.math.BigDecimal(random.nextBoolean() ? "1e999999" : "0.5"));
            case 4:
                return NODES.numberNode(new java.math.BigInteger("123456789012345678901234567890"));
            case 5:
                return NODES.objectNode();
            case 6:
                return NODES.arrayNode();
            case 7:
                return NODES.objectNode().put(KNOWN_MEMBERS[random.nextInt(KNOWN_MEMBERS.length)], ODD_STRINGS[random.nextInt(
                        ODD_STRINGS.length)]);
            case 8:
                return NODES.arrayNode().add(ODD_STRINGS[random.nextInt(ODD_STRINGS.length)]).add(NODES.objectNode());
            default:
                return NODES.textNode(ODD_STRINGS[random.nextInt(ODD_STRINGS.length)]);
        }
    }

    private static void collect(JsonNode node, List<JsonNode> out) {
        if (node.isContainerNode()) {
            out.add(node);
            node.forEach(child -> collect(child, out));
        }
    }
}
