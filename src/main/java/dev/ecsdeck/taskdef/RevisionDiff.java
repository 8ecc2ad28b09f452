package dev.ecsdeck.taskdef;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecsdeck.taskdef.DiffEntry.Change;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The structural difference of two task definitions, by field path, after
 * {@link TaskDefinitionNormalizer normalisation}. Objects compare member by member; lists of
 * objects that carry a key compare by that key, whatever their order (containers by name as
 * {@code containerDefinitions[web]}, environment and secrets by name, port mappings by
 * {@code containerPort/protocol}, mount points by source volume...); other lists by index.
 */
public record RevisionDiff(List<DiffEntry> entries) {
    /** The member of each element that identifies it, by the list's member name; "name" for all others. */
    private static final Map<String, String> KEY_MEMBERS = Map.ofEntries(Map.entry("mountPoints", "sourceVolume"),
            Map.entry("volumesFrom", "sourceContainer"), Map.entry("dependsOn", "containerName"),
            Map.entry("extraHosts", "hostname"), Map.entry("systemControls", "namespace"),
            Map.entry("resourceRequirements", "type"), Map.entry("environmentFiles", "value"), Map.entry("tags", "key"),
            Map.entry("devices", "hostPath"), Map.entry("tmpfs", "containerPath"),
            Map.entry("inferenceAccelerators", "deviceName"));

    public RevisionDiff {
        entries = List.copyOf(entries);
    }

    /**
     * Compares two documents (describe results, requests or drafts).
     *
     * @throws InvalidJsonException (an IllegalArgumentException) when either is not a JSON object
     */
    public static RevisionDiff compare(String leftJson, String rightJson) {
        JsonNode left = TaskDefinitionNormalizer.normalize(Json.parseObject(leftJson));
        JsonNode right = TaskDefinitionNormalizer.normalize(Json.parseObject(rightJson));
        List<DiffEntry> out = new ArrayList<>();
        diff("", null, left, right, out);
        return new RevisionDiff(out);
    }

    /** True when nothing was added, removed or changed. */
    public boolean identical() {
        return entries.stream().allMatch(e -> e.change() == Change.UNCHANGED);
    }

    /** The entries that were added, removed or changed. */
    public List<DiffEntry> changes() {
        return entries.stream().filter(e -> e.change() != Change.UNCHANGED).toList();
    }

    /** One line per entry (see {@link DiffEntry#asText()}), joined by "\n"; "" when there is none to show. */
    public String asText(boolean onlyChanges) {
        return (onlyChanges ? changes() : entries).stream().map(DiffEntry::asText).collect(Collectors.joining("\n"));
    }

    /** {@code name} is the member holding the value, which decides how a list's elements are matched. */
    private static void diff(String path, String name, JsonNode left, JsonNode right, List<DiffEntry> out) {
        if (left == null && right == null) {
            return;
        }
        if (left == null) {
            out.add(new DiffEntry(path, Change.ADDED, null, Json.compact(right)));
        } else if (right == null) {
            out.add(new DiffEntry(path, Change.REMOVED, Json.compact(left), null));
        } else if (left.isObject() && right.isObject()) {
            Set<String> members = new LinkedHashSet<>();
            left.fieldNames().forEachRemaining(members::add);
            right.fieldNames().forEachRemaining(members::add);
            for (String member : members) {
                diff(LocatedJson.member(path, member), member, left.get(member), right.get(member), out);
            }
        } else if (left.isArray() && right.isArray()) {
            Map<String, JsonNode> leftByKey = byKey(name, left);
            Map<String, JsonNode> rightByKey = leftByKey == null ? null : byKey(name, right);
            if (rightByKey == null) {
                for (int i = 0; i < Math.max(left.size(), right.size()); i++) {
                    diff(path + "[" + i + "]", null, left.get(i), right.get(i), out);
                }
                return;
            }
            Set<String> keys = new LinkedHashSet<>(leftByKey.keySet());
            keys.addAll(rightByKey.keySet());
            for (String key : keys) {
                diff(path + "[" + key + "]", null, leftByKey.get(key), rightByKey.get(key), out);
            }
        } else {
            Change change = same(left, right) ? Change.UNCHANGED : Change.CHANGED;
            out.add(new DiffEntry(path, change, Json.compact(left), Json.compact(right)));
        }
    }

    /** The elements by their key, in order; null when some element has no key or two share one. */
    private static Map<String, JsonNode> byKey(String listName, JsonNode list) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode element : list) {
            String key = key(listName, element);
            if (key == null || !seen.add(key)) {
                return null;
            }
            out.put(key, element);
        }
        return out;
    }

    private static String key(String listName, JsonNode element) {
        if (listName == null || !element.isObject()) {
            return null;
        }
        if (listName.equals("portMappings")) {
            String port = scalar(element.get("containerPort"));
            if (port == null) {
                port = scalar(element.get("containerPortRange"));
            }
            String protocol = scalar(element.get("protocol"));
            return port == null ? null : port + "/" + (protocol == null ? "tcp" : protocol);
        }
        return scalar(element.get(KEY_MEMBERS.getOrDefault(listName, "name")));
    }

    private static String scalar(JsonNode v) {
        return v != null && (v.isTextual() || v.isIntegralNumber()) ? v.asText() : null;
    }

    /** Equal values; numbers by value, so 1 and 1.0 are the same. */
    private static boolean same(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return a.equals(b);
    }
}
