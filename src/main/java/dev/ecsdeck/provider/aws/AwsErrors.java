package dev.ecsdeck.provider.aws;

import dev.ecsdeck.provider.AccessDeniedException;
import dev.ecsdeck.provider.EcsException;
import dev.ecsdeck.provider.ErrorMapping;
import dev.ecsdeck.provider.Operation;
import dev.ecsdeck.provider.UnavailableException;
import java.util.Locale;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Turns the SDK's exceptions into the provider's typed errors: service errors keep ECS's error
 * code and message; missing or expired credentials say what to run; anything on the way (DNS,
 * refused or reset connections, time-outs) is "unavailable".
 */
final class AwsErrors {
    private final String profile;

    AwsErrors(String profile) {
        this.profile = profile;
    }

    <T> T call(Operation op, Supplier<T> body) {
        try {
            return body.get();
        } catch (AwsServiceException e) {
            throw map(op, e);
        } catch (SdkClientException e) {
            throw map(op, e);
        }
    }

    EcsException map(Operation op, AwsServiceException e) {
        AwsErrorDetails d = e.awsErrorDetails();
        String code = d == null ? null : d.errorCode();
        String message = d == null || d.errorMessage() == null ? e.getMessage() : d.errorMessage();
        return ErrorMapping.map(op, code, message, e.statusCode(), e);
    }

    EcsException map(Operation op, SdkClientException e) {
        String message = String.valueOf(e.getMessage());
        String lower = message.toLowerCase(Locale.ROOT);
        String who = profile == null ? "" : " --profile " + profile;
        if (lower.contains("sso") && (lower.contains("expired") || lower.contains("invalid") || lower.contains("token"))) {
            return new AccessDeniedException(op, "SsoSessionExpired", "The SSO session" + (profile == null ? "" : " of profile " + profile)
                    + " has expired.", "Run: aws sso login" + who);
        }
        if (lower.contains("unable to load credentials") || lower.contains("unable to load region")
                || lower.contains("profile file contained no credentials") || lower.contains("credentials")) {
            return new AccessDeniedException(op, "CredentialsUnavailable", firstLine(message),
                    "Configure credentials for the profile (aws configure" + who + ", or aws sso login" + who + ").");
        }
        return new UnavailableException(op, "ConnectionError", firstLine(message), e);
    }

    private static String firstLine(String message) {
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
