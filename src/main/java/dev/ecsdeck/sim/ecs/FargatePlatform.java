package dev.ecsdeck.sim.ecs;

import dev.ecsdeck.sim.SimApiException;

/**
 * Fargate platform versions as RunTask, CreateService and UpdateService take them: LATEST (the
 * default) is 1.4.0 on Linux; only FARGATE tasks have one.
 */
final class FargatePlatform {
    static final String LATEST = "LATEST";
    static final String CURRENT_LINUX = "1.4.0";

    private FargatePlatform() {}

    /** Refuses a platform version outside Fargate, or one Fargate does not run (1.4.0 and 1.3.0 are the Linux ones it still runs). */
    static void check(String launchType, String platformVersion) {
        if (platformVersion == null) {
            return;
        }
        if (!"FARGATE".equals(launchType)) {
            throw SimApiException.invalidParameter("The platform version must be null when specifying an " + launchType + " launch type.");
        }
        if (!LATEST.equals(platformVersion) && !"1.4.0".equals(platformVersion) && !"1.3.0".equals(platformVersion)) {
            throw SimApiException.invalidParameter("The specified platform version (" + platformVersion + ") does not exist.");
        }
    }

    /** The version a FARGATE task runs on (LATEST resolved); null for other launch types. */
    static String resolve(String launchType, String platformVersion) {
        if (!"FARGATE".equals(launchType)) {
            return null;
        }
        return platformVersion == null || LATEST.equals(platformVersion) ? CURRENT_LINUX : platformVersion;
    }
}
