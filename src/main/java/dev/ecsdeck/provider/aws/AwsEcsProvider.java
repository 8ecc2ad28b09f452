package dev.ecsdeck.provider.aws;

import dev.ecsdeck.model.Cluster;
import dev.ecsdeck.model.ContainerInstance;
import dev.ecsdeck.model.EcsService;
import dev.ecsdeck.model.EcsTask;
import dev.ecsdeck.model.ExecuteCommandSession;
import dev.ecsdeck.model.ListenerRule;
import dev.ecsdeck.model.LogGroupInfo;
import dev.ecsdeck.model.LogStreamInfo;
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
import dev.ecsdeck.model.TaskDefinition;
import dev.ecsdeck.provider.BackendDescription;
import dev.ecsdeck.provider.BatchingEcsProvider;
import dev.ecsdeck.provider.LogPage;
import dev.ecsdeck.provider.LogQuery;
import dev.ecsdeck.provider.LogSink;
import dev.ecsdeck.provider.LogSubscription;
import dev.ecsdeck.provider.LogTailRequest;
import dev.ecsdeck.provider.Operation;
import dev.ecsdeck.model.Page;
import dev.ecsdeck.provider.RetryListener;
import dev.ecsdeck.model.RunTaskRequest;
import dev.ecsdeck.provider.ServiceUpdate;
import dev.ecsdeck.provider.TaskFilter;
import dev.ecsdeck.taskdef.TaskDefinitionDocuments;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.ecs.model.DescribeTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.SortOrder;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionStatus;

/**
 * The console's provider on real ECS through the AWS SDK v2 (or any endpoint speaking ECS's wire
 * protocol, such as {@code ecsdeck serve-sim}): List calls paged to the end, Describe calls batched
 * at ECS's limits and run in parallel, the standard retry mode with retries reported, and SDK
 * errors turned into the provider's typed errors.
 */
public final class AwsEcsProvider extends BatchingEcsProvider {
    /** Describe batches in flight at once: 2,000 services are 200 DescribeServices calls. */
    static final int DESCRIBE_PARALLELISM = 16;

    private final AwsSettings settings;
    private final AwsClients clients;
    private final AwsErrors errors;
    private final AwsScaling scaling;
    private final AwsLogs logs;
    private final AwsServiceDeployments deployments;
    private final AwsLoadBalancing loadBalancing;
    private final AwsMetrics metrics;
    private final AwsAlarms alarms;
    private final AwsImages images;
    private final BackendDescription description;

    public AwsEcsProvider(AwsSettings settings) {
        super(DESCRIBE_PARALLELISM, "aws-describe");
        this.settings = settings;
        this.clients = new AwsClients(settings);
        this.errors = new AwsErrors(settings.profile());
        this.scaling = new AwsScaling(clients.scaling, errors);
        this.logs = new AwsLogs(clients, errors);
        this.deployments = new AwsServiceDeployments(clients.ecs, errors);
        this.loadBalancing = new AwsLoadBalancing(clients.elb, errors);
        this.metrics = new AwsMetrics(clients.cloudWatch, clients.ecs, errors);
        this.alarms = new AwsAlarms(clients.cloudWatch, clients.ecs, clients.scaling, errors);
        this.images = new AwsImages(clients.ecr, errors);
        this.description = BackendDescription.aws(settings.profile(), clients.region.id(),
                settings.endpoint() == null ? null : settings.endpoint().toString());
    }

    @Override
    public BackendDescription description() {
        return description;
    }

    /** How many times the SDK retried a call so far. */
    public long retries() {
        return clients.retries.retries();
    }

    /** Requests sent for an operation (e.g. "ListServices"), retries included. */
    public long requests(String operation) {
        return clients.retries.requests(operation);
    }

    @Override
    public void onRetry(RetryListener listener) {
        clients.retries.addListener(listener);
    }

    // ---- pages and batches ----

    @Override
    protected Page<String> listClustersPage(String nextToken) {
        var r = errors.call(Operation.LIST_CLUSTERS,
                () -> clients.ecs.listClusters(b -> b.nextToken(nextToken).maxResults(MAX_LIST_RESULTS)));
        return new Page<>(r.clusterArns(), r.nextToken());
    }

    @Override
    protected List<Cluster> describeClustersBatch(List<String> clusters) {
        var r = errors.call(Operation.DESCRIBE_CLUSTERS, () -> clients.ecs.describeClusters(b -> b.clusters(clusters)));
        return AwsModels.list(r.clusters(), Cluster.class);
    }

    @Override
    protected Page<String> listServicesPage(String cluster, String nextToken) {
        var r = errors.call(Operation.LIST_SERVICES,
                () -> clients.ecs.listServices(b -> b.cluster(cluster).nextToken(nextToken).maxResults(MAX_LIST_RESULTS)));
        return new Page<>(r.serviceArns(), r.nextToken());
    }

    @Override
    protected List<EcsService> describeServicesBatch(String cluster, List<String> services) {
        var r = errors.call(Operation.DESCRIBE_SERVICES, () -> clients.ecs.describeServices(b -> b.cluster(cluster).services(services)));
        return AwsModels.list(r.services(), EcsService.class);
    }

    @Override
    protected Page<String> listTasksPage(String cluster, TaskFilter f, String nextToken) {
        var r = errors.call(Operation.LIST_TASKS, () -> clients.ecs.listTasks(b -> b.cluster(cluster).serviceName(f.serviceName())
                .containerInstance(f.containerInstance()).family(f.family()).startedBy(f.startedBy())
                .desiredStatus(f.desiredStatusOrDefault()).nextToken(nextToken).maxResults(MAX_LIST_RESULTS)));
        return new Page<>(r.taskArns(), r.nextToken());
    }

    @Override
    protected List<EcsTask> describeTasksBatch(String cluster, List<String> tasks) {
        var r = errors.call(Operation.DESCRIBE_TASKS, () -> clients.ecs.describeTasks(b -> b.cluster(cluster).tasks(tasks)));
        return AwsModels.list(r.tasks(), EcsTask.class);
    }

    @Override
    protected Page<String> listContainerInstancesPage(String cluster, String nextToken) {
        var r = errors.call(Operation.LIST_CONTAINER_INSTANCES, () -> clients.ecs.listContainerInstances(
                b -> b.cluster(cluster).nextToken(nextToken).maxResults(MAX_LIST_RESULTS)));
        return new Page<>(r.containerInstanceArns(), r.nextToken());
    }

    @Override
    protected List<ContainerInstance> describeContainerInstancesBatch(String cluster, List<String> instances) {
        var r = errors.call(Operation.LIST_CONTAINER_INSTANCES, () -> clients.ecs.describeContainerInstances(
                b -> b.cluster(cluster).containerInstances(instances)));
        return AwsModels.list(r.containerInstances(), ContainerInstance.class);
    }

    @Override
    protected Page<String> listTaskDefinitionFamiliesPage(String nextToken) {
        var r = errors.call(Operation.LIST_TASK_DEFINITION_FAMILIES, () -> clients.ecs.listTaskDefinitionFamilies(
                b -> b.status("ACTIVE").nextToken(nextToken).maxResults(MAX_LIST_RESULTS)));
        return new Page<>(r.families(), r.nextToken());
    }

    @Override
    protected Page<String> listTaskDefinitionsPage(String family, boolean includeInactive, String nextToken) {
        return listTaskDefinitionsPage(family, includeInactive ? TaskDefinitionStatus.INACTIVE : TaskDefinitionStatus.ACTIVE, nextToken);
    }

    private Page<String> listTaskDefinitionsPage(String family, TaskDefinitionStatus status, String nextToken) {
        var r = errors.call(Operation.LIST_TASK_DEFINITIONS, () -> clients.ecs.listTaskDefinitions(b -> b.familyPrefix(family)
                .status(status).sort(SortOrder.DESC).nextToken(nextToken).maxResults(MAX_LIST_RESULTS)));
        // familyPrefix matches "web" in "web-admin" too: keep the family asked for.
        List<String> mine = r.taskDefinitionArns().stream().filter(arn -> dev.ecsdeck.model.Arns.family(arn).equals(family)).toList();
        return new Page<>(mine, r.nextToken());
    }

    /** ECS lists one status at a time: the ACTIVE revisions, and the INACTIVE ones when asked, newest first. */
    @Override
    public List<String> listTaskDefinitions(String family, boolean includeInactive) {
        List<String> all = new java.util.ArrayList<>(readAll(token -> listTaskDefinitionsPage(family, TaskDefinitionStatus.ACTIVE, token)));
        if (includeInactive) {
            all.addAll(readAll(token -> listTaskDefinitionsPage(family, TaskDefinitionStatus.INACTIVE, token)));
            all.sort(java.util.Comparator.comparingInt(dev.ecsdeck.model.Arns::revision).reversed());
        }
        return all;
    }

    // ---- task definitions ----

    @Override
    public TaskDefinition describeTaskDefinition(String taskDefinition) {
        var r = errors.call(Operation.DESCRIBE_TASK_DEFINITION, () -> clients.ecs.describeTaskDefinition(
                DescribeTaskDefinitionRequest.builder().taskDefinition(taskDefinition).build()));
        return TaskDefinitionDocuments.toModel(SdkJson.toJson(r.taskDefinition()));
    }

    @Override
    public TaskDefinition registerTaskDefinition(String requestJson) {
        RegisterTaskDefinitionRequest request = TaskDefinitionRequests.registerRequest(requestJson);
        var r = errors.call(Operation.REGISTER_TASK_DEFINITION, () -> clients.ecs.registerTaskDefinition(request));
        return TaskDefinitionDocuments.toModel(SdkJson.toJson(r.taskDefinition()));
    }

    @Override
    public TaskDefinition deregisterTaskDefinition(String taskDefinition) {
        var r = errors.call(Operation.DEREGISTER_TASK_DEFINITION, () -> clients.ecs.deregisterTaskDefinition(
                b -> b.taskDefinition(taskDefinition)));
        return TaskDefinitionDocuments.toModel(SdkJson.toJson(r.taskDefinition()));
    }

    // ---- changes ----

    @Override
    public EcsService updateService(ServiceUpdate u) {
        var r = errors.call(Operation.UPDATE_SERVICE, () -> clients.ecs.updateService(b -> {
            b.cluster(u.cluster()).service(u.service()).desiredCount(u.desiredCount()).taskDefinition(u.taskDefinition());
            if (u.forceNewDeployment()) {
                b.forceNewDeployment(true);
            }
            if (u.deploymentConfiguration() != null) {
                b.deploymentConfiguration(AwsModels.deploymentConfiguration(u.deploymentConfiguration()));
            }
        }));
        return AwsModels.one(r.service(), EcsService.class);
    }

    @Override
    public EcsTask stopTask(String cluster, String task, String reason) {
        var r = errors.call(Operation.STOP_TASK, () -> clients.ecs.stopTask(b -> b.cluster(cluster).task(task).reason(reason)));
        return AwsModels.one(r.task(), EcsTask.class);
    }

    @Override
    public ExecuteCommandSession executeCommand(String cluster, String task, String container, String command) {
        var r = errors.call(Operation.EXECUTE_COMMAND, () -> clients.ecs.executeCommand(b -> b.cluster(cluster).task(task)
                .container(container).command(command).interactive(true)));
        return new ExecuteCommandSession(r.clusterArn(), r.taskArn(), r.containerName(), r.containerArn(),
                r.session() == null ? null : r.session().sessionId(), r.session() == null ? null : r.session().streamUrl());
    }

    @Override
    public List<EcsTask> runTask(RunTaskRequest request) {
        var r = errors.call(Operation.RUN_TASK, () -> clients.ecs.runTask(AwsModels.runTask(request)));
        return AwsModels.list(r.tasks(), EcsTask.class);
    }

    @Override
    public List<ContainerInstance> updateContainerInstancesState(String cluster, List<String> containerInstances, String status) {
        var r = errors.call(Operation.UPDATE_CONTAINER_INSTANCES_STATE, () -> clients.ecs.updateContainerInstancesState(
                b -> b.cluster(cluster).containerInstances(containerInstances).status(status)));
        if (r.hasFailures() && !r.failures().isEmpty()) {
            var f = r.failures().get(0);
            throw new dev.ecsdeck.provider.InvalidInputException(Operation.UPDATE_CONTAINER_INSTANCES_STATE, "InvalidParameterException",
                    "Container instance " + f.arn() + ": " + f.reason(), null);
        }
        return AwsModels.list(r.containerInstances(), ContainerInstance.class);
    }

    @Override
    public ContainerInstance deregisterContainerInstance(String cluster, String containerInstance, boolean force) {
        var r = errors.call(Operation.DEREGISTER_CONTAINER_INSTANCE, () -> clients.ecs.deregisterContainerInstance(
                b -> b.cluster(cluster).containerInstance(containerInstance).force(force)));
        return AwsModels.one(r.containerInstance(), ContainerInstance.class);
    }

    // ---- scaling, metrics, logs ----

    @Override
    public ServiceScaling describeScaling(String cluster, String service) {
        return scaling.describe(cluster, service);
    }

    @Override
    public List<ScalingActivity> describeScalingActivities(String cluster, String service) {
        return scaling.activities(cluster, service);
    }

    @Override
    public ScalableTarget registerScalableTarget(String cluster, String service, int minCapacity, int maxCapacity) {
        return scaling.register(cluster, service, minCapacity, maxCapacity);
    }

    @Override
    public ScalingPolicy putTargetTrackingPolicy(String cluster, String service, String policyName, TargetTrackingConfig config) {
        return scaling.putTargetTracking(cluster, service, policyName, config);
    }

    @Override
    public void deleteScalingPolicy(String cluster, String service, String policyName) {
        scaling.delete(cluster, service, policyName);
    }

    @Override
    public Optional<ServiceUtilization> serviceUtilization(String cluster, String service, Instant since) {
        return Optional.of(metrics.utilization(cluster, service, since, AwsMetrics.PERIOD_SECONDS));
    }

    @Override
    public Optional<ServiceUtilization> serviceUtilization(String cluster, String service, Instant since, java.time.Duration period) {
        return Optional.of(metrics.utilization(cluster, service, since, (int) period.toSeconds()));
    }

    @Override
    public Optional<dev.ecsdeck.model.TaskCountHistory> serviceTaskCounts(String cluster, String service, Instant since) {
        return metrics.taskCounts(cluster, service, since);
    }

    @Override
    public List<dev.ecsdeck.model.MetricAlarm> describeAlarms(List<String> alarmNames) {
        return alarms.describe(alarmNames);
    }

    @Override
    public List<dev.ecsdeck.model.MetricAlarm> describeServiceAlarms(String cluster, String service) {
        return alarms.forService(cluster, service);
    }

    @Override
    public List<dev.ecsdeck.model.AlarmHistoryItem> describeAlarmHistory(String alarmName, int max) {
        return alarms.history(alarmName, max);
    }

    @Override
    public LogPage filterLogEvents(LogQuery query) {
        return logs.filter(query);
    }

    @Override
    public Page<LogGroupInfo> describeLogGroups(String namePrefix, String nextToken) {
        return logs.describeLogGroups(namePrefix, nextToken);
    }

    @Override
    public Page<LogStreamInfo> describeLogStreams(String logGroupName, String namePrefix, String nextToken) {
        return logs.describeLogStreams(logGroupName, namePrefix, nextToken);
    }

    @Override
    public LogSubscription tailLogs(LogTailRequest request, LogSink sink) {
        return logs.tail(request, sink);
    }

    public AwsSettings settings() {
        return settings;
    }

    // ---- service deployments and load balancing ----

    @Override
    public List<ServiceDeploymentBrief> listServiceDeployments(String cluster, String service) {
        return deployments.list(cluster, service);
    }

    @Override
    public List<ServiceDeployment> describeServiceDeployments(List<String> arns) {
        return deployments.describe(arns);
    }

    @Override
    public List<ServiceRevision> describeServiceRevisions(List<String> arns) {
        return deployments.revisions(arns);
    }

    @Override
    public void stopServiceDeployment(String arn) {
        deployments.stop(arn);
    }

    @Override
    public void continueServiceDeployment(String arn, String hookId, String action) {
        deployments.continueAt(arn, hookId, action);
    }

    @Override
    public List<TargetGroup> describeTargetGroups(List<String> arns) {
        return loadBalancing.describeTargetGroups(arns);
    }

    @Override
    public List<TargetHealth> describeTargetHealth(String targetGroupArn) {
        return loadBalancing.describeTargetHealth(targetGroupArn);
    }

    @Override
    public List<ListenerRule> describeListenerRules(String loadBalancerArn) {
        return loadBalancing.describeListenerRules(loadBalancerArn);
    }

    @Override
    public List<dev.ecsdeck.model.ImageRepository> describeRepositories() {
        return images.describeRepositories();
    }

    @Override
    public List<dev.ecsdeck.model.ContainerImage> describeImages(String repositoryName) {
        return images.describeImages(repositoryName);
    }

    @Override
    public void close() {
        logs.close();
        clients.close();
        super.close();
    }
}
