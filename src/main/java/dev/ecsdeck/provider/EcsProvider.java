package dev.ecsdeck.provider;

import dev.ecsdeck.model.AlarmHistoryItem;
import dev.ecsdeck.model.Cluster;
import dev.ecsdeck.model.ContainerImage;
import dev.ecsdeck.model.ContainerInstance;
import dev.ecsdeck.model.EcsService;
import dev.ecsdeck.model.EcsTask;
import dev.ecsdeck.model.ExecuteCommandSession;
import dev.ecsdeck.model.ImageRepository;
import dev.ecsdeck.model.ListenerRule;
import dev.ecsdeck.model.LogGroupInfo;
import dev.ecsdeck.model.LogStreamInfo;
import dev.ecsdeck.model.MetricAlarm;
import dev.ecsdeck.model.Page;
import dev.ecsdeck.model.RunTaskRequest;
import dev.ecsdeck.model.ScalableTarget;
import dev.ecsdeck.model.ScalingActivity;
import dev.ecsdeck.model.ScalingPolicy;
import dev.ecsdeck.model.ServiceDeployment;
import dev.ecsdeck.model.ServiceDeploymentBrief;
import dev.ecsdeck.model.ServiceRevision;
import dev.ecsdeck.model.ServiceScaling;
import dev.ecsdeck.model.ServiceUtilization;
import dev.ecsdeck.model.TargetGroup;
import dev.ecsdeck.model.TargetHealth;
import dev.ecsdeck.model.TargetTrackingConfig;
import dev.ecsdeck.model.TaskCountHistory;
import dev.ecsdeck.model.TaskDefinition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Everything the console does to ECS, one method per action. Methods block and are thread-safe; the
 * UI calls them on background threads only. Listing methods read every page and describe in batches
 * at ECS's limits, so callers never see a truncated list. Failures are {@link EcsException}s.
 *
 * <p>Clusters, services and tasks are named by name or ARN, as ECS accepts either.
 */
public interface EcsProvider extends AutoCloseable {

    /** Which backend this is, for the status bar and the tree's root. */
    BackendDescription description();

    // ---- clusters, services, tasks, instances ----

    /** Every cluster, described (ListClusters to the end, DescribeClusters by 100). */
    List<Cluster> listClusters();

    List<Cluster> describeClusters(List<String> clusters);

    /**
     * Every service of a cluster, handed to {@code batches} as each DescribeServices batch returns
     * (possibly from several threads at once, in any order), so the first rows can be shown before
     * the last page is read.
     */
    void streamServices(String cluster, Consumer<List<EcsService>> batches);

    /** Every service of a cluster, described. */
    default List<EcsService> listServices(String cluster) {
        List<EcsService> all = new ArrayList<>();
        streamServices(cluster, batch -> {
            synchronized (all) {
                all.addAll(batch);
            }
        });
        return all;
    }

    List<EcsService> describeServices(String cluster, List<String> services);

    /** The names of a cluster's services, from ListServices alone (no DescribeServices): cheap enough to search every cluster. */
    default List<String> listServiceNames(String cluster) {
        return listServices(cluster).stream().map(EcsService::serviceName).toList();
    }

    /** Every task matching the filter, described (ListTasks to the end, DescribeTasks by 100). */
    List<EcsTask> listTasks(String cluster, TaskFilter filter);

    List<EcsTask> describeTasks(String cluster, List<String> tasks);

    /** The ARNs of the tasks matching the filter, from ListTasks alone (no DescribeTasks). */
    default List<String> listTaskArns(String cluster, TaskFilter filter) {
        return listTasks(cluster, filter).stream().map(EcsTask::taskArn).toList();
    }

    /** Every container instance of a cluster, described. */
    List<ContainerInstance> listContainerInstances(String cluster);

    // ---- task definitions ----

    /** The names of the families that have at least one ACTIVE revision. */
    List<String> listTaskDefinitionFamilies();

    /** The ARNs of a family's revisions, newest first; INACTIVE ones only when asked. */
    List<String> listTaskDefinitions(String family, boolean includeInactive);

    /** A revision by "family", "family:revision" or ARN ("family" alone means its latest ACTIVE revision). */
    TaskDefinition describeTaskDefinition(String taskDefinition);

    /** Registers a new revision from a RegisterTaskDefinition request document (JSON). */
    @Mutating
    TaskDefinition registerTaskDefinition(String requestJson);

    @Mutating
    TaskDefinition deregisterTaskDefinition(String taskDefinition);

    // ---- actions on services and tasks ----

    @Mutating
    EcsService updateService(ServiceUpdate update);

    @Mutating
    EcsTask stopTask(String cluster, String task, String reason);

    @Mutating
    List<EcsTask> runTask(RunTaskRequest request);

    /**
     * Opens an ECS Exec session running {@code command} in a container of a task that has
     * enableExecuteCommand (ExecuteCommand, interactive: ECS supports no other mode). Mutating: a shell
     * can change anything in the container.
     */
    @Mutating
    ExecuteCommandSession executeCommand(String cluster, String task, String container, String command);

    // ---- actions on container instances ----

    /**
     * Sets container instances DRAINING (no new tasks; service tasks move elsewhere within their
     * deployment configuration) or ACTIVE again (UpdateContainerInstancesState, at most 10 at once).
     */
    @Mutating
    default List<ContainerInstance> updateContainerInstancesState(String cluster, List<String> containerInstances, String status) {
        throw new UnsupportedOperationException("This backend cannot change container instance states");
    }

    /**
     * Removes a container instance from its cluster (DeregisterContainerInstance); ECS refuses while
     * tasks run on it unless {@code force}.
     */
    @Mutating
    default ContainerInstance deregisterContainerInstance(String cluster, String containerInstance, boolean force) {
        throw new UnsupportedOperationException("This backend cannot deregister container instances");
    }

    // ---- service deployments and revisions ----

    /** Every deployment of a service, newest first (ListServiceDeployments to the end). */
    List<ServiceDeploymentBrief> listServiceDeployments(String cluster, String service);

    /** Service deployments by ARN (DescribeServiceDeployments, 20 at a time); ARNs ECS does not know are left out. */
    List<ServiceDeployment> describeServiceDeployments(List<String> serviceDeploymentArns);

    /** Service revisions by ARN (DescribeServiceRevisions, 20 at a time); ARNs ECS does not know are left out. */
    List<ServiceRevision> describeServiceRevisions(List<String> serviceRevisionArns);

    /** Stops a deployment in progress and rolls the service back to the revision it came from (StopServiceDeployment, ROLLBACK). */
    @Mutating
    void stopServiceDeployment(String serviceDeploymentArn);

    /** Acts on a PAUSE lifecycle hook that awaits action: {@code action} CONTINUE or ROLLBACK (ContinueServiceDeployment). */
    @Mutating
    void continueServiceDeployment(String serviceDeploymentArn, String hookId, String action);

    // ---- load balancing (Elastic Load Balancing v2, read only) ----

    /** Target groups by ARN (DescribeTargetGroups). */
    List<TargetGroup> describeTargetGroups(List<String> targetGroupArns);

    /** Every target registered in a target group, with its health (DescribeTargetHealth). */
    List<TargetHealth> describeTargetHealth(String targetGroupArn);

    /** Every rule of every listener of a load balancer, default rules included (DescribeListeners, then DescribeRules per listener). */
    List<ListenerRule> describeListenerRules(String loadBalancerArn);

    // ---- service auto scaling ----

    /** The scalable target, policies and scheduled actions of a service (none when not registered). */
    ServiceScaling describeScaling(String cluster, String service);

    /** The service's scaling activities, newest first. */
    List<ScalingActivity> describeScalingActivities(String cluster, String service);

    @Mutating
    ScalableTarget registerScalableTarget(String cluster, String service, int minCapacity, int maxCapacity);

    /** Creates or replaces a target-tracking policy of that name. */
    @Mutating
    ScalingPolicy putTargetTrackingPolicy(String cluster, String service, String policyName, TargetTrackingConfig config);

    @Mutating
    void deleteScalingPolicy(String cluster, String service, String policyName);

    // ---- CloudWatch metrics and alarms ----

    /**
     * A service's CPU and memory utilisation from {@code since} until now (AWS/ECS CPUUtilization and
     * MemoryUtilization by ClusterName and ServiceName, GetMetricData, one-minute averages); empty where the
     * backend cannot provide it.
     */
    Optional<ServiceUtilization> serviceUtilization(String cluster, String service, Instant since);

    /**
     * The same averaged over {@code period} (60 s or a multiple of it: GetMetricData's Period), so a
     * long range stays a few hundred points. The default reads the one-minute figures; callers that
     * need the coarser period average them themselves when a backend returns finer ones.
     */
    default Optional<ServiceUtilization> serviceUtilization(String cluster, String service, Instant since, java.time.Duration period) {
        return serviceUtilization(cluster, service, since);
    }

    /**
     * A service's task counts from {@code since} until now from Container Insights (GetMetricData on
     * ECS/ContainerInsights); empty when the cluster does not have Container Insights or the backend cannot tell.
     */
    default Optional<TaskCountHistory> serviceTaskCounts(String cluster, String service, Instant since) {
        return Optional.empty();
    }

    /** Alarms by name (DescribeAlarms, 100 names a call); names CloudWatch does not know are left out. */
    default List<MetricAlarm> describeAlarms(List<String> alarmNames) {
        throw new UnsupportedOperationException("This backend cannot read CloudWatch alarms");
    }

    /**
     * The alarms that concern a service: those on its metrics (a ClusterName and ServiceName dimension
     * naming it), its deployment alarms, and its scaling policies' alarms (DescribeAlarms, every page).
     */
    default List<MetricAlarm> describeServiceAlarms(String cluster, String service) {
        throw new UnsupportedOperationException("This backend cannot read CloudWatch alarms");
    }

    /** An alarm's history, newest first (DescribeAlarmHistory, every page up to {@code max} items). */
    default List<AlarmHistoryItem> describeAlarmHistory(String alarmName, int max) {
        throw new UnsupportedOperationException("This backend cannot read CloudWatch alarm history");
    }

    // ---- container images (ECR, read only) ----

    /** The account's ECR repositories in the region (DescribeRepositories, every page), by name. */
    default List<ImageRepository> describeRepositories() {
        throw new UnsupportedOperationException("This backend cannot list ECR repositories");
    }

    /** Every image of a repository (DescribeImages, every page), newest pushed first. */
    default List<ContainerImage> describeImages(String repositoryName) {
        throw new UnsupportedOperationException("This backend cannot list ECR images");
    }

    // ---- logs ----

    /**
     * One page of log groups whose names start with {@code namePrefix} (all when null or empty), by
     * name (DescribeLogGroups); pass the page's nextToken for the next one.
     */
    default Page<LogGroupInfo> describeLogGroups(String namePrefix, String nextToken) {
        throw new UnsupportedOperationException("This backend cannot list log groups");
    }

    /**
     * One page of a log group's streams (DescribeLogStreams): newest first by last event time, or, with
     * a {@code namePrefix} (which CloudWatch cannot combine with that order), by name.
     */
    default Page<LogStreamInfo> describeLogStreams(String logGroupName, String namePrefix, String nextToken) {
        throw new UnsupportedOperationException("This backend cannot list log streams");
    }

    /** One page of log events (FilterLogEvents). */
    LogPage filterLogEvents(LogQuery query);

    /**
     * Follows log streams: events reach {@code sink} in batches, in timestamp order per stream, each
     * exactly once, across errors and throttling, until the subscription is closed.
     */
    LogSubscription tailLogs(LogTailRequest request, LogSink sink);

    /** Registers a listener for the backend's retries; backends that do not retry ignore it. */
    default void onRetry(RetryListener listener) {}

    /** Releases clients and threads. */
    @Override
    void close();
}
