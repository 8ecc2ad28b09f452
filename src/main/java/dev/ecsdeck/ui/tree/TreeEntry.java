package dev.ecsdeck.ui.tree;

import dev.ecsdeck.model.Arns;
import dev.ecsdeck.model.Cluster;
import dev.ecsdeck.model.Container;
import dev.ecsdeck.model.ContainerInstance;
import dev.ecsdeck.model.EcsService;
import dev.ecsdeck.model.EcsTask;
import dev.ecsdeck.provider.BackendDescription;
import dev.ecsdeck.ui.common.TaskTargets.TaskTargetHealth;

/**
 * What one row of the cluster tree stands for. {@code key} identifies the row across refreshes
 * (an ARN where there is one), so a refresh updates rows in place instead of rebuilding them.
 */
public sealed interface TreeEntry {

    String key();

    /** The text the row shows and the filter matches. */
    String name();

    /** The ARN of what the row stands for, or null (folders, messages). */
    default String arn() {
        return null;
    }

    /** The task definition the row runs or is, or null. */
    default String taskDefinitionArn() {
        return null;
    }

    record BackendEntry(BackendDescription backend) implements TreeEntry {
        public String key() {
            return "backend";
        }

        public String name() {
            return backend.label();
        }
    }

    record ClusterEntry(Cluster cluster) implements TreeEntry {
        public String key() {
            return cluster.clusterArn();
        }

        public String name() {
            return cluster.clusterName();
        }

        public String arn() {
            return cluster.clusterArn();
        }
    }

    /** The groups of rows: services and container instances under each cluster; task definitions once under the backend. */
    enum FolderKind {
        SERVICES("Services"), INSTANCES("Container instances"), TASK_DEFINITIONS("Task definitions");

        private final String title;

        FolderKind(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    /**
     * A folder: {@code cluster} is null for the task-definitions folder (families are per account and
     * region); {@code count} is how many rows it holds as last counted, or null when not known.
     */
    record FolderEntry(String cluster, FolderKind kind, Integer count) implements TreeEntry {
        public String key() {
            return (cluster == null ? "backend" : cluster) + "#" + kind;
        }

        public String name() {
            return kind.title();
        }
    }

    record ServiceEntry(String cluster, EcsService service) implements TreeEntry {
        public String key() {
            return service.serviceArn();
        }

        public String name() {
            return service.serviceName();
        }

        public String arn() {
            return service.serviceArn();
        }

        public String taskDefinitionArn() {
            return service.taskDefinition();
        }
    }

    /** A task; {@code targetHealth} its health in its service's target groups, null when not load balanced or not read. */
    record TaskEntry(String cluster, EcsTask task, TaskTargetHealth targetHealth) implements TreeEntry {
        public TaskEntry(String cluster, EcsTask task) {
            this(cluster, task, null);
        }

        public String key() {
            return task.taskArn();
        }

        public String name() {
            return task.taskId();
        }

        public String arn() {
            return task.taskArn();
        }

        public String taskDefinitionArn() {
            return task.taskDefinitionArn();
        }
    }

    record ContainerEntry(String cluster, EcsTask task, Container container) implements TreeEntry {
        public String key() {
            return task.taskArn() + "#" + container.name();
        }

        public String name() {
            return container.name();
        }

        public String arn() {
            return container.containerArn();
        }

        public String taskDefinitionArn() {
            return task.taskDefinitionArn();
        }
    }

    record InstanceEntry(String cluster, ContainerInstance instance) implements TreeEntry {
        public String key() {
            return instance.containerInstanceArn();
        }

        public String name() {
            return instance.ec2InstanceId() == null ? Arns.lastSegment(instance.containerInstanceArn()) : instance.ec2InstanceId();
        }

        public String arn() {
            return instance.containerInstanceArn();
        }
    }

    /** A task-definition family; {@code cluster} is null in the tree (families belong to the account and region). */
    record FamilyEntry(String cluster, String family) implements TreeEntry {
        public String key() {
            return (cluster == null ? "" : cluster + "#") + "family#" + family;
        }

        public String name() {
            return family;
        }
    }

    /** A task-definition revision; {@code cluster} is where it was reached from (a service's), null in the tree. */
    record RevisionEntry(String cluster, String taskDefinitionArn) implements TreeEntry {
        public String key() {
            return (cluster == null ? "" : cluster + "#") + taskDefinitionArn;
        }

        public String name() {
            return Arns.familyRevision(taskDefinitionArn);
        }

        public String arn() {
            return taskDefinitionArn;
        }
    }

    /** A row that only says something: "Loading…", "No services", or an error. */
    record MessageEntry(String parentKey, String text, boolean error) implements TreeEntry {
        public String key() {
            return parentKey + "#message";
        }

        public String name() {
            return text;
        }
    }
}
