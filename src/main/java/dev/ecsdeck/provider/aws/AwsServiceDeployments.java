package dev.ecsdeck.provider.aws;

import dev.ecsdeck.model.ServiceDeployment;
import dev.ecsdeck.model.ServiceDeploymentBrief;
import dev.ecsdeck.model.ServiceRevision;
import dev.ecsdeck.provider.BatchingEcsProvider;
import dev.ecsdeck.provider.Operation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.StopServiceDeploymentStopType;

/**
 * The service deployment calls of {@link AwsEcsProvider} on the SDK's ECS client: every page of
 * ListServiceDeployments, the Describe calls 20 ARNs at a time (ARNs ECS reports as failures are
 * left out), and the two calls that act on a deployment in flight.
 */
final class AwsServiceDeployments {
    /** DescribeServiceDeployments and DescribeServiceRevisions take at most 20 ARNs a call. */
    static final int MAX_DESCRIBE = 20;

    private final EcsClient ecs;
    private final AwsErrors errors;

    AwsServiceDeployments(EcsClient ecs, AwsErrors errors) {
        this.ecs = ecs;
        this.errors = errors;
    }

    /** Every deployment of the service, newest first (ECS lists them so; the sort keeps that true across pages). */
    List<ServiceDeploymentBrief> list(String cluster, String service) {
        List<ServiceDeploymentBrief> all = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            var r = errors.call(Operation.LIST_SERVICE_DEPLOYMENTS, () -> ecs.listServiceDeployments(
                    b -> b.cluster(cluster).service(service).nextToken(next).maxResults(BatchingEcsProvider.MAX_LIST_RESULTS)));
            all.addAll(AwsModels.list(r.serviceDeployments(), ServiceDeploymentBrief.class));
            token = r.nextToken();
        } while (token != null);
        all.sort(Comparator.comparing(ServiceDeploymentBrief::createdAt, Comparator.nullsLast(Comparator.<Instant>reverseOrder())));
        return all;
    }

    List<ServiceDeployment> describe(List<String> arns) {
        return inTwenties(arns, batch -> {
            var r = errors.call(Operation.DESCRIBE_SERVICE_DEPLOYMENTS, () -> ecs.describeServiceDeployments(b -> b.serviceDeploymentArns(batch)));
            return AwsModels.list(r.serviceDeployments(), ServiceDeployment.class);
        });
    }

    List<ServiceRevision> revisions(List<String> arns) {
        return inTwenties(arns, batch -> {
            var r = errors.call(Operation.DESCRIBE_SERVICE_REVISIONS, () -> ecs.describeServiceRevisions(b -> b.serviceRevisionArns(batch)));
            return AwsModels.list(r.serviceRevisions(), ServiceRevision.class);
        });
    }

    void stop(String serviceDeploymentArn) {
        errors.call(Operation.STOP_SERVICE_DEPLOYMENT, () -> ecs.stopServiceDeployment(
                b -> b.serviceDeploymentArn(serviceDeploymentArn).stopType(StopServiceDeploymentStopType.ROLLBACK)));
    }

    void continueAt(String serviceDeploymentArn, String hookId, String action) {
        errors.call(Operation.CONTINUE_SERVICE_DEPLOYMENT, () -> ecs.continueServiceDeployment(
                b -> b.serviceDeploymentArn(serviceDeploymentArn).hookId(hookId).action(action)));
    }

    private static <T> List<T> inTwenties(List<String> arns, Function<List<String>, List<T>> describe) {
        List<T> out = new ArrayList<>();
        for (int i = 0; i < arns.size(); i += MAX_DESCRIBE) {
            out.addAll(describe.apply(List.copyOf(arns.subList(i, Math.min(arns.size(), i + MAX_DESCRIBE)))));
        }
        return out;
    }
}
