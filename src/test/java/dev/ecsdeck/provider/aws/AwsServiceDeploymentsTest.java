package dev.ecsdeck.provider.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ecsdeck.model.ServiceDeploymentBrief;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.DescribeServiceDeploymentsRequest;
import software.amazon.awssdk.services.ecs.model.DescribeServiceDeploymentsResponse;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.ListServiceDeploymentsRequest;
import software.amazon.awssdk.services.ecs.model.ListServiceDeploymentsResponse;
import software.amazon.awssdk.services.ecs.model.ServiceDeployment;

/** The paging and batching of the service deployment calls, on an ECS client that answers from memory. */
class AwsServiceDeploymentsTest {
    private static final Instant T0 = Instant.parse("2026-11-22T09:00:00Z");

    /** Answers ListServiceDeployments in pages of {@code pageSize}, whatever maxResults asks, and records every request. */
    private static final class PagedEcs implements EcsClient {
        final List<String> arns = new ArrayList<>();
        final List<ListServiceDeploymentsRequest> lists = new ArrayList<>();
        final List<List<String>> describes = new ArrayList<>();
        final int pageSize;

        PagedEcs(int deployments, int pageSize) {
            for (int i = deployments - 1; i >= 0; i--) {
                arns.add("arn:aws:ecs:us-east-1:000000000000:service-deployment/c/s/" + i);
            }
            this.pageSize = pageSize;
        }

        @Override
        public ListServiceDeploymentsResponse listServiceDeployments(ListServiceDeploymentsRequest r) {
            lists.add(r);
            int from = r.nextToken() == null ? 0 : Integer.parseInt(r.nextToken());
            int to = Math.min(arns.size(), from + pageSize);
            List<software.amazon.awssdk.services.ecs.model.ServiceDeploymentBrief> page = new ArrayList<>();
            for (int i = from; i < to; i++) {
                page.add(software.amazon.awssdk.services.ecs.model.ServiceDeploymentBrief.builder().serviceDeploymentArn(arns.get(i))
                        .createdAt(T0.minusSeconds(i)).status("SUCCESSFUL").build());
            }
            return ListServiceDeploymentsResponse.builder().serviceDeployments(page).nextToken(to < arns.size() ? String.valueOf(to) : null)
                    .build();
        }

        @Override
        public DescribeServiceDeploymentsResponse describeServiceDeployments(DescribeServiceDeploymentsRequest r) {
            describes.add(r.serviceDeploymentArns());
            List<ServiceDeployment> found = new ArrayList<>();
            List<Failure> failures = new ArrayList<>();
            for (String arn : r.serviceDeploymentArns()) {
                if (arns.contains(arn)) {
                    found.add(ServiceDeployment.builder().serviceDeploymentArn(arn).status("SUCCESSFUL").build());
                } else {
                    failures.add(Failure.builder().arn(arn).reason("MISSING").build());
                }
            }
            return DescribeServiceDeploymentsResponse.builder().serviceDeployments(found).failures(failures).build();
        }

        @Override
        public String serviceName() {
            return "ecs";
        }

        @Override
        public void close() {}
    }

    @Test
    void listsEveryPageToTheEndNewestFirst() {
        PagedEcs ecs = new PagedEcs(45, 20);
        List<ServiceDeploymentBrief> all = new AwsServiceDeployments(ecs, new AwsErrors(null)).list("c", "s");
        assertEquals(ecs.arns, all.stream().map(ServiceDeploymentBrief::serviceDeploymentArn).toList());
        assertEquals(3, ecs.lists.size(), "pages of 20, 20 and 5");
        assertEquals(100, ecs.lists.get(0).maxResults(), "the largest page ECS allows");
        assertEquals("c", ecs.lists.get(0).cluster());
        assertEquals("s", ecs.lists.get(0).service());
    }

    @Test
    void describesTwentyAtATimeAndLeavesFailuresOut() {
        PagedEcs ecs = new PagedEcs(44, 20);
        List<String> asked = new ArrayList<>(ecs.arns);
        asked.add(3, "arn:aws:ecs:us-east-1:000000000000:service-deployment/c/s/unknown");
        List<dev.ecsdeck.model.ServiceDeployment> described = new AwsServiceDeployments(ecs, new AwsErrors(null)).describe(asked);
        assertEquals(ecs.arns, described.stream().map(dev.ecsdeck.model.ServiceDeployment::serviceDeploymentArn).toList());
        assertEquals(List.of(20, 20, 5), ecs.describes.stream().map(List::size).toList());
    }
}
