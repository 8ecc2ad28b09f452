package dev.ecsdeck.provider;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a backend's error (its code, message and HTTP status) into the provider's typed errors,
 * keeping the code and message. Both backends use it, so the same failure is the same type whether
 * it came from the simulator in process or from ECS over HTTP.
 */
public final class ErrorMapping {
    private static final Set<String> NOT_FOUND = Set.of("ClusterNotFoundException", "ServiceNotFoundException",
            "ResourceNotFoundException", "ObjectNotFoundException", "TargetNotFoundException", "ServiceNotActiveException",
            "ServiceDeploymentNotFoundException", "TargetGroupNotFound", "LoadBalancerNotFound", "ListenerNotFound", "RuleNotFound",
            "RepositoryNotFoundException", "ImageNotFoundException");
    private static final Set<String> INVALID = Set.of("InvalidParameterException", "ClientException", "ValidationException",
            "SerializationException", "InvalidParameterValueException", "MissingParameter", "InvalidParameterCombination",
            "ClusterContainsServicesException", "ClusterContainsTasksException", "ClusterContainsContainerInstancesException",
            "PlatformUnknownException", "PlatformTaskDefinitionIncompatibilityException", "InvalidNextTokenException",
            "UnknownOperationException", "RequestEntityTooLargeException", "ValidationError", "InvalidTarget",
            "UnsupportedFeatureException", "ConflictException");
    private static final Set<String> THROTTLED = Set.of("ThrottlingException", "Throttling", "TooManyRequestsException",
            "RequestLimitExceeded", "LimitExceededException", "ConcurrentModificationException");
    private static final Set<String> DENIED = Set.of("AccessDeniedException", "AccessDenied", "UnauthorizedOperation",
            "UnrecognizedClientException", "InvalidClientTokenId", "ExpiredTokenException", "ExpiredToken",
            "InvalidSignatureException", "SignatureDoesNotMatch", "IncompleteSignature", "MissingAuthenticationToken");
    private static final Pattern FIELD = Pattern.compile("(?:field|parameter|member)\\s+'?([A-Za-z][\\w.\\[\\]]*)'?");

    private ErrorMapping() {}

    public static EcsException map(Operation operation, String code, String message, int httpStatus, Throwable cause) {
        String c = code == null ? "UnknownError" : code;
        String m = message == null ? c : message;
        if (NOT_FOUND.contains(c) || ("ClientException".equals(c) && isMissingTaskDefinition(m))) {
            return new NotFoundException(operation, c, m);
        }
        if (THROTTLED.contains(c) || httpStatus == 429) {
            return new ThrottledException(operation, c, m);
        }
        if (DENIED.contains(c) || httpStatus == 403) {
            return new AccessDeniedException(operation, c, m, remedyFor(c));
        }
        if (INVALID.contains(c)) {
            return new InvalidInputException(operation, c, m, fieldIn(m));
        }
        if (httpStatus >= 500 || c.startsWith("Server") || c.startsWith("ServiceUnavailable") || c.startsWith("InternalFailure")) {
            return new UnavailableException(operation, c, m, cause);
        }
        return new EcsException(operation, c, m, cause);
    }

    private static boolean isMissingTaskDefinition(String message) {
        return message.startsWith("Unable to describe task definition") || message.startsWith("TaskDefinition not found");
    }

    private static String remedyFor(String code) {
        if (code.startsWith("Expired")) {
            return "The credentials have expired: refresh them (for an SSO profile: aws sso login --profile <profile>).";
        }
        if (code.equals("UnrecognizedClientException") || code.equals("InvalidClientTokenId")) {
            return "The access key is not valid in this account or region: check the profile's credentials.";
        }
        return null;
    }

    private static String fieldIn(String message) {
        Matcher m = FIELD.matcher(message);
        return m.find() ? m.group(1) : null;
    }
}
