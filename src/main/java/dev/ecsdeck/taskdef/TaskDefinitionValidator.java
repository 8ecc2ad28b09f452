package dev.ecsdeck.taskdef;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsdeck.taskdef.RequestSchema.Shape;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Checks a task definition as it is typed: JSON syntax, the request's shape (unknown members, wrong
 * types, enum values, required members; from {@link RequestSchema}) and ECS's own rules
 * ({@link EcsRules}, in the editor's words; {@link EcsAdvice}). Describe documents are accepted as they are: their
 * read-only members ({@link TaskDefinitionDocuments#READ_ONLY_FIELDS}) pass silently. Stateless and
 * thread-safe.
 */
public final class TaskDefinitionValidator {

    /** Every problem of the document, in document order. Never throws, whatever the input. */
    public List<Problem> validate(String json) {
        try {
            return check(json);
        } catch (RuntimeException | StackOverflowError e) {
            // A bug here must not take the editor down; the property test runs check() to find such bugs.
            return List.of(new Problem(Severity.ERROR, "", 0, 0, "The document could not be checked: " + e));
        }
    }

    /** {@link #validate} without the safety net. */
    List<Problem> check(String json) {
        LocatedJson doc;
        try {
            doc = LocatedJson.parse(json);
        } catch (InvalidJsonException e) {
            return List.of(new Problem(Severity.ERROR, "", e.line(), e.column(), e.reason()));
        }
        Findings findings = new Findings(doc);
        if (!doc.root().isObject()) {
            findings.error("", "A task definition is a JSON object, not " + Json.describe(doc.root()) + ".");
            return findings.sorted();
        }
        for (LocatedJson.Duplicate d : doc.duplicates()) {
            findings.warning(d.path(), "'" + lastSegment(d.path()) + "' is given more than once in the same object;"
                    + " only the last one counts.");
        }
        new ShapeCheck(findings).structure((ObjectNode) doc.root(), RequestSchema.request(), "", "");
        for (EcsRules.Violation v : EcsRules.check(doc.root()).violations()) {
            if (v.words() != null) {
                findings.add(Severity.ERROR, v.path(), v.at(), v.words());
            }
        }
        advice(findings, doc.root().path("containerDefinitions"));
        return findings.sorted();
    }

    /** The warnings of {@link EcsAdvice}, container by container. */
    private static void advice(Findings findings, JsonNode containers) {
        if (!containers.isArray()) {
            return;
        }
        for (int i = 0; i < containers.size(); i++) {
            JsonNode c = containers.get(i);
            if (!c.isObject()) {
                continue;
            }
            String name = JsonMembers.text(c, "name");
            JsonNode essential = c.get("essential");
            EcsAdvice.container(findings, LocatedJson.index("containerDefinitions", i), c,
                    name != null ? "'" + name + "'" : "containerDefinitions[" + i + "]",
                    essential == null || !essential.isBoolean() || essential.asBoolean());
        }
    }

    private static String lastSegment(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    /** The request's shape: members the model defines, JSON types, enums and required members. */
    private static final class ShapeCheck {
        private final Findings findings;

        ShapeCheck(Findings findings) {
            this.findings = findings;
        }

        /** {@code label} names the value in messages: its member name, or "command[2]" for a list element. */
        void value(JsonNode value, Shape shape, String path, String label) {
            if (value.isNull()) {
                return; // null is the same as leaving the member out
            }
            switch (shape.kind()) {
                case STRUCTURE:
                    if (expect(value.isObject(), value, path, label, "an object")) {
                        structure((ObjectNode) value, shape, path, label);
                    }
                    break;
                case LIST:
                    if (expect(value.isArray(), value, path, label, "a list")) {
                        for (int i = 0; i < value.size(); i++) {
                            String element = LocatedJson.index(path, i);
                            value(value.get(i), shape.element(), element, label + "[" + i + "]");
                        }
                    }
                    break;
                case MAP:
                    if (expect(value.isObject(), value, path, label, "an object")) {
                        value.fields().forEachRemaining(e -> value(e.getValue(), shape.element(),
                                LocatedJson.member(path, e.getKey()), label + "." + e.getKey()));
                    }
                    break;
                case STRING:
                    if (expect(value.isTextual(), value, path, label, "a string") && !shape.enumValues().isEmpty()
                            && !shape.enumValues().contains(value.asText())) {
                        findings.error(path, "'" + label + "' is \"" + value.asText() + "\", which ECS does not know: use one of "
                                + String.join(", ", shape.enumValues()) + ".");
                    }
                    break;
                case INTEGER:
                    expect(value.isIntegralNumber() && value.canConvertToInt(), value, path, label, "a whole number");
                    break;
                case LONG:
                    expect(value.isIntegralNumber() && value.canConvertToLong(), value, path, label, "a whole number");
                    break;
                case BOOLEAN:
                    expect(value.isBoolean(), value, path, label, "true or false");
                    break;
                case NUMBER:
                case TIMESTAMP:
                    expect(value.isNumber(), value, path, label, "a number");
                    break;
                default:
                    break;
            }
        }

        void structure(ObjectNode object, Shape shape, String path, String label) {
            boolean root = path.isEmpty();
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                String name = e.getKey();
                String child = LocatedJson.member(path, name);
                Shape member = shape.members().get(name);
                if (member != null) {
                    value(e.getValue(), member, child, name);
                } else if (!(root && TaskDefinitionDocuments.READ_ONLY_FIELDS.contains(name))) {
                    findings.warning(child, unknownMember(shape, name, root && e.getValue().isObject()));
                }
            }
            for (String required : shape.required()) {
                JsonNode v = object.get(required);
                if (v == null || v.isNull()) {
                    findings.add(Severity.ERROR, LocatedJson.member(path, required), path,
                            "'" + required + "' is required" + (root ? "." : " in '" + label + "'."));
                }
            }
        }

        private static String unknownMember(Shape shape, String name, boolean objectAtRoot) {
            if (objectAtRoot && name.equals("taskDefinition")) {
                return "'taskDefinition' is not a member of a task definition: this looks like a DescribeTaskDefinition"
                        + " response. Use the object inside 'taskDefinition' as the document.";
            }
            String what = shape.name().equals("RegisterTaskDefinitionRequest") ? "a task definition" : shape.name();
            for (String known : shape.members().keySet()) {
                if (known.equalsIgnoreCase(name)) {
                    return "Unknown member '" + name + "' (did you mean '" + known + "'?): ECS ignores it.";
                }
            }
            return "Unknown member '" + name + "': " + what + " has no such member, so ECS ignores it.";
        }

        /** Reports a value of the wrong JSON type; true when the type is right. */
        private boolean expect(boolean ok, JsonNode value, String path, String label, String expected) {
            if (!ok) {
                String found = Json.describe(value);
                if (value.isNumber() && expected.equals("a whole number")) {
                    found = value.isIntegralNumber() ? "a number that large" : "a fraction";
                }
                findings.error(path, "'" + label + "' must be " + expected + ", not " + found + ".");
            }
            return ok;
        }
    }
}
