package dev.ecsdeck.sim.ecs;

import dev.ecsdeck.model.CapacityProviderStrategyItem;
import dev.ecsdeck.model.EcsService;
import dev.ecsdeck.model.EcsTask;
import dev.ecsdeck.model.RunTaskRequest;
import dev.ecsdeck.model.Tag;
import dev.ecsdeck.model.TaskDefinition;
import dev.ecsdeck.sim.SimEngine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * TagResource, UntagResource and ListTagsForResource on every taggable ECS resource, and the calls
 * that give resources tags as they are made: CreateService and UpdateService (propagateTags,
 * enableECSManagedTags), RunTask and StartTask (their tasks' tags), RegisterTaskDefinition.
 */
public final class TagApi {
    private final SimEngine engine;

    public TagApi(SimEngine engine) {
        this.engine = engine;
    }

    private ResourceTags tags() {
        return engine.ecs().tags;
    }

    public void tagResource(String resourceArn, List<Tag> tags) {
        synchronized (engine) {
            engine.advance();
            tags().tag(resourceArn, tags == null ? List.of() : tags);
        }
    }

    public void untagResource(String resourceArn, List<String> tagKeys) {
        synchronized (engine) {
            engine.advance();
            tags().untag(resourceArn, tagKeys == null ? List.of() : tagKeys);
        }
    }

    public List<Tag> listTagsForResource(String resourceArn) {
        synchronized (engine) {
            engine.advance();
            return tags().list(resourceArn);
        }
    }

    /** The tags of each resource named (empty for one that is gone), for Describe answers asked to include TAGS. */
    public Map<String, List<Tag>> tagsOf(List<String> resourceArns) {
        synchronized (engine) {
            Map<String, List<Tag>> out = new LinkedHashMap<>();
            resourceArns.forEach(arn -> out.put(arn, tags().tagsOrEmpty(arn)));
            return out;
        }
    }

    /** A service's propagateTags and enableECSManagedTags (NONE and false unless set). */
    public ResourceTags.Propagation propagation(String serviceArn) {
        synchronized (engine) {
            return tags().propagation(serviceArn);
        }
    }

    /** Checks a propagateTags value: TASK_DEFINITION, SERVICE (where {@code serviceAllowed}) or NONE; null passes. */
    public static void checkPropagateTags(String propagateTags, boolean serviceAllowed) {
        ResourceTags.checkPropagateTags(propagateTags, serviceAllowed);
    }

    /** CreateService with the tag settings of the tasks it will start. */
    public EcsService createService(CreateServiceRequest request, String propagateTags, Boolean enableECSManagedTags) {
        ResourceTags.check(request.tags(), "tags");
        checkPropagateTags(propagateTags, true);
        synchronized (engine) {
            EcsService created = engine.services().createService(request);
            tags().setPropagation(created.serviceArn(), propagateTags == null ? "NONE" : propagateTags,
                    enableECSManagedTags != null && enableECSManagedTags);
            return created;
        }
    }

    /** UpdateService's propagateTags and enableECSManagedTags (null keeps a setting): tasks launched from now on follow them. */
    public void updateServicePropagation(String serviceArn, String propagateTags, Boolean enableECSManagedTags) {
        checkPropagateTags(propagateTags, true);
        synchronized (engine) {
            tags().setPropagation(serviceArn, propagateTags, enableECSManagedTags);
        }
    }

    /**
     * RunTask (on the capacity provider strategy given, or null): the tasks it started carry the request's tags, those
     * propagated from the task definition, and managed tags.
     */
    public Described<EcsTask> runTask(RunTaskRequest request, List<CapacityProviderStrategyItem> capacityProviderStrategy, List<Tag> tags,
            String propagateTags, boolean enableECSManagedTags) {
        ResourceTags.check(tags, "tags");
        checkPropagateTags(propagateTags, false);
        synchronized (engine) {
            Described<EcsTask> started = engine.tasks().runTask(request, capacityProviderStrategy);
            tagStartedTasks(request.cluster(), started.items().stream().map(EcsTask::taskArn).toList(), tags, propagateTags,
                    enableECSManagedTags);
            return started;
        }
    }

    /**
     * Gives tasks just started (by RunTask or StartTask) their tags: {@code propagateTags} TASK_DEFINITION
     * or SERVICE (the task's service, if it has one), then {@code tags}, then managed tags when asked.
     * StartTask calls this under the engine's lock with the tasks it started, after checking the
     * request with {@link ResourceTags#check} and {@link #checkPropagateTags}.
     */
    public void tagStartedTasks(String cluster, List<String> taskArns, List<Tag> tags, String propagateTags, boolean enableECSManagedTags) {
        synchronized (engine) {
            SimCluster c = engine.ecs().cluster(cluster);
            for (String arn : taskArns) {
                SimTask t = c.tasks.get(SimEcs.nameOf(arn));
                if (t != null) {
                    SimService service = t.serviceName == null ? null : c.services.get(t.serviceName);
                    ResourceTags.startTags(t, c, service, propagateTags, enableECSManagedTags, tags);
                }
            }
        }
    }

    /** RegisterTaskDefinition with the revision's tags (DescribeTaskDefinition shows them when asked to include TAGS). */
    public TaskDefinition registerTaskDefinition(String requestJson, List<Tag> tags) {
        ResourceTags.check(tags, "tags");
        synchronized (engine) {
            TaskDefinition td = engine.taskDefinitions().register(requestJson);
            if (tags != null) {
                engine.ecs().taskDefinitionRegistry.resolve(td.taskDefinitionArn()).tags.addAll(tags);
            }
            return td;
        }
    }

    /** Checks tags given to a create call (CreateCluster): ECS's rules, InvalidParameterException when broken. */
    public static void checkTags(List<Tag> tags) {
        ResourceTags.check(tags, "tags");
    }

    /** For the state file: the tags of tasks, task definitions and container instances, and services' tag settings. */
    public TagState snapshot() {
        synchronized (engine) {
            Map<String, List<Tag>> byArn = new LinkedHashMap<>();
            SimEcs ecs = engine.ecs();
            for (SimTaskDefinition td : ecs.taskDefinitionRegistry.revisions(null, null)) {
                putIfAny(byArn, td.arn, td.tags);
            }
            for (SimCluster c : ecs.clusters.values()) {
                c.instances.values().forEach(i -> putIfAny(byArn, i.arn, i.tags));
                c.tasks.values().forEach(t -> putIfAny(byArn, t.arn, t.tags));
            }
            return new TagState(byArn, tags().propagations());
        }
    }

    /** Puts saved tags back (after the resources themselves were restored); resources no longer there are skipped. */
    public void restore(TagState state) {
        if (state == null) {
            return;
        }
        synchronized (engine) {
            if (state.resourceTags() != null) {
                state.resourceTags().forEach((arn, saved) -> {
                    List<Tag> live = tags().tagsOrNull(arn);
                    if (live != null) {
                        live.clear();
                        live.addAll(saved);
                    }
                });
            }
            if (state.servicePropagation() != null) {
                state.servicePropagation().forEach((arn, p) -> tags().setPropagation(arn, p.propagateTags(), p.enableECSManagedTags()));
            }
        }
    }

    private static void putIfAny(Map<String, List<Tag>> out, String arn, List<Tag> tags) {
        if (!tags.isEmpty()) {
            out.put(arn, new ArrayList<>(tags));
        }
    }

    /** Tags of resources that do not keep them in their own state-file records, and services' tag settings. */
    public record TagState(Map<String, List<Tag>> resourceTags, Map<String, ResourceTags.Propagation> servicePropagation) {}
}
