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
        EcsException mapped = ErrorMapping.map(op, code, message, e.statusCode(), e);
        if (mapped instanceof AccessDeniedException) {
            return new AccessDeniedException(op, mapped.errorCode(), mapped.getMessage(), remedyFor(op, mapped.errorCode()));
        }
        return mapped;
    }

    /** What to do, naming this profile, for an error code the service answered with. */
    String remedyFor(Operation op, String code) {
        String subject = profile == null ? "the default credentials" : "profile " + profile;
        String sso = profile == null ? "aws sso login" : "aws sso login --profile " + profile;
        if (code.startsWith("Expired")) {
            return "The session credentials of " + subject + " have expired: refresh them; for an SSO profile run: " + sso;
        }
        if (code.equals("UnrecognizedClientException") || code.equals("InvalidClientTokenId")) {
            return "The access key of " + subject + " is not valid in this account or region: check it ("
                    + (profile == null ? "aws configure" : "aws configure --profile " + profile) + ") or run: " + sso;
        }
        if (code.contains("Signature")) {
            return "The secret key of " + subject + " does not match its access key: check it, or check the computer's clock.";
        }
        String call = op == null ? "this call" : op.apiName();
        return subject.substring(0, 1).toUpperCase(Locale.ROOT) + subject.substring(1) + " may not call " + call
                + ": ask for that permission, or switch to a profile that has it. The rest of the console still works.";
    }

    EcsException map(Operation op, SdkClientException e) {
        // Classified on the message's own words only: the SDK appends a dump of the profile file (every profile's
        // name) to some messages, and a profile named "dev-sso" must not make a missing key look like SSO.
        String message = ownWords(e);
        String lower = message.toLowerCase(Locale.ROOT);
        String who = profile == null ? "" : " --profile " + profile;
        if (ssoExpired(e) || lower.contains("sso") && (lower.contains("expired") || lower.contains("invalid") || lower.contains("token"))) {
            return new AccessDeniedException(op, "SsoSessionExpired", "The SSO session" + (profile == null ? "" : " of profile " + profile)
                    + " has expired or is not logged in.", "Run: aws sso login" + who);
        }
        if (lower.contains("profile file contained no credentials")) {
            return new AccessDeniedException(op, "CredentialsUnavailable", "Profile " + profile
                    + " is not in the AWS configuration, or has no credentials there.",
                    "Configure it: aws configure" + who + " (access keys), or aws configure sso" + who + " and aws sso login" + who + ".");
        }
        if (lower.contains("unable to load credentials") || lower.contains("unable to load region") || lower.contains("credentials")) {
            return new AccessDeniedException(op, "CredentialsUnavailable", firstLine(message),
                    "Configure credentials for the profile (aws configure" + who + ", or aws sso login" + who + ").");
        }
        return new UnavailableException(op, "ConnectionError", firstLine(message), e);
    }

    /** The SDK's SSO token provider says so by type when the cached token has expired. */
    private static boolean ssoExpired(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getClass().getName().equals("software.amazon.awssdk.services.sso.auth.ExpiredTokenException")) {
                return true;
            }
        }
        return false;
    }

    /** The exception's message without the profile-file dump the SDK adds to some of them. */
    private static String ownWords(SdkClientException e) {
        String message = String.valueOf(e.getMessage());
        int dump = message.indexOf("ProfileFile(");
        return dump < 0 ? message : message.substring(0, dump).replaceAll("[:\\s]+$", "");
    }

    private static String firstLine(String message) {
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
