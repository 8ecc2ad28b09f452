package dev.ecsdeck.sim.ecs;

import dev.ecsdeck.model.Tag;
import dev.ecsdeck.sim.SimApiException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * ECS's resource tags, found by ARN. Each kind of taggable resource (the ARN's resource type:
 * cluster, service, task, task-definition, container-instance, capacity-provider, task-set) keeps
 * its tags on itself and registers a {@link Holder} that finds them from the ARN's path; this class
 * parses the ARN, checks the tags by ECS's rules and changes the holder's list. Also keeps each
 * service's propagateTags and enableECSManagedTags, and gives a task its tags when it starts.
 * Used under the engine's lock.
 */
public final class ResourceTags {
    public static final int MAX_TAGS = 50;
    public static final String CLUSTER_NAME_TAG = "aws:ecs:clusterName";
    public static final String SERVICE_NAME_TAG = "aws:ecs:serviceName";
    /** The model's TagKey and TagValue pattern. */
    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");
    private static final Set<String> PROPAGATE_TAGS = Set.of("TASK_DEFINITION", "SERVICE", "NONE");

    /**
     * Where one kind of resource keeps its tags: the live, changeable list of the resource an ARN
     * names ({@code path}: the ARN's resource part after the type, split at '/'), or null when there
     * is no such resource. A holder may throw ClusterNotFoundException itself.
     */
    @FunctionalInterface
    public interface Holder {
        List<Tag> tagsOf(String arn, List<String> path);
    }

    /** A service's tag settings for the tasks it starts. */
    public record Propagation(String propagateTags, boolean enableECSManagedTags) {
        static final Propagation NONE = new Propagation("NONE", false);
    }

    private final Map<String, Holder> kinds = new LinkedHashMap<>();
    private final Map<String, Propagation> services = new LinkedHashMap<>();

    ResourceTags(SimEcs ecs) {
        register("cluster", (arn, path) -> path.size() == 1 ? cluster(ecs, path.get(0)).tags : null);
        register("service", (arn, path) -> {
            if (path.size() == 1) {
                throw SimApiException.invalidParameter("Long arn format must be used for tagging operations");
            }
            SimService s = path.size() == 2 ? cluster(ecs, path.get(0)).services.get(path.get(1)) : null;
            return s == null || "INACTIVE".equals(s.status) ? null : s.tags;
        });
        register("task", (arn, path) -> {
            if (path.size() == 1) {
                throw SimApiException.invalidParameter("Long arn format must be used for tagging operations");
            }
            SimTask t = path.size() == 2 ? cluster(ecs, path.get(0)).tasks.get(path.get(1)) : null;
            return t == null ? null : t.tags;
        });
        register("container-instance", (arn, path) -> {
            if (path.size() == 1) {
                throw SimApiException.invalidParameter("Long arn format must be used for tagging operations");
            }
            SimInstance i = path.size() == 2 ? cluster(ecs, path.get(0)).instances.get(path.get(1)) : null;
            return i == null || "INACTIVE".equals(i.status) ? null : i.tags;
        });
        register("capacity-provider", (arn, path) -> {
            SimCapacityProvider p = path.size() == 1 ? ecs.capacityProviders.byName.get(path.get(0)) : null;
            return p == null || !p.active() ? null : p.tags;
        });
        register("task-set", (arn, path) -> {
            SimService s = path.size() == 4 ? cluster(ecs, path.get(0)).services.get(path.get(1)) : null;
            SimTaskSet ts = s == null ? null : TaskSets.byId(s, path.get(2) + "/" + path.get(3));
            return ts == null ? null : ts.tags;
        });
        register("task-definition", (arn, path) -> {
            if (path.size() != 1 || !path.get(0).matches(".+:[0-9]+")) {
                return null;
            }
            try {
                return ecs.taskDefinitionRegistry.resolve(path.get(0)).tags;
            } catch (SimApiException notRegistered) {
                return null;
            }
        });
    }

    /** Makes a kind of resource taggable (capacity providers and task sets register here). */
    public void register(String resourceType, Holder holder) {
        kinds.put(resourceType, holder);
    }

    /** The resource's live tag list; InvalidParameterException for an ARN that is not an ECS resource's, {@code missing} when none. */
    List<Tag> live(String arn, SimApiException missing) {
        if (arn == null || !arn.startsWith("arn:")) {
            throw SimApiException.invalidParameter("Invalid arn: " + arn);
        }
        String[] parts = arn.split(":", 6);
        if (parts.length < 6 || !"ecs".equals(parts[2]) || !parts[5].contains("/")) {
            throw SimApiException.invalidParameter("Invalid arn: " + arn);
        }
        String resource = parts[5];
        String type = resource.substring(0, resource.indexOf('/'));
        Holder holder = kinds.get(type);
        if (holder == null) {
            throw SimApiException.invalidParameter("The resource type " + type + " does not support tagging. Valid resource types: "
                    + String.join(", ", kinds.keySet()) + ".");
        }
        List<String> path = Arrays.asList(resource.substring(type.length() + 1).split("/", -1));
        List<Tag> tags = holder.tagsOf(arn, path);
        if (tags == null) {
            throw missing;
        }
        return tags;
    }

    /** TagResource: adds the tags, replacing the values of keys the resource has. */
    void tag(String arn, List<Tag> tags) {
        check(tags, "tags");
        if (tags.isEmpty()) {
            throw SimApiException.invalidParameter("The tags parameter cannot be empty.");
        }
        List<Tag> live = live(arn, notFound());
        List<Tag> merged = merge(live, tags);
        if (countsAgainstLimit(merged) > MAX_TAGS) {
            throw new SimApiException("LimitExceededException", "The resource can have at most " + MAX_TAGS + " tags: it has "
                    + countsAgainstLimit(live) + ", and the request adds " + (countsAgainstLimit(merged) - countsAgainstLimit(live)) + ".");
        }
        live.clear();
        live.addAll(merged);
    }

    /** UntagResource: removes the keys (keys the resource does not have are ignored, as ECS does). */
    void untag(String arn, List<String> keys) {
        if (keys.isEmpty()) {
            throw SimApiException.invalidParameter("The tagKeys parameter cannot be empty.");
        }
        for (int i = 0; i < keys.size(); i++) {
            checkKey(keys.get(i), "tagKeys." + (i + 1) + ".member");
        }
        List<Tag> live = live(arn, notFound());
        live.removeIf(t -> keys.contains(t.key()));
    }

    /** The live tag list of a resource by ARN, or null when there is none (restoring the state file). */
    List<Tag> tagsOrNull(String arn) {
        try {
            return live(arn, notFound());
        } catch (SimApiException gone) {
            return null;
        }
    }

    /** ListTagsForResource. */
    List<Tag> list(String arn) {
        return List.copyOf(live(arn, SimApiException.invalidParameter("The specified resource is not found.")));
    }

    /** The tags of a resource by ARN, empty when there is none (for Describe answers with include TAGS). */
    List<Tag> tagsOrEmpty(String arn) {
        try {
            return List.copyOf(live(arn, notFound()));
        } catch (SimApiException gone) {
            return List.of();
        }
    }

    /**
     * Checks tags given with a request by the model's rules and ECS's: at most 50, keys 1–128 and
     * values 0–256 characters of letters, digits, spaces and {@code _.:/=+-@}, no {@code aws:} prefix
     * on a key or value, each key once. {@code member} names them in the error.
     */
    public static void check(List<Tag> tags, String member) {
        if (tags == null) {
            return;
        }
        if (tags.size() > MAX_TAGS) {
            throw SimApiException.invalidParameter("1 validation error detected: Value at '" + member
                    + "' failed to satisfy constraint: Member must have length less than or equal to " + MAX_TAGS);
        }
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < tags.size(); i++) {
            Tag t = tags.get(i);
            String path = member + "." + (i + 1) + ".member";
            checkKey(t.key(), path + ".key");
            String value = t.value() == null ? "" : t.value();
            if (value.length() > 256) {
                throw SimApiException.invalidParameter("1 validation error detected: Value '" + value + "' at '" + path
                        + ".value' failed to satisfy constraint: Member must have length less than or equal to 256");
            }
            if (!ALLOWED.matcher(value).matches()) {
                throw pattern(value, path + ".value");
            }
            if (value.toLowerCase(Locale.ROOT).startsWith("aws:")) {
                throw reserved();
            }
            if (!keys.add(t.key())) {
                throw SimApiException.invalidParameter("Duplicate tag key: " + t.key() + ". Each tag key can be given once.");
            }
        }
    }

    private static void checkKey(String key, String path) {
        if (key == null || key.isEmpty()) {
            throw SimApiException.invalidParameter("1 validation error detected: Value '" + (key == null ? "null" : "") + "' at '" + path
                    + "' failed to satisfy constraint: Member must have length greater than or equal to 1");
        }
        if (key.length() > 128) {
            throw SimApiException.invalidParameter("1 validation error detected: Value '" + key + "' at '" + path
                    + "' failed to satisfy constraint: Member must have length less than or equal to 128");
        }
        if (!ALLOWED.matcher(key).matches()) {
            throw pattern(key, path);
        }
        if (key.toLowerCase(Locale.ROOT).startsWith("aws:")) {
            throw reserved();
        }
    }

    private static SimApiException pattern(String value, String path) {
        return SimApiException.invalidParameter("1 validation error detected: Value '" + value + "' at '" + path
                + "' failed to satisfy constraint: Member must satisfy regular expression pattern: ^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$");
    }

    private static SimApiException reserved() {
        return SimApiException.invalidParameter("Tag keys and values that begin with 'aws:' are reserved for AWS use and cannot be added, "
                + "changed or removed.");
    }

    private static SimApiException notFound() {
        return new SimApiException("ResourceNotFoundException", "The specified resource could not be found.");
    }

    /** ECS-managed (aws:) tags do not count against the limit. */
    private static long countsAgainstLimit(List<Tag> tags) {
        return tags.stream().filter(t -> !t.key().toLowerCase(Locale.ROOT).startsWith("aws:")).count();
    }

    private static List<Tag> merge(List<Tag> base, List<Tag> over) {
        Map<String, String> byKey = new LinkedHashMap<>();
        base.forEach(t -> byKey.put(t.key(), t.value()));
        over.forEach(t -> byKey.put(t.key(), t.value() == null ? "" : t.value()));
        List<Tag> out = new ArrayList<>();
        byKey.forEach((k, v) -> out.add(new Tag(k, v)));
        return out;
    }

    // ---- propagation to tasks ----

    /** Checks a propagateTags value (null allowed); SERVICE only where a service starts the task. */
    static void checkPropagateTags(String value, boolean serviceAllowed) {
        if (value == null) {
            return;
        }
        if (!PROPAGATE_TAGS.contains(value)) {
            throw SimApiException.invalidParameter("1 validation error detected: Value '" + value
                    + "' at 'propagateTags' failed to satisfy constraint: Member must satisfy enum value set: [TASK_DEFINITION, SERVICE, NONE]");
        }
        if (!serviceAllowed && "SERVICE".equals(value)) {
            throw SimApiException.invalidParameter("The SERVICE option of propagateTags is only valid for tasks started by a service.");
        }
    }

    /** A service's tag settings (NONE and false unless set). */
    Propagation propagation(String serviceArn) {
        return services.getOrDefault(serviceArn, Propagation.NONE);
    }

    /** Sets a service's tag settings; null members keep what it had. */
    void setPropagation(String serviceArn, String propagateTags, Boolean enableECSManagedTags) {
        Propagation was = propagation(serviceArn);
        services.put(serviceArn, new Propagation(propagateTags == null ? was.propagateTags() : propagateTags,
                enableECSManagedTags == null ? was.enableECSManagedTags() : enableECSManagedTags));
    }

    /** Every service's tag settings that differ from the default, by service ARN (for the state file). */
    Map<String, Propagation> propagations() {
        Map<String, Propagation> out = new LinkedHashMap<>();
        services.forEach((arn, p) -> {
            if (!p.equals(Propagation.NONE)) {
                out.put(arn, p);
            }
        });
        return out;
    }

    /**
     * Gives a task the tags it starts with, as ECS does: those propagated from its task definition or
     * service, then the request's own, then (with managed tags on) aws:ecs:clusterName and, for a
     * service's task, aws:ecs:serviceName.
     */
    static void startTags(SimTask task, SimCluster cluster, SimService service, String propagateTags, boolean managed,
            List<Tag> requestTags) {
        List<Tag> tags = new ArrayList<>();
        if ("TASK_DEFINITION".equals(propagateTags)) {
            tags = merge(tags, task.taskDefinition.tags);
        } else if ("SERVICE".equals(propagateTags) && service != null) {
            tags = merge(tags, service.tags);
        }
        if (requestTags != null) {
            tags = merge(tags, requestTags);
        }
        if (managed) {
            tags = merge(tags, List.of(new Tag(CLUSTER_NAME_TAG, cluster.name)));
            if (service != null) {
                tags = merge(tags, List.of(new Tag(SERVICE_NAME_TAG, service.name)));
            }
        }
        task.tags.clear();
        task.tags.addAll(tags);
    }

    /** A service's task has just been launched: it gets the service's propagated and managed tags. */
    void serviceTaskLaunched(SimCluster cluster, SimTask task) {
        SimService service = task.serviceName == null ? null : cluster.services.get(task.serviceName);
        if (service != null) {
            Propagation p = propagation(service.arn);
            startTags(task, cluster, service, p.propagateTags(), p.enableECSManagedTags(), null);
        }
    }

    private static SimCluster cluster(SimEcs ecs, String ref) {
        return ecs.cluster(ref);
    }
}
