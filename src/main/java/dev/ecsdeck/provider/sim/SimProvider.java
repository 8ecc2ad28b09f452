package dev.ecsdeck.provider.sim;

import dev.ecsdeck.model.Cluster;
import dev.ecsdeck.model.ContainerInstance;
import dev.ecsdeck.model.EcsService;
import dev.ecsdeck.model.EcsTask;
import dev.ecsdeck.model.ExecuteCommandSession;
import dev.ecsdeck.sim.ecs.ExecuteCommandApi;
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
import dev.ecsdeck.provider.ErrorMapping;
import dev.ecsdeck.provider.LogPage;
import dev.ecsdeck.provider.LogQuery;
import dev.ecsdeck.provider.LogSink;
import dev.ecsdeck.provider.LogSubscription;
import dev.ecsdeck.provider.LogTailRequest;
import dev.ecsdeck.provider.Operation;
import dev.ecsdeck.model.Page;
import dev.ecsdeck.provider.PollingLogTail;
import dev.ecsdeck.model.RunTaskRequest;
import dev.ecsdeck.provider.ServiceUpdate;
import dev.ecsdeck.provider.TaskFilter;
import dev.ecsdeck.sim.ApiFaults;
import dev.ecsdeck.sim.SimApiException;
import dev.ecsdeck.sim.SimEngine;
import dev.ecsdeck.sim.ecs.SimEcs;
import dev.ecsdeck.sim.ecs.Described;
import dev.ecsdeck.sim.ecs.TaskApi;
import dev.ecsdeck.sim.state.SimStateStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** The console's provider on the simulated ECS, in process: same paging and batching as on AWS. */
public final class SimProvider extends BatchingEcsProvider {
    /** How often a tail polls the simulator's logs. */
    static final long TAIL_INTERVAL_MS = 500;
    /** DescribeLogGroups and DescribeLogStreams pages: 50, CloudWatch's largest. */

    private static final System.Logger LOG = System.getLogger(SimProvider.class.getName());
    /** How often the state is saved while nothing changes it through the provider (time still moves). */
    static final long PERIODIC_SAVE_SECONDS = 10;

    private final SimEngine engine;
    private final ApiFaults faults;
    private final SimStateStore store;
    private final BackendDescription description;
    private final ScheduledExecutorService tailScheduler;
    private final SimLoadBalancing loadBalancing;
    private final SimImages images;
    private final SimReads reads;

    public SimProvider(SimEngine engine, String scenario) {
        this(engine, scenario, ApiFaults.realTime(1), null);
    }

    public SimProvider(SimEngine engine, String scenario, ApiFaults faults) {
        this(engine, scenario, faults, null);
    }

    /**
     * A provider whose every call first passes {@code faults} (throttling, errors, latency) and, when
     * {@code store} is given, that saves the simulation after every change and every few seconds.
     */
    public SimProvider(SimEngine engine, String scenario, ApiFaults faults, SimStateStore store) {
        super(4, "sim-describe");
        this.engine = engine;
        this.faults = faults;
        this.store = store;
        this.description = BackendDescription.simulator(scenario);
        this.loadBalancing = new SimLoadBalancing(engine.loadBalancing());
        this.images = new SimImages(engine.ecr());
        this.reads = new SimReads(engine);
        this.tailScheduler = Executors.newScheduledThreadPool(1, r -> {
            Thread t = new Thread(r, "sim-log-tail");
            t.setDaemon(true);
            return t;
        });
        if (store != null) {
            tailScheduler.scheduleWithFixedDelay(this::saveQuietly, PERIODIC_SAVE_SECONDS, PERIODIC_SAVE_SECONDS, TimeUnit.SECONDS);
        }
    }

    private void saveQuietly() {
        try {
            store.save(engine);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not save the simulator state: " + e.getMessage());
        }
    }

    public SimEngine engine() {
        return engine;
    }

    public ApiFaults faults() {
        return faults;
    }

    @Override
    public BackendDescription description() {
        return description;
    }

    /** Runs one engine call (after the injected faults), turning the simulator's API errors into the provider's typed ones. */
    private <T> T call(Operation op, Supplier<T> body) {
        try {
            faults.admit(op.apiName());
            T result = body.get();
            if (op.mutating() && store != null) {
                store.save(engine); // a change is on disk before the call returns
            }
            return result;
        } catch (SimApiException e) {
            throw ErrorMapping.map(op, e.errorCode(), e.getMessage(), e.httpStatus(), e);
        }
    }

    @Override
    protected Page<String> listClustersPage(String nextToken) {
        return call(Operation.LIST_CLUSTERS, () -> engine.clusters().listClusters(nextToken, MAX_LIST_RESULTS));
    }

    @Override
    protected List<Cluster> describeClustersBatch(List<String> clusters) {
        return call(Operation.DESCRIBE_CLUSTERS, () -> engine.clusters().describeClusters(clusters).items());
    }

    @Override
    protected Page<String> listServicesPage(String cluster, String nextToken) {
        return call(Operation.LIST_SERVICES, () -> engine.services().listServices(cluster, null, null, nextToken, MAX_LIST_RESULTS));
    }

    @Override
    protected List<EcsService> describeServicesBatch(String cluster, List<String> services) {
        return call(Operation.DESCRIBE_SERVICES, () -> engine.services().describeServices(cluster, services).items());
    }

    @Override
    protected Page<String> listTasksPage(String cluster, TaskFilter f, String nextToken) {
        TaskApi.Filter filter = new TaskApi.Filter(f.serviceName(), f.containerInstance(), f.family(), f.startedBy(),
                f.desiredStatusOrDefault(), null);
        return call(Operation.LIST_TASKS, () -> engine.tasks().listTasks(cluster, filter, nextToken, MAX_LIST_RESULTS));
    }

    @Override
    protected List<EcsTask> describeTasksBatch(String cluster, List<String> tasks) {
        return call(Operation.DESCRIBE_TASKS, () -> engine.tasks().describeTasks(cluster, tasks).items());
    }

    @Override
    protected Page<String> listContainerInstancesPage(String cluster, String nextToken) {
        return call(Operation.LIST_CONTAINER_INSTANCES,
                () -> engine.clusters().listContainerInstances(cluster, null, nextToken, MAX_LIST_RESULTS));
    }

    @Override
    protected List<ContainerInstance> describeContainerInstancesBatch(String cluster, List<String> instances) {
        return call(Operation.LIST_CONTAINER_INSTANCES, () -> engine.clusters().describeContainerInstances(cluster, instances).items());
    }

    @Override
    protected Page<String> listTaskDefinitionFamiliesPage(String nextToken) {
        return call(Operation.LIST_TASK_DEFINITION_FAMILIES,
                () -> engine.taskDefinitions().listFamilies(null, "ACTIVE", nextToken, MAX_LIST_RESULTS));
    }

    @Override
    protected Page<String> listTaskDefinitionsPage(String family, boolean includeInactive, String nextToken) {
        return call(Operation.LIST_TASK_DEFINITIONS, () -> engine.taskDefinitions().listTaskDefinitions(family,
                includeInactive ? "ALL" : "ACTIVE", "DESC", nextToken, MAX_LIST_RESULTS));
    }

    @Override
    public TaskDefinition describeTaskDefinition(String taskDefinition) {
        return call(Operation.DESCRIBE_TASK_DEFINITION, () -> engine.taskDefinitions().describe(taskDefinition));
    }

    @Override
    public TaskDefinition registerTaskDefinition(String requestJson) {
        return call(Operation.REGISTER_TASK_DEFINITION, () -> engine.taskDefinitions().register(requestJson));
    }

    @Override
    public TaskDefinition deregisterTaskDefinition(String taskDefinition) {
        return call(Operation.DEREGISTER_TASK_DEFINITION, () -> engine.taskDefinitions().deregister(taskDefinition));
    }

    @Override
    public EcsService updateService(ServiceUpdate u) {
        return call(Operation.UPDATE_SERVICE, () -> engine.services().updateService(u.cluster(), u.service(), u.desiredCount(),
                u.taskDefinition(), u.forceNewDeployment(), u.deploymentConfiguration()));
    }

    @Override
    public EcsTask stopTask(String cluster, String task, String reason) {
        return call(Operation.STOP_TASK, () -> engine.tasks().stopTask(cluster, task, reason));
    }

    @Override
    public List<EcsTask> runTask(RunTaskRequest request) {
        return call(Operation.RUN_TASK, () -> engine.tasks().runTask(request).items());
    }

    /** The simulator answers as ECS does, but there is no Session Manager behind the session: no shell can open. */
    @Override
    public ExecuteCommandSession executeCommand(String cluster, String task, String container, String command) {
        return call(Operation.EXECUTE_COMMAND, () -> {
            ExecuteCommandApi.Session s = new ExecuteCommandApi(engine).executeCommand(cluster, container, command, true, task);
            return new ExecuteCommandSession(s.clusterArn(), s.taskArn(), s.containerName(), s.containerArn(), s.sessionId(), s.streamUrl());
        });
    }

    @Override
    public List<ContainerInstance> updateContainerInstancesState(String cluster, List<String> containerInstances, String status) {
        return call(Operation.UPDATE_CONTAINER_INSTANCES_STATE,
                () -> described(engine.clusters().updateContainerInstancesState(cluster, containerInstances, status)));
    }

    @Override
    public ContainerInstance deregisterContainerInstance(String cluster, String containerInstance, boolean force) {
        return call(Operation.DEREGISTER_CONTAINER_INSTANCE,
                () -> engine.clusters().deregisterContainerInstance(cluster, containerInstance, force));
    }

    /** The changed instances; an instance ECS could not find fails the call, as the UI named it and expects it changed. */
    private static List<ContainerInstance> described(Described<ContainerInstance> d) {
        if (!d.failures().isEmpty()) {
            Described.Failure f = d.failures().get(0);
            throw new SimApiException("InvalidParameterException", "Container instance " + f.arn() + ": " + f.reason());
        }
        return d.items();
    }

    @Override
    public List<ServiceDeploymentBrief> listServiceDeployments(String cluster, String service) {
        return call(Operation.LIST_SERVICE_DEPLOYMENTS, () -> reads.serviceDeployments(cluster, service));
    }

    @Override
    public List<ServiceDeployment> describeServiceDeployments(List<String> arns) {
        return call(Operation.DESCRIBE_SERVICE_DEPLOYMENTS,
                () -> SimReads.inTwenties(arns, batch -> engine.serviceDeployments().describeServiceDeployments(batch).items()));
    }

    @Override
    public List<ServiceRevision> describeServiceRevisions(List<String> arns) {
        return call(Operation.DESCRIBE_SERVICE_REVISIONS,
                () -> SimReads.inTwenties(arns, batch -> engine.serviceDeployments().describeServiceRevisions(batch).items()));
    }

    @Override
    public void stopServiceDeployment(String serviceDeploymentArn) {
        call(Operation.STOP_SERVICE_DEPLOYMENT, () -> engine.serviceDeployments().stopServiceDeployment(serviceDeploymentArn, "ROLLBACK"));
    }

    @Override
    public void continueServiceDeployment(String serviceDeploymentArn, String hookId, String action) {
        call(Operation.CONTINUE_SERVICE_DEPLOYMENT,
                () -> engine.serviceDeployments().continueServiceDeployment(serviceDeploymentArn, hookId, action));
    }

    @Override
    public List<TargetGroup> describeTargetGroups(List<String> targetGroupArns) {
        return call(Operation.DESCRIBE_TARGET_GROUPS, () -> loadBalancing.describeTargetGroups(targetGroupArns));
    }

    @Override
    public List<TargetHealth> describeTargetHealth(String targetGroupArn) {
        return call(Operation.DESCRIBE_TARGET_HEALTH, () -> loadBalancing.describeTargetHealth(targetGroupArn));
    }

    @Override
    public List<ListenerRule> describeListenerRules(String loadBalancerArn) {
        return call(Operation.DESCRIBE_LISTENER_RULES, () -> loadBalancing.describeListenerRules(loadBalancerArn));
    }

    @Override
    public ServiceScaling describeScaling(String cluster, String service) {
        return call(Operation.DESCRIBE_SCALING, () -> engine.scaling().describe(resourceId(cluster, service)));
    }

    @Override
    public List<ScalingActivity> describeScalingActivities(String cluster, String service) {
        return call(Operation.DESCRIBE_SCALING_ACTIVITIES, () -> engine.scaling().activities(resourceId(cluster, service)));
    }

    @Override
    public ScalableTarget registerScalableTarget(String cluster, String service, int minCapacity, int maxCapacity) {
        return call(Operation.REGISTER_SCALABLE_TARGET,
                () -> engine.scaling().registerScalableTarget(resourceId(cluster, service), minCapacity, maxCapacity));
    }

    @Override
    public ScalingPolicy putTargetTrackingPolicy(String cluster, String service, String policyName, TargetTrackingConfig config) {
        return call(Operation.PUT_SCALING_POLICY,
                () -> engine.scaling().putTargetTrackingPolicy(resourceId(cluster, service), policyName, config));
    }

    @Override
    public void deleteScalingPolicy(String cluster, String service, String policyName) {
        call(Operation.DELETE_SCALING_POLICY, () -> {
            engine.scaling().deleteScalingPolicy(resourceId(cluster, service), policyName);
            return null;
        });
    }

    @Override
    public Optional<ServiceUtilization> serviceUtilization(String cluster, String service, Instant since) {
        return Optional.of(call(Operation.GET_SERVICE_UTILIZATION, () -> engine.services().utilization(cluster, service, since)));
    }

    /** The Average over each period, as GetMetricData with that Period answers it (the same store, the same buckets). */
    @Override
    public Optional<ServiceUtilization> serviceUtilization(String cluster, String service, Instant since, java.time.Duration period) {
        return Optional.of(call(Operation.GET_SERVICE_UTILIZATION,
                () -> engine.services().utilization(cluster, service, since, (int) period.toSeconds())));
    }

    @Override
    public Optional<dev.ecsdeck.model.TaskCountHistory> serviceTaskCounts(String cluster, String service, Instant since) {
        return call(Operation.GET_SERVICE_TASK_COUNTS, () -> reads.taskCounts(cluster, service, since));
    }

    @Override
    public List<dev.ecsdeck.model.MetricAlarm> describeAlarms(List<String> alarmNames) {
        return call(Operation.DESCRIBE_ALARMS, () -> dev.ecsdeck.sim.cloudwatch.AlarmLookup.byNames(engine, alarmNames));
    }

    @Override
    public List<dev.ecsdeck.model.MetricAlarm> describeServiceAlarms(String cluster, String service) {
        return call(Operation.DESCRIBE_ALARMS, () -> dev.ecsdeck.sim.cloudwatch.AlarmLookup.ofService(engine, cluster, service));
    }

    @Override
    public List<dev.ecsdeck.model.AlarmHistoryItem> describeAlarmHistory(String alarmName, int max) {
        return call(Operation.DESCRIBE_ALARM_HISTORY, () -> dev.ecsdeck.sim.cloudwatch.AlarmLookup.history(engine, alarmName, max));
    }

    @Override
    public LogPage filterLogEvents(LogQuery q) {
        return call(Operation.FILTER_LOG_EVENTS, () -> reads.logEvents(q));
    }

    @Override
    public Page<LogGroupInfo> describeLogGroups(String namePrefix, String nextToken) {
        return call(Operation.DESCRIBE_LOG_GROUPS, () -> reads.logGroups(namePrefix, nextToken));
    }

    @Override
    public Page<LogStreamInfo> describeLogStreams(String logGroupName, String namePrefix, String nextToken) {
        return call(Operation.DESCRIBE_LOG_STREAMS, () -> reads.logStreams(logGroupName, namePrefix, nextToken));
    }

    @Override
    public List<dev.ecsdeck.model.ImageRepository> describeRepositories() {
        return call(Operation.DESCRIBE_REPOSITORIES, images::describeRepositories);
    }

    @Override
    public List<dev.ecsdeck.model.ContainerImage> describeImages(String repositoryName) {
        return call(Operation.DESCRIBE_IMAGES, () -> images.describeImages(repositoryName));
    }

    @Override
    public LogSubscription tailLogs(LogTailRequest request, LogSink sink) {
        return new PollingLogTail(this::filterLogEvents, request, sink, TAIL_INTERVAL_MS).start(tailScheduler);
    }

    @Override
    public void close() {
        tailScheduler.shutdownNow();
        if (store != null) {
            saveQuietly();
        }
        super.close();
    }

    /** Application Auto Scaling's resource id of a service: "service/cluster/name" (names, not ARNs). */
    private static String resourceId(String cluster, String service) {
        return ScalableTarget.resourceId(SimEcs.nameOf(cluster), SimEcs.nameOf(service));
    }
}
