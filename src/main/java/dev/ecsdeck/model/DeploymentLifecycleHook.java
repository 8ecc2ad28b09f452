package dev.ecsdeck.model;

import java.util.List;

/**
 * A hook run at lifecycle stages of a service deployment: AWS_LAMBDA (the default) invokes a
 * function; PAUSE holds the deployment until ContinueServiceDeployment or its timeout.
 */
public record DeploymentLifecycleHook(
        String targetType,
        String hookTargetArn,
        String roleArn,
        List<String> lifecycleStages,
        LifecycleHookTimeout timeoutConfiguration) {

    public static final String AWS_LAMBDA = "AWS_LAMBDA";
    public static final String PAUSE = "PAUSE";

    public DeploymentLifecycleHook {
        lifecycleStages = lifecycleStages == null ? List.of() : List.copyOf(lifecycleStages);
    }

    public String targetTypeOrDefault() {
        return targetType == null ? AWS_LAMBDA : targetType;
    }

    /** How long ECS waits for a hook and what it does then (CONTINUE or ROLLBACK). */
    public record LifecycleHookTimeout(Integer timeoutInMinutes, String action) {}

    /** A lifecycle stage as people say it: "POST_TEST_TRAFFIC_SHIFT" is "Post test traffic shift". */
    public static String stageInWords(String stage) {
        String words = stage.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
