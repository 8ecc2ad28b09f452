package dev.ecsdeck.sim.ecs;

import dev.ecsdeck.model.Page;
import dev.ecsdeck.sim.Paging;
import dev.ecsdeck.sim.SimApiException;
import dev.ecsdeck.sim.SimEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * PutAttributes, DeleteAttributes and ListAttributes: custom attributes on container instances (the
 * only target type ECS has). They live in the instance's attributes beside ECS's own ({@code ecs.*}),
 * so memberOf placement constraints, spread strategies, DescribeContainerInstances and the state
 * file see them as they see the agent's.
 */
public final class InstanceAttributes {
    public static final String TARGET_TYPE = "container-instance";
    /** Custom attributes a resource may have, and attributes one call may name (the model's documentation). */
    static final int MAX_CUSTOM = 10;
    static final int MAX_PER_CALL = 10;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_\\-/\\\\.]{1,128}");
    private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9_\\-./\\\\:@ ]{1,128}");

    /** An attribute as the API shows it: on a target (an instance's ARN, or the id the caller gave). */
    public record Entry(String name, String value, String targetType, String targetId) {}

    private final SimEngine engine;

    public InstanceAttributes(SimEngine engine) {
        this.engine = engine;
    }

    /** Creates or replaces each attribute on its instance; all or none (the limit is checked before anything changes). */
    public List<Entry> put(String cluster, List<Entry> attributes) {
        synchronized (engine) {
            engine.advance();
            SimCluster c = engine.ecs().cluster(cluster);
            checkCount(attributes);
            List<SimInstance> targets = new ArrayList<>();
            for (Entry a : attributes) {
                checkName(a);
                if (a.value() != null && (!VALUE.matcher(a.value()).matches() || a.value().startsWith(" ") || a.value().endsWith(" "))) {
                    throw SimApiException.invalidParameter("Attribute value " + a.value() + " is not valid: 1 to 128 letters, numbers,"
                            + " hyphens, underscores, periods, at signs, slashes, back slashes, colons or spaces, not starting or ending"
                            + " with a space.");
                }
                targets.add(target(c, a));
            }
            for (SimInstance i : new java.util.LinkedHashSet<>(targets)) {
                java.util.Set<String> custom = new java.util.HashSet<>();
                i.attributes.keySet().stream().filter(n -> !n.startsWith("ecs.")).forEach(custom::add);
                for (int k = 0; k < attributes.size(); k++) {
                    if (targets.get(k) == i) {
                        custom.add(attributes.get(k).name());
                    }
                }
                if (custom.size() > MAX_CUSTOM) {
                    throw new SimApiException("AttributeLimitExceededException", "You can apply up to " + MAX_CUSTOM
                            + " custom attributes per resource: container instance " + i.id + " would have " + custom.size() + ".");
                }
            }
            List<Entry> out = new ArrayList<>();
            for (int k = 0; k < attributes.size(); k++) {
                Entry a = attributes.get(k);
                SimInstance i = targets.get(k);
                i.attributes.put(a.name(), a.value());
                out.add(new Entry(a.name(), a.value(), TARGET_TYPE, a.targetId()));
            }
            c.markAllServicesDirty(); // a task that could not be placed may now meet its memberOf constraint
            return out;
        }
    }

    /** Deletes each named attribute from its instance; those it did not have are answered all the same. */
    public List<Entry> delete(String cluster, List<Entry> attributes) {
        synchronized (engine) {
            engine.advance();
            SimCluster c = engine.ecs().cluster(cluster);
            checkCount(attributes);
            List<SimInstance> targets = new ArrayList<>();
            for (Entry a : attributes) {
                checkName(a);
                targets.add(target(c, a));
            }
            List<Entry> out = new ArrayList<>();
            for (int k = 0; k < attributes.size(); k++) {
                Entry a = attributes.get(k);
                String value = targets.get(k).attributes.remove(a.name());
                out.add(new Entry(a.name(), value, TARGET_TYPE, a.targetId()));
            }
            return out;
        }
    }

    /** Every attribute of every registered instance (ECS's and custom), optionally of one name and value; pages of up to 100. */
    public Page<Entry> list(String cluster, String targetType, String attributeName, String attributeValue, String nextToken,
            Integer maxResults) {
        synchronized (engine) {
            engine.advance();
            SimCluster c = engine.ecs().cluster(cluster);
            if (!TARGET_TYPE.equals(targetType)) {
                throw SimApiException.invalidParameter("targetType should be one of [" + TARGET_TYPE + "].");
            }
            if (attributeValue != null && attributeName == null) {
                throw SimApiException.invalidParameter("attributeName must be specified when attributeValue is specified.");
            }
            List<Entry> all = new ArrayList<>();
            for (SimInstance i : c.instances.values()) {
                if ("INACTIVE".equals(i.status)) {
                    continue;
                }
                i.attributes.forEach((name, value) -> {
                    if ((attributeName == null || attributeName.equals(name)) && (attributeValue == null || attributeValue.equals(value))) {
                        all.add(new Entry(name, value, TARGET_TYPE, i.arn));
                    }
                });
            }
            return Paging.page(all, nextToken, maxResults, 100, 100);
        }
    }

    private static void checkCount(List<Entry> attributes) {
        if (attributes == null || attributes.isEmpty()) {
            throw SimApiException.invalidParameter("attributes can not be empty.");
        }
        if (attributes.size() > MAX_PER_CALL) {
            throw SimApiException.invalidParameter("You can specify up to " + MAX_PER_CALL + " attributes in a single call.");
        }
    }

    private static void checkName(Entry a) {
        if (a.name() == null || !NAME.matcher(a.name()).matches()) {
            throw SimApiException.invalidParameter("Attribute name " + a.name() + " is not valid: 1 to 128 letters, numbers, hyphens,"
                    + " underscores, slashes, back slashes or periods.");
        }
        if (a.name().startsWith("ecs.")) {
            throw SimApiException.invalidParameter("Attribute names starting with 'ecs.' are reserved for Amazon ECS: " + a.name());
        }
    }

    /** The instance an attribute names: by ARN, or by id with targetType container-instance; TargetNotFoundException if none. */
    private static SimInstance target(SimCluster c, Entry a) {
        String id = a.targetId();
        if (id == null || id.isBlank()) {
            throw SimApiException.invalidParameter("targetId is required for attribute " + a.name() + ".");
        }
        if (a.targetType() != null && !TARGET_TYPE.equals(a.targetType())) {
            throw SimApiException.invalidParameter("targetType should be one of [" + TARGET_TYPE + "].");
        }
        boolean arn = id.startsWith("arn:");
        if (!arn && a.targetType() == null) {
            throw SimApiException.invalidParameter("targetType is required when targetId " + id + " is not an ARN.");
        }
        if (arn && !id.contains(":container-instance/")) {
            throw SimApiException.invalidParameter("targetId " + id + " is not a container instance ARN.");
        }
        SimInstance i = c.instances.get(SimEcs.nameOf(id));
        if (i == null || "INACTIVE".equals(i.status) || arn && !i.arn.equals(id)) {
            throw new SimApiException("TargetNotFoundException", "Could not find " + id + " in cluster " + c.name + ".");
        }
        return i;
    }
}
