package dev.ecsdeck.sim.wire.ecs;

import static dev.ecsdeck.sim.wire.RequestShape.Kind.STRING;
import static dev.ecsdeck.sim.wire.RequestShape.Kind.STRING_LIST;
import static dev.ecsdeck.sim.wire.RequestShape.Kind.STRUCTURE_LIST;
import static dev.ecsdeck.sim.wire.RequestShape.of;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsdeck.model.Tag;
import dev.ecsdeck.sim.SimApiException;
import dev.ecsdeck.sim.SimEngine;
import dev.ecsdeck.sim.ecs.ResourceTags;
import dev.ecsdeck.sim.ecs.TagApi;
import dev.ecsdeck.sim.wire.WireApi;
import dev.ecsdeck.sim.wire.WireRequest;
import dev.ecsdeck.sim.wire.json.WireJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * ECS's TagResource, UntagResource and ListTagsForResource, and the tag parts of other answers:
 * a Describe call's items carry their tags only when the request's {@code include} names TAGS, as
 * ECS answers; a service carries its propagateTags and enableECSManagedTags.
 */
final class TagOperations {
    private final TagApi tags;

    private TagOperations(TagApi tags) {
        this.tags = tags;
    }

    static WireApi addTo(WireApi api, SimEngine engine) {
        TagOperations o = new TagOperations(engine.tags());
        return api
                .add("TagResource", of().required("resourceArn", STRING).required("tags", STRUCTURE_LIST), true, o::tagResource)
                .add("UntagResource", of().required("resourceArn", STRING).required("tagKeys", STRING_LIST), true, o::untagResource)
                .add("ListTagsForResource", of().required("resourceArn", STRING), false, o::listTagsForResource);
    }

    private JsonNode tagResource(WireRequest r) {
        tags.tagResource(r.string("resourceArn"), r.bindList("tags", Tag.class));
        return WireJson.object();
    }

    private JsonNode untagResource(WireRequest r) {
        tags.untagResource(r.string("resourceArn"), r.strings("tagKeys"));
        return WireJson.object();
    }

    private JsonNode listTagsForResource(WireRequest r) {
        ObjectNode out = WireJson.object();
        out.set("tags", WireJson.tree(tags.listTagsForResource(r.string("resourceArn"))));
        return out;
    }

    /**
     * Whether the request's {@code include} names TAGS; InvalidParameterException for a value not in
     * the operation's field enum ({@code allowed}).
     */
    static boolean includesTags(WireRequest r, Set<String> allowed) {
        List<String> include = r.strings("include");
        if (include == null) {
            return false;
        }
        for (String field : include) {
            if (!allowed.contains(field)) {
                throw SimApiException.invalidParameter("1 validation error detected: Value '" + include
                        + "' at 'include' failed to satisfy constraint: Member must satisfy constraint: [Member must satisfy enum value set: "
                        + allowed.stream().sorted().toList() + "]");
            }
        }
        return include.contains("TAGS");
    }

    /**
     * The items of a Describe answer (under {@code member}, each named by {@code arnMember}) with
     * their current tags when asked for them, without when not.
     */
    static void tagsIfIncluded(SimEngine engine, boolean include, ObjectNode answer, String member, String arnMember) {
        JsonNode items = answer.get(member);
        if (items == null || !items.isArray()) {
            return;
        }
        if (!include) {
            items.forEach(item -> ((ObjectNode) item).remove("tags"));
            return;
        }
        List<String> arns = new ArrayList<>();
        items.forEach(item -> arns.add(item.path(arnMember).asText()));
        Map<String, List<Tag>> byArn = engine.tags().tagsOf(arns);
        items.forEach(item -> ((ObjectNode) item).set("tags", WireJson.tree(byArn.getOrDefault(item.path(arnMember).asText(), List.of()))));
    }

    /** One resource of an answer (named by {@code arnMember}) with its current tags (StopTask answers them, as ECS does). */
    static void tagsOf(SimEngine engine, JsonNode item, String arnMember) {
        if (item instanceof ObjectNode node && node.hasNonNull(arnMember)) {
            String arn = node.get(arnMember).asText();
            node.set("tags", WireJson.tree(engine.tags().tagsOf(List.of(arn)).get(arn)));
        }
    }

    /** A service answer's propagateTags and enableECSManagedTags, which ECS always returns. */
    static void propagation(SimEngine engine, JsonNode service) {
        if (service instanceof ObjectNode node && node.hasNonNull("serviceArn")) {
            ResourceTags.Propagation p = engine.tags().propagation(node.get("serviceArn").asText());
            node.put("propagateTags", p.propagateTags());
            node.put("enableECSManagedTags", p.enableECSManagedTags());
        }
    }
}
