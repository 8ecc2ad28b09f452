package dev.ecsdeck.sim.elb;

import dev.ecsdeck.model.Tag;
import dev.ecsdeck.sim.SimApiException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** AddTags, RemoveTags and DescribeTags on load balancers, target groups, listeners and rules (at most 50 tags each). */
final class ElbTags {
    static final int MAX_TAGS = 50;
    private static final String KEY = "[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]{1,128}";

    private ElbTags() {}

    /** Throws ELB's error for a malformed or repeated key. */
    static void checkNew(List<Tag> tags) {
        Set<String> keys = new HashSet<>();
        for (Tag t : tags) {
            if (t.key() == null || !t.key().matches(KEY)) {
                throw ElbErrors.validation("Tag key '" + t.key() + "' must be 1 to 128 letters, digits, spaces and _.:/=+-@");
            }
            if (t.key().startsWith("aws:")) {
                throw ElbErrors.validation("Tag keys starting with 'aws:' are reserved for AWS use");
            }
            if (t.value() != null && t.value().length() > 256) {
                throw ElbErrors.validation("Tag value of '" + t.key() + "' cannot be longer than 256 characters");
            }
            if (!keys.add(t.key())) {
                throw new SimApiException("DuplicateTagKeys", "Tag key '" + t.key() + "' is specified more than once");
            }
        }
        if (tags.size() > MAX_TAGS) {
            throw new SimApiException("TooManyTags", "A resource can have at most " + MAX_TAGS + " tags");
        }
    }

    /** Adds (or updates) the tags of a resource that exists. */
    static void put(SimElb elb, String arn, List<Tag> tags) {
        Map<String, String> current = elb.tags.computeIfAbsent(arn, k -> new LinkedHashMap<>());
        Map<String, String> merged = new LinkedHashMap<>(current);
        tags.forEach(t -> merged.put(t.key(), t.value() == null ? "" : t.value()));
        if (merged.size() > MAX_TAGS) {
            throw new SimApiException("TooManyTags", "A resource can have at most " + MAX_TAGS + " tags");
        }
        current.clear();
        current.putAll(merged);
    }

    static void add(SimElb elb, List<String> arns, List<Tag> tags) {
        if (arns == null || arns.isEmpty() || tags == null || tags.isEmpty()) {
            throw ElbErrors.validation("Resource ARNs and tags must be specified");
        }
        checkNew(tags);
        arns.forEach(arn -> existing(elb, arn));
        arns.forEach(arn -> put(elb, arn, tags));
    }

    static void remove(SimElb elb, List<String> arns, List<String> keys) {
        if (arns == null || arns.isEmpty() || keys == null || keys.isEmpty()) {
            throw ElbErrors.validation("Resource ARNs and tag keys must be specified");
        }
        arns.forEach(arn -> existing(elb, arn));
        for (String arn : arns) {
            Map<String, String> current = elb.tags.get(arn);
            if (current != null) {
                keys.forEach(current::remove);
            }
        }
    }

    static List<TagDescription> describe(SimElb elb, List<String> arns) {
        if (arns == null || arns.isEmpty()) {
            throw ElbErrors.validation("Resource ARNs must be specified");
        }
        if (arns.size() > 20) {
            throw ElbErrors.validation("At most 20 resource ARNs can be described at once");
        }
        List<TagDescription> out = new ArrayList<>();
        for (String arn : arns) {
            existing(elb, arn);
            List<Tag> tags = new ArrayList<>();
            elb.tags.getOrDefault(arn, Map.of()).forEach((k, v) -> tags.add(new Tag(k, v)));
            out.add(new TagDescription(arn, tags));
        }
        return out;
    }

    private static void existing(SimElb elb, String arn) {
        boolean exists = elb.loadBalancers.containsKey(arn) || elb.targetGroups.containsKey(arn) || elb.listeners.containsKey(arn)
                || elb.rules.containsKey(arn);
        if (!exists) {
            throw SimElb.notFoundFor(arn);
        }
    }
}
