package dev.ecsdeck.sim;

/**
 * An error as ECS (or CloudWatch Logs, or Application Auto Scaling) would return it: the error code
 * that goes into the wire's {@code __type}, its message, and the HTTP status (400 for client errors).
 */
public final class SimApiException extends RuntimeException {
    private final String errorCode;
    private final int httpStatus;

    public SimApiException(String errorCode, String message, int httpStatus) {
        super(message);
        this.errorCode = errorCode;
        this.httpStatus = httpStatus;
    }

    public SimApiException(String errorCode, String message) {
        this(errorCode, message, 400);
    }

    public String errorCode() {
        return errorCode;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public static SimApiException clusterNotFound() {
        return new SimApiException("ClusterNotFoundException", "Cluster not found.");
    }

    public static SimApiException serviceNotFound() {
        return new SimApiException("ServiceNotFoundException", "Service not found.");
    }

    public static SimApiException invalidParameter(String message) {
        return new SimApiException("InvalidParameterException", message);
    }

    public static SimApiException client(String message) {
        return new SimApiException("ClientException", message);
    }
}
