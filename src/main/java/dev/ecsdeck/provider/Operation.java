package dev.ecsdeck.provider;

/**
 * Every call the console makes through {@link EcsProvider}, named as the API call it stands for, and
 * whether it changes anything. The read-only decorator refuses the mutating ones.
 */
public enum Operation {
    LIST_CLUSTERS("ListClusters", false),
    DESCRIBE_CLUSTERS("DescribeClusters", false),
    LIST_SERVICES("ListServices", false),
    DESCRIBE_SERVICES("DescribeServices", false),
    LIST_TASKS("ListTasks", false),
    DESCRIBE_TASKS("DescribeTasks", false),
    LIST_CONTAINER_INSTANCES("ListContainerInstances", false),
    LIST_TASK_DEFINITION_FAMILIES("ListTaskDefinitionFamilies", false),
    LIST_TASK_DEFINITIONS("ListTaskDefinitions", false),
    DESCRIBE_TASK_DEFINITION("DescribeTaskDefinition", false),
    REGISTER_TASK_DEFINITION("RegisterTaskDefinition", true),
    DEREGISTER_TASK_DEFINITION("DeregisterTaskDefinition", true),
    UPDATE_SERVICE("UpdateService", true),
    STOP_TASK("StopTask", true),
    RUN_TASK("RunTask", true),
    EXECUTE_COMMAND("ExecuteCommand", true),
    UPDATE_CONTAINER_INSTANCES_STATE("UpdateContainerInstancesState", true),
    DEREGISTER_CONTAINER_INSTANCE("DeregisterContainerInstance", true),
    LIST_SERVICE_DEPLOYMENTS("ListServiceDeployments", false),
    DESCRIBE_SERVICE_DEPLOYMENTS("DescribeServiceDeployments", false),
    DESCRIBE_SERVICE_REVISIONS("DescribeServiceRevisions", false),
    STOP_SERVICE_DEPLOYMENT("StopServiceDeployment", true),
    CONTINUE_SERVICE_DEPLOYMENT("ContinueServiceDeployment", true),
    DESCRIBE_TARGET_GROUPS("DescribeTargetGroups", false),
    DESCRIBE_TARGET_HEALTH("DescribeTargetHealth", false),
    DESCRIBE_LISTENER_RULES("DescribeRules", false),
    DESCRIBE_SCALING("DescribeScalingPolicies", false),
    DESCRIBE_SCALING_ACTIVITIES("DescribeScalingActivities", false),
    REGISTER_SCALABLE_TARGET("RegisterScalableTarget", true),
    PUT_SCALING_POLICY("PutScalingPolicy", true),
    DELETE_SCALING_POLICY("DeleteScalingPolicy", true),
    GET_SERVICE_UTILIZATION("GetMetricData", false),
    GET_SERVICE_TASK_COUNTS("GetMetricData", false),
    DESCRIBE_ALARMS("DescribeAlarms", false),
    DESCRIBE_ALARM_HISTORY("DescribeAlarmHistory", false),
    DESCRIBE_REPOSITORIES("DescribeRepositories", false),
    DESCRIBE_IMAGES("DescribeImages", false),
    FILTER_LOG_EVENTS("FilterLogEvents", false),
    DESCRIBE_LOG_GROUPS("DescribeLogGroups", false),
    DESCRIBE_LOG_STREAMS("DescribeLogStreams", false),
    TAIL_LOGS("StartLiveTail", false);

    private final String apiName;
    private final boolean mutating;

    Operation(String apiName, boolean mutating) {
        this.apiName = apiName;
        this.mutating = mutating;
    }

    /** The AWS API call this stands for, e.g. "UpdateService". */
    public String apiName() {
        return apiName;
    }

    public boolean mutating() {
        return mutating;
    }
}
