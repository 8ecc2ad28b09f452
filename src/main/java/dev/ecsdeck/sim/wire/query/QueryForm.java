package dev.ecsdeck.sim.wire.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsdeck.sim.wire.json.WireJson;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A Query request's form body ({@code application/x-www-form-urlencoded}) read into the tree the
 * operations read: {@code Names.member.2=b} is the second element of the list {@code Names},
 * {@code Matcher.HttpCode=200} the member {@code HttpCode} of the structure {@code Matcher}, and
 * {@code Params.entry.1.key=k&Params.entry.1.value=v} the entry {@code k: v} of the map {@code Params}.
 * Every leaf is text. A malformed key is a SerializationException naming it.
 */
final class QueryForm {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** List indexes start at 1; a larger one than this is no list a client sends. */
    private static final int MAX_INDEX = 100_000;

    private QueryForm() {}

    /** The parameters in the order they come, decoded (UTF-8, {@code +} and %-escapes); a parameter sent twice is an error. */
    static Map<String, String> parameters(byte[] body) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (key.isEmpty()) {
                throw WireJson.serialization("The request has a parameter without a name.");
            }
            if (out.put(key, value) != null) {
                throw WireJson.serialization("The parameter '" + key + "' is sent twice.");
            }
        }
        return out;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw WireJson.serialization("The request body is not a valid form: a bad %-escape in '" + s + "'.");
        }
    }

    /** The parameters (but Action and Version, which name the call) as a tree of structures, lists, maps and text leaves. */
    static ObjectNode tree(Map<String, String> parameters) {
        Struct root = new Struct();
        parameters.forEach((key, value) -> {
            if (!key.equals("Action") && !key.equals("Version")) {
                root.put(key, key.split("\\.", -1), 0, value);
            }
        });
        return root.json("");
    }

    /** A node of the tree being built. */
    private interface Part {
        JsonNode json(String path);
    }

    private record Leaf(String text) implements Part {
        @Override
        public JsonNode json(String path) {
            return NODES.textNode(text);
        }
    }

    /** A structure: members by name, in the order they first come. */
    private static final class Struct implements Part {
        final Map<String, Part> members = new LinkedHashMap<>();

        void put(String key, String[] segments, int at, String value) {
            String name = segments[at];
            if (!isName(name)) {
                throw malformed(key);
            }
            Part existing = members.get(name);
            if (at == segments.length - 1) {
                if (existing != null) {
                    throw conflict(key);
                }
                members.put(name, new Leaf(value));
                return;
            }
            String next = segments[at + 1];
            if (next.equals("member") || next.equals("entry")) {
                Indexed list = existing instanceof Indexed i && i.entries == next.equals("entry") ? i : null;
                if (list == null) {
                    if (existing != null) {
                        throw conflict(key);
                    }
                    list = new Indexed(next.equals("entry"));
                    members.put(name, list);
                }
                list.put(key, segments, at + 2, value);
                return;
            }
            structure(existing, key, s -> members.put(name, s)).put(key, segments, at + 1, value);
        }

        @Override
        public ObjectNode json(String path) {
            ObjectNode out = NODES.objectNode();
            members.forEach((name, part) -> out.set(name, part.json(path.isEmpty() ? name : path + "." + name)));
            return out;
        }
    }

    /** The structure already at a place, or a new one that {@code store} puts there; a value of another kind there is a conflict. */
    private static Struct structure(Part existing, String key, java.util.function.Consumer<Struct> store) {
        if (existing instanceof Struct s) {
            return s;
        }
        if (existing != null) {
            throw conflict(key);
        }
        Struct created = new Struct();
        store.accept(created);
        return created;
    }

    /** A list ({@code member.N}) or a map ({@code entry.N.key}, {@code entry.N.value}): elements by index, put in index order. */
    private static final class Indexed implements Part {
        final boolean entries;
        final TreeMap<Integer, Part> elements = new TreeMap<>();

        Indexed(boolean entries) {
            this.entries = entries;
        }

        void put(String key, String[] segments, int at, String value) {
            if (at >= segments.length) {
                throw malformed(key); // "Names.member" without an index
            }
            int index = index(key, segments[at]);
            Part existing = elements.get(index);
            if (at == segments.length - 1) {
                if (existing != null || entries) {
                    throw entries ? malformed(key) : conflict(key);
                }
                elements.put(index, new Leaf(value));
                return;
            }
            // An element with members: a structure (a map's entry is one with a key and a value).
            structure(existing, key, s -> elements.put(index, s)).put(key, segments, at + 1, value);
        }

        private static int index(String key, String segment) {
            if (segment.isEmpty() || segment.length() > 6 || !segment.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw malformed(key);
            }
            int index = Integer.parseInt(segment);
            if (index < 1 || index > MAX_INDEX) {
                throw WireJson.serialization("The parameter '" + key + "' has the index " + segment + ": indexes run from 1 to "
                        + MAX_INDEX + ".");
            }
            return index;
        }

        @Override
        public JsonNode json(String path) {
            return entries ? map(path) : list(path);
        }

        private ArrayNode list(String path) {
            ArrayNode out = NODES.arrayNode();
            elements.values().forEach(e -> out.add(e.json(path)));
            return out;
        }

        private ObjectNode map(String path) {
            ObjectNode out = NODES.objectNode();
            elements.forEach((index, e) -> {
                String at = path + ".entry." + index;
                Map<String, Part> members = ((Struct) e).members;
                if (!(members.get("key") instanceof Leaf k) || !members.containsKey("value") || members.size() != 2) {
                    throw WireJson.serialization("The map entry '" + at + "' must have one key and one value.");
                }
                if (out.has(k.text())) {
                    throw WireJson.serialization("The map '" + path + "' has the key '" + k.text() + "' twice.");
                }
                out.set(k.text(), members.get("value").json(at + ".value"));
            });
            return out;
        }
    }

    /** A member name: not empty, not an index, not the words that mark lists and maps. */
    private static boolean isName(String segment) {
        return !segment.isEmpty() && !segment.equals("member") && !segment.equals("entry")
                && !segment.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static RuntimeException malformed(String key) {
        return WireJson.serialization("The parameter name '" + key + "' is malformed: expected names joined by dots, with "
                + "member.N for the Nth element of a list (N from 1) and entry.N.key / entry.N.value for a map's entries.");
    }

    private static RuntimeException conflict(String key) {
        return WireJson.serialization("The parameter '" + key + "' conflicts with another that gives the same member a different kind "
                + "of value.");
    }
}
