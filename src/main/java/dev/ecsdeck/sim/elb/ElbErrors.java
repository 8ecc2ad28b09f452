package dev.ecsdeck.sim.elb;

import dev.ecsdeck.sim.SimApiException;

/** Elastic Load Balancing's errors: the code of each error shape of the API model, and its message. */
final class ElbErrors {
    private ElbErrors() {}

    static SimApiException validation(String message) {
        return new SimApiException("ValidationError", message);
    }

    static SimApiException invalidConfiguration(String message) {
        return new SimApiException("InvalidConfigurationRequest", message);
    }

    static SimApiException loadBalancerNotFound() {
        return new SimApiException("LoadBalancerNotFound", "One or more load balancers not found");
    }

    static SimApiException targetGroupNotFound() {
        return new SimApiException("TargetGroupNotFound", "One or more target groups not found");
    }

    static SimApiException listenerNotFound() {
        return new SimApiException("ListenerNotFound", "One or more listeners not found");
    }

    static SimApiException ruleNotFound() {
        return new SimApiException("RuleNotFound", "One or more rules not found");
    }

    static SimApiException invalidTarget(String message) {
        return new SimApiException("InvalidTarget", message);
    }

    static SimApiException resourceInUse(String message) {
        return new SimApiException("ResourceInUse", message);
    }

    static SimApiException operationNotPermitted(String message) {
        return new SimApiException("OperationNotPermitted", message);
    }
}
