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
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A decorator base: every method goes through {@link #call(Operation, Supplier)} and then to the
 * delegate, so a subclass adds behaviour to all calls in one place (refusing, guarding, counting).
 */
public abstract class ForwardingEcsProvider implements EcsProvider {
    protected final EcsProvider delegate;

    protected ForwardingEcsProvider(EcsProvider delegate) {
        this.delegate = delegate;
    }

    /** Runs one call of the delegate; the default just runs it. */
    protected <T> T call(Operation operation, Supplier<T> body) {
        return body.get();
    }

    private void run(Operation operation, Runnable body) {
        call(operation, () -> {
            body.run();
            return null;
        });
    }

    @Override
    public BackendDescription description() {
        return delegate.description();
    }

    @Override
    public List<Cluster> listClusters() {
        return call(Operation.LIST_CLUSTERS, delegate::listClusters);
    }

    @Override
    public List<Cluster> describeClusters(List<String> clusters) {
        return call(Operation.DESCRIBE_CLUSTERS, () -> delegate.describeClusters(clusters));
    }

    @Override
    public void streamServices(String cluster, Consumer<List<EcsService>> batches) {
        run(Operation.LIST_SERVICES, () -> delegate.streamServices(cluster, batches));
    }

    @Override
    public List<EcsService> listServices(String cluster) {
        return call(Operation.LIST_SERVICES, () -> delegate.listServices(cluster));
    }

    @Override
    public List<EcsService> describeServices(String cluster, List<String> services) {
        return call(Operation.DESCRIBE_SERVICES, () -> delegate.describeServices(cluster, services));
    }

    @Override
    public List<String> listServiceNames(String cluster) {
        return call(Operation.LIST_SERVICES, () -> delegate.listServiceNames(cluster));
    }

    @Override
    public List<String> listTaskArns(String cluster, TaskFilter filter) {
        return call(Operation.LIST_TASKS, () -> delegate.listTaskArns(cluster, filter));
    }

    @Override
    public List<EcsTask> listTasks(String cluster, TaskFilter filter) {
        return call(Operation.LIST_TASKS, () -> delegate.listTasks(cluster, filter));
    }

    @Override
    public List<EcsTask> describeTasks(String cluster, List<String> tasks) {
        return call(Operation.DESCRIBE_TASKS, () -> delegate.describeTasks(cluster, tasks));
    }

    @Override
    public List<ContainerInstance> listContainerInstances(String cluster) {
        return call(Operation.LIST_CONTAINER_INSTANCES, () -> delegate.listContainerInstances(cluster));
    }

    @Override
    public List<String> listTaskDefinitionFamilies() {
        return call(Operation.LIST_TASK_DEFINITION_FAMILIES, delegate::listTaskDefinitionFamilies);
    }

    @Override
    public List<String> listTaskDefinitions(String family, boolean includeInactive) {
        return call(Operation.LIST_TASK_DEFINITIONS, () -> delegate.listTaskDefinitions(family, includeInactive));
    }

    @Override
    public TaskDefinition describeTaskDefinition(String taskDefinition) {
        return call(Operation.DESCRIBE_TASK_DEFINITION, () -> delegate.describeTaskDefinition(taskDefinition));
    }

    @Override
    public TaskDefinition registerTaskDefinition(String requestJson) {
        return call(Operation.REGISTER_TASK_DEFINITION, () -> delegate.registerTaskDefinition(requestJson));
    }

    @Override
    public TaskDefinition deregisterTaskDefinition(String taskDefinition) {
        return call(Operation.DEREGISTER_TASK_DEFINITION, () -> delegate.deregisterTaskDefinition(taskDefinition));
    }

    @Override
    public EcsService updateService(ServiceUpdate update) {
        return call(Operation.UPDATE_SERVICE, () -> delegate.updateService(update));
    }

    @Override
    public EcsTask stopTask(String cluster, String task, String reason) {
        return call(Operation.STOP_TASK, () -> delegate.stopTask(cluster, task, reason));
    }

    @Override
    public List<EcsTask> runTask(RunTaskRequest request) {
        return call(Operation.RUN_TASK, () -> delegate.runTask(request));
    }

    @Override
    public ExecuteCommandSession executeCommand(String cluster, String task, String container, String command) {
        return call(Operation.EXECUTE_COMMAND, () -> delegate.executeCommand(cluster, task, container, command));
    }

    @Override
    public List<ContainerInstance> updateContainerInstancesState(String cluster, List<String> containerInstances, String status) {
        return call(Operation.UPDATE_CONTAINER_INSTANCES_STATE,
                () -> delegate.updateContainerInstancesState(cluster, containerInstances, status));
    }

    @Override
    public ContainerInstance deregisterContainerInstance(String cluster, String containerInstance, boolean force) {
        return call(Operation.DEREGISTER_CONTAINER_INSTANCE, () -> delegate.deregisterContainerInstance(cluster, containerInstance, force));
    }

    @Override
    public List<ServiceDeploymentBrief> listServiceDeployments(String cluster, String service) {
        return call(Operation.LIST_SERVICE_DEPLOYMENTS, () -> delegate.listServiceDeployments(cluster, service));
    }

    @Override
    public List<ServiceDeployment> describeServiceDeployments(List<String> serviceDeploymentArns) {
        return call(Operation.DESCRIBE_SERVICE_DEPLOYMENTS, () -> delegate.describeServiceDeployments(serviceDeploymentArns));
    }

    @Override
    public List<ServiceRevision> describeServiceRevisions(List<String> serviceRevisionArns) {
        return call(Operation.DESCRIBE_SERVICE_REVISIONS, () -> delegate.describeServiceRevisions(serviceRevisionArns));
    }

    @Override
    public void stopServiceDeployment(String serviceDeploymentArn) {
        run(Operation.STOP_SERVICE_DEPLOYMENT, () -> delegate.stopServiceDeployment(serviceDeploymentArn));
    }

    @Override
    public void continueServiceDeployment(String serviceDeploymentArn, String hookId, String action) {
        run(Operation.CONTINUE_SERVICE_DEPLOYMENT, () -> delegate.continueServiceDeployment(serviceDeploymentArn, hookId, action));
    }

    @Override
    public List<TargetGroup> describeTargetGroups(List<String> targetGroupArns) {
        return call(Operation.DESCRIBE_TARGET_GROUPS, () -> delegate.describeTargetGroups(targetGroupArns));
    }

    @Override
    public List<TargetHealth> describeTargetHealth(String targetGroupArn) {
        return call(Operation.DESCRIBE_TARGET_HEALTH, () -> delegate.describeTargetHealth(targetGroupArn));
    }

    @Override
    public List<ListenerRule> describeListenerRules(String loadBalancerArn) {
        return call(Operation.DESCRIBE_LISTENER_RULES, () -> delegate.describeListenerRules(loadBalancerArn));
    }

    @Override
    public ServiceScaling describeScaling(String cluster, String service) {
        return call(Operation.DESCRIBE_SCALING, () -> delegate.describeScaling(cluster, service));
    }

    @Override
    public List<ScalingActivity> describeScalingActivities(String cluster, String service) {
        return call(Operation.DESCRIBE_SCALING_ACTIVITIES, () -> delegate.describeScalingActivities(cluster, service));
    }

    @Override
    public ScalableTarget registerScalableTarget(String cluster, String service, int minCapacity, int maxCapacity) {
        return call(Operation.REGISTER_SCALABLE_TARGET,
                () -> delegate.registerScalableTarget(cluster, service, minCapacity, maxCapacity));
    }

    @Override
    public ScalingPolicy putTargetTrackingPolicy(String cluster, String service, String policyName, TargetTrackingConfig config) {
        return call(Operation.PUT_SCALING_POLICY,
                () -> delegate.putTargetTrackingPolicy(cluster, service, policyName, config));
    }

    @Override
    public void deleteScalingPolicy(String cluster, String service, String policyName) {
        run(Operation.DELETE_SCALING_POLICY, () -> delegate.deleteScalingPolicy(cluster, service, policyName));
    }

    @Override
    public Optional<ServiceUtilization> serviceUtilization(String cluster, String service, Instant since) {
        return call(Operation.GET_SERVICE_UTILIZATION, () -> delegate.serviceUtilization(cluster, service, since));
    }

    @Override
    public Optional<ServiceUtilization> serviceUtilization(String cluster, String service, Instant since, java.time.Duration period) {
        return call(Operation.GET_SERVICE_UTILIZATION, () -> delegate.serviceUtilization(cluster, service, since, period));
    }

    @Override
    public Optional<TaskCountHistory> serviceTaskCounts(String cluster, String service, Instant since) {
        return call(Operation.GET_SERVICE_TASK_COUNTS, () -> delegate.serviceTaskCounts(cluster, service, since));
    }

    @Override
    public List<MetricAlarm> describeAlarms(List<String> alarmNames) {
        return call(Operation.DESCRIBE_ALARMS, () -> delegate.describeAlarms(alarmNames));
    }

    @Override
    public List<MetricAlarm> describeServiceAlarms(String cluster, String service) {
        return call(Operation.DESCRIBE_ALARMS, () -> delegate.describeServiceAlarms(cluster, service));
    }

    @Override
    public List<AlarmHistoryItem> describeAlarmHistory(String alarmName, int max) {
        return call(Operation.DESCRIBE_ALARM_HISTORY, () -> delegate.describeAlarmHistory(alarmName, max));
    }

    @Override
    public List<ImageRepository> describeRepositories() {
        return call(Operation.DESCRIBE_REPOSITORIES, delegate::describeRepositories);
    }

    @Override
    public List<ContainerImage> describeImages(String repositoryName) {
        return call(Operation.DESCRIBE_IMAGES, () -> delegate.describeImages(repositoryName));
    }

    @Override
    public LogPage filterLogEvents(LogQuery query) {
        return call(Operation.FILTER_LOG_EVENTS, () -> delegate.filterLogEvents(query));
    }

    @Override
    public Page<LogGroupInfo> describeLogGroups(String namePrefix, String nextToken) {
        return call(Operation.DESCRIBE_LOG_GROUPS, () -> delegate.describeLogGroups(namePrefix, nextToken));
    }

    @Override
    public Page<LogStreamInfo> describeLogStreams(String logGroupName, String namePrefix, String nextToken) {
        return call(Operation.DESCRIBE_LOG_STREAMS, () -> delegate.describeLogStreams(logGroupName, namePrefix, nextToken));
    }

    @Override
    public LogSubscription tailLogs(LogTailRequest request, LogSink sink) {
        return call(Operation.TAIL_LOGS, () -> delegate.tailLogs(request, sink));
    }

    @Override
    public void onRetry(RetryListener listener) {
        delegate.onRetry(listener);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
