package dev.ecsdeck.sim.wire.ecs;

import dev.ecsdeck.sim.wire.RequestShape;
import dev.ecsdeck.sim.wire.WireApi;

/**
 * The enum values of the ECS operations' requests, as the API model lists them: a request naming any
 * other value is refused before the engine sees it (InvalidParameterException, in Coral's validation
 * wording). WireShapesModelTest holds every path and value list here to the model. Operations the
 * API does not serve are skipped, so this can list them before they are served.
 */
final class EcsEnums {
    private static final String[] LAUNCH_TYPE = {"EC2", "FARGATE", "EXTERNAL", "MANAGED_INSTANCES"};
    private static final String[] SCHEDULING_STRATEGY = {"REPLICA", "DAEMON"};
    private static final String[] RESOURCE_MANAGEMENT_TYPE = {"CUSTOMER", "ECS"};
    private static final String[] AVAILABILITY_ZONE_REBALANCING = {"ENABLED", "DISABLED"};
    private static final String[] DEPLOYMENT_STRATEGY = {"ROLLING", "BLUE_GREEN", "LINEAR", "CANARY"};
    private static final String[] DEPLOYMENT_LIFECYCLE_HOOK_TARGET_TYPE = {"AWS_LAMBDA", "PAUSE"};
    private static final String[] DEPLOYMENT_LIFECYCLE_HOOK_STAGE = {"RECONCILE_SERVICE", "PRE_SCALE_UP", "POST_SCALE_UP", "TEST_TRAFFIC_SHIFT",
            "POST_TEST_TRAFFIC_SHIFT", "PRE_PRODUCTION_TRAFFIC_SHIFT", "PRODUCTION_TRAFFIC_SHIFT", "POST_PRODUCTION_TRAFFIC_SHIFT"};
    private static final String[] DEPLOYMENT_LIFECYCLE_HOOK_ACTION = {"ROLLBACK", "CONTINUE"};
    private static final String[] PLACEMENT_CONSTRAINT_TYPE = {"distinctInstance", "memberOf"};
    private static final String[] PLACEMENT_STRATEGY_TYPE = {"random", "spread", "binpack"};
    private static final String[] ASSIGN_PUBLIC_IP = {"ENABLED", "DISABLED"};
    private static final String[] DEPLOYMENT_CONTROLLER_TYPE = {"ECS", "CODE_DEPLOY", "EXTERNAL"};
    private static final String[] PROPAGATE_TAGS = {"TASK_DEFINITION", "SERVICE", "NONE"};
    private static final String[] LOG_DRIVER = {"json-file", "syslog", "journald", "gelf", "fluentd", "awslogs", "splunk", "awsfirelens"};
    private static final String[] SERVICE_CONNECT_ACCESS_LOGGING_FORMAT = {"TEXT", "JSON"};
    private static final String[] SERVICE_CONNECT_INCLUDE_QUERY_PARAMETERS = {"DISABLED", "ENABLED"};
    private static final String[] EBS_RESOURCE_TYPE = {"volume"};
    private static final String[] TASK_FILESYSTEM_TYPE = {"ext3", "ext4", "xfs", "ntfs"};
    private static final String[] DESIRED_STATUS = {"RUNNING", "PENDING", "STOPPED"};
    private static final String[] ENVIRONMENT_FILE_TYPE = {"s3"};
    private static final String[] RESOURCE_TYPE = {"GPU", "InferenceAccelerator"};
    private static final String[] CONTAINER_INSTANCE_STATUS = {"ACTIVE", "DRAINING", "REGISTERING", "DEREGISTERING", "REGISTRATION_FAILED"};
    private static final String[] TASK_DEFINITION_FAMILY_STATUS = {"ACTIVE", "INACTIVE", "ALL"};
    private static final String[] TASK_DEFINITION_STATUS = {"ACTIVE", "INACTIVE", "DELETE_IN_PROGRESS"};
    private static final String[] SORT_ORDER = {"ASC", "DESC"};
    private static final String[] CLUSTER_FIELD = {"ATTACHMENTS", "CONFIGURATIONS", "SETTINGS", "STATISTICS", "TAGS"};
    private static final String[] SERVICE_FIELD = {"TAGS"};
    private static final String[] TASK_FIELD = {"TAGS"};
    private static final String[] CONTAINER_INSTANCE_FIELD = {"TAGS", "CONTAINER_INSTANCE_HEALTH"};
    private static final String[] TASK_DEFINITION_FIELD = {"TAGS"};
    private static final String[] CLUSTER_SETTING_NAME = {"containerInsights"};
    private static final String[] EXECUTE_COMMAND_LOGGING = {"NONE", "DEFAULT", "OVERRIDE"};
    private static final String[] TARGET_TYPE = {"container-instance"};
    private static final String[] PLATFORM_DEVICE_TYPE = {"GPU"};

    private static final String[] SCALE_UNIT = {"PERCENT"};
    private static final String[] SETTING_NAME = {"serviceLongArnFormat", "taskLongArnFormat", "containerInstanceLongArnFormat", "awsvpcTrunking",
            "containerInsights", "fargateFIPSMode", "tagResourceAuthorization", "fargateTaskRetirementWaitPeriod", "guardDutyActivate",
            "defaultLogDriverMode", "fargateEventWindows"};
    private static final String[] SERVICE_DEPLOYMENT_STATUS = {"PENDING", "SUCCESSFUL", "STOPPED", "STOP_REQUESTED", "IN_PROGRESS",
            "ROLLBACK_REQUESTED", "ROLLBACK_IN_PROGRESS", "ROLLBACK_SUCCESSFUL", "ROLLBACK_FAILED"};
    private static final String[] STOP_SERVICE_DEPLOYMENT_STOP_TYPE = {"ABORT", "ROLLBACK"};
    private static final String[] ENABLED_DISABLED = {"ENABLED", "DISABLED"};
    private static final String[] TASK_SET_FIELD = {"TAGS"};
    private static final String[] CAPACITY_PROVIDER_FIELD = {"TAGS"};

    private EcsEnums() {}

    static WireApi addTo(WireApi api) {
        enums(api, "ListServices")
                .oneOf("launchType", LAUNCH_TYPE)
                .oneOf("schedulingStrategy", SCHEDULING_STRATEGY)
                .oneOf("resourceManagementType", RESOURCE_MANAGEMENT_TYPE);
        enums(api, "CreateService")
                .oneOf("availabilityZoneRebalancing", AVAILABILITY_ZONE_REBALANCING)
                .oneOf("launchType", LAUNCH_TYPE)
                .oneOf("deploymentConfiguration.strategy", DEPLOYMENT_STRATEGY)
                .oneOf("deploymentConfiguration.lifecycleHooks[].targetType", DEPLOYMENT_LIFECYCLE_HOOK_TARGET_TYPE)
                .oneOf("deploymentConfiguration.lifecycleHooks[].lifecycleStages[]", DEPLOYMENT_LIFECYCLE_HOOK_STAGE)
                .oneOf("deploymentConfiguration.lifecycleHooks[].timeoutConfiguration.action", DEPLOYMENT_LIFECYCLE_HOOK_ACTION)
                .oneOf("placementConstraints[].type", PLACEMENT_CONSTRAINT_TYPE)
                .oneOf("placementStrategy[].type", PLACEMENT_STRATEGY_TYPE)
                .oneOf("networkConfiguration.awsvpcConfiguration.assignPublicIp", ASSIGN_PUBLIC_IP)
                .oneOf("schedulingStrategy", SCHEDULING_STRATEGY)
                .oneOf("deploymentController.type", DEPLOYMENT_CONTROLLER_TYPE)
                .oneOf("propagateTags", PROPAGATE_TAGS)
                .oneOf("serviceConnectConfiguration.logConfiguration.logDriver", LOG_DRIVER)
                .oneOf("serviceConnectConfiguration.accessLogConfiguration.format", SERVICE_CONNECT_ACCESS_LOGGING_FORMAT)
                .oneOf("serviceConnectConfiguration.accessLogConfiguration.includeQueryParameters", SERVICE_CONNECT_INCLUDE_QUERY_PARAMETERS)
                .oneOf("volumeConfigurations[].managedEBSVolume.tagSpecifications[].resourceType", EBS_RESOURCE_TYPE)
                .oneOf("volumeConfigurations[].managedEBSVolume.tagSpecifications[].propagateTags", PROPAGATE_TAGS)
                .oneOf("volumeConfigurations[].managedEBSVolume.filesystemType", TASK_FILESYSTEM_TYPE);
        enums(api, "UpdateService")
                .oneOf("deploymentConfiguration.strategy", DEPLOYMENT_STRATEGY)
                .oneOf("deploymentConfiguration.lifecycleHooks[].targetType", DEPLOYMENT_LIFECYCLE_HOOK_TARGET_TYPE)
                .oneOf("deploymentConfiguration.lifecycleHooks[].lifecycleStages[]", DEPLOYMENT_LIFECYCLE_HOOK_STAGE)
                .oneOf("deploymentConfiguration.lifecycleHooks[].timeoutConfiguration.action", DEPLOYMENT_LIFECYCLE_HOOK_ACTION)
                .oneOf("availabilityZoneRebalancing", AVAILABILITY_ZONE_REBALANCING)
                .oneOf("networkConfiguration.awsvpcConfiguration.assignPublicIp", ASSIGN_PUBLIC_IP)
                .oneOf("placementConstraints[].type", PLACEMENT_CONSTRAINT_TYPE)
                .oneOf("placementStrategy[].type", PLACEMENT_STRATEGY_TYPE)
                .oneOf("deploymentController.type", DEPLOYMENT_CONTROLLER_TYPE)
                .oneOf("propagateTags", PROPAGATE_TAGS)
                .oneOf("serviceConnectConfiguration.logConfiguration.logDriver", LOG_DRIVER)
                .oneOf("serviceConnectConfiguration.accessLogConfiguration.format", SERVICE_CONNECT_ACCESS_LOGGING_FORMAT)
                .oneOf("serviceConnectConfiguration.accessLogConfiguration.includeQueryParameters", SERVICE_CONNECT_INCLUDE_QUERY_PARAMETERS)
                .oneOf("volumeConfigurations[].managedEBSVolume.tagSpecifications[].resourceType", EBS_RESOURCE_TYPE)
                .oneOf("volumeConfigurations[].managedEBSVolume.tagSpecifications[].propagateTags", PROPAGATE_TAGS)
                .oneOf("volumeConfigurations[].managedEBSVolume.filesystemType", TASK_FILESYSTEM_TYPE);
        enums(api, "ListTasks")
                .oneOf("desiredStatus", DESIRED_STATUS)
                .oneOf("launchType", LAUNCH_TYPE);
        enums(api, "RunTask")
                .oneOf("launchType", LAUNCH_TYPE)
                .oneOf("networkConfiguration.awsvpcConfiguration.assignPublicIp", ASSIGN_PUBLIC_IP)
                .oneOf("overrides.containerOverrides[].environmentFiles[].type", ENVIRONMENT_FILE_TYPE)
                .oneOf("overrides.containerOverrides[].resourceRequirements[].type", RESOURCE_TYPE)
                .oneOf("placementConstraints[].type", PLACEMENT_CONSTRAINT_TYPE)
                .oneOf("placementStrategy[].type", PLACEMENT_STRATEGY_TYPE)
                .oneOf("propagateTags", PROPAGATE_TAGS)
                .oneOf("volumeConfigurations[].managedEBSVolume.tagSpecifications[].resourceType", EBS_RESOURCE_TYPE)
                .oneOf("volumeConfigurations[].managedEBSVolume.tagSpecifications[].propagateTags", PROPAGATE_TAGS)
                .oneOf("volumeConfigurations[].managedEBSVolume.filesystemType", TASK_FILESYSTEM_TYPE);
        enums(api, "ListContainerInstances")
                .oneOf("status", CONTAINER_INSTANCE_STATUS);
        enums(api, "UpdateContainerInstancesState")
                .oneOf("status", CONTAINER_INSTANCE_STATUS);
        enums(api, "ListTaskDefinitionFamilies")
                .oneOf("status", TASK_DEFINITION_FAMILY_STATUS);
        enums(api, "ListTaskDefinitions")
                .oneOf("status", TASK_DEFINITION_STATUS)
                .oneOf("sort", SORT_ORDER);
        enums(api, "DescribeClusters")
                .oneOf("include[]", CLUSTER_FIELD);
        enums(api, "DescribeServices")
                .oneOf("include[]", SERVICE_FIELD);
        enums(api, "DescribeTasks")
                .oneOf("include[]", TASK_FIELD);
        enums(api, "DescribeContainerInstances")
                .oneOf("include[]", CONTAINER_INSTANCE_FIELD);
        enums(api, "DescribeTaskDefinition")
                .oneOf("include[]", TASK_DEFINITION_FIELD);
        enums(api, "CreateCluster")
                .oneOf("settings[].name", CLUSTER_SETTING_NAME)
                .oneOf("configuration.executeCommandConfiguration.logging", EXECUTE_COMMAND_LOGGING);
        enums(api, "RegisterContainerInstance")
                .oneOf("attributes[].targetType", TARGET_TYPE)
                .oneOf("platformDevices[].type", PLATFORM_DEVICE_TYPE);
        enums(api, "StartTask")
                .oneOf("networkConfiguration.awsvpcConfiguration.assignPublicIp", ASSIGN_PUBLIC_IP)
                .oneOf("overrides.containerOverrides[].environmentFiles[].type", ENVIRONMENT_FILE_TYPE)
                .oneOf("overrides.containerOverrides[].resourceRequirements[].type", RESOURCE_TYPE)
                .oneOf("propagateTags", PROPAGATE_TAGS)
                .oneOf("volumeConfigurations[].managedEBSVolume.tagSpecifications[].resourceType", EBS_RESOURCE_TYPE)
                .oneOf("volumeConfigurations[].managedEBSVolume.tagSpecifications[].propagateTags", PROPAGATE_TAGS)
                .oneOf("volumeConfigurations[].managedEBSVolume.filesystemType", TASK_FILESYSTEM_TYPE);
        enums(api, "CreateTaskSet")
                .oneOf("networkConfiguration.awsvpcConfiguration.assignPublicIp", ASSIGN_PUBLIC_IP)
                .oneOf("launchType", LAUNCH_TYPE)
                .oneOf("scale.unit", SCALE_UNIT);
        enums(api, "UpdateTaskSet")
                .oneOf("scale.unit", SCALE_UNIT);
        enums(api, "DescribeTaskSets")
                .oneOf("include[]", TASK_SET_FIELD);
        enums(api, "PutAccountSetting")
                .oneOf("name", SETTING_NAME);
        enums(api, "PutAccountSettingDefault")
                .oneOf("name", SETTING_NAME);
        enums(api, "ListAccountSettings")
                .oneOf("name", SETTING_NAME);
        enums(api, "DeleteAccountSetting")
                .oneOf("name", SETTING_NAME);
        enums(api, "PutAttributes")
                .oneOf("attributes[].targetType", TARGET_TYPE);
        enums(api, "DeleteAttributes")
                .oneOf("attributes[].targetType", TARGET_TYPE);
        enums(api, "ListAttributes")
                .oneOf("targetType", TARGET_TYPE);
        enums(api, "CreateCapacityProvider")
                .oneOf("autoScalingGroupProvider.managedScaling.status", ENABLED_DISABLED)
                .oneOf("autoScalingGroupProvider.managedTerminationProtection", ENABLED_DISABLED)
                .oneOf("autoScalingGroupProvider.managedDraining", ENABLED_DISABLED);
        enums(api, "UpdateCapacityProvider")
                .oneOf("autoScalingGroupProvider.managedScaling.status", ENABLED_DISABLED)
                .oneOf("autoScalingGroupProvider.managedTerminationProtection", ENABLED_DISABLED)
                .oneOf("autoScalingGroupProvider.managedDraining", ENABLED_DISABLED);
        enums(api, "DescribeCapacityProviders")
                .oneOf("include[]", CAPACITY_PROVIDER_FIELD);
        enums(api, "UpdateCluster")
                .oneOf("settings[].name", CLUSTER_SETTING_NAME)
                .oneOf("configuration.executeCommandConfiguration.logging", EXECUTE_COMMAND_LOGGING);
        enums(api, "UpdateClusterSettings")
                .oneOf("settings[].name", CLUSTER_SETTING_NAME);
        enums(api, "ListServiceDeployments")
                .oneOf("status[]", SERVICE_DEPLOYMENT_STATUS);
        enums(api, "StopServiceDeployment")
                .oneOf("stopType", STOP_SERVICE_DEPLOYMENT_STOP_TYPE);
        enums(api, "ContinueServiceDeployment")
                .oneOf("action", DEPLOYMENT_LIFECYCLE_HOOK_ACTION);
        return api;
    }

    /** The request shape of {@code operation}, or a throwaway one when the operation is not served. */
    private static RequestShape enums(WireApi api, String operation) {
        RequestShape shape = api.shapes().get(operation);
        return shape == null ? RequestShape.of() : shape;
    }
}
