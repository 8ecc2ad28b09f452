package dev.ecsdeck.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.model.Cluster;
import dev.ecsdeck.model.ContainerInstance;
import dev.ecsdeck.model.EcsService;
import dev.ecsdeck.model.EcsTask;
import dev.ecsdeck.model.ExecuteCommandSession;
import dev.ecsdeck.model.Page;
import dev.ecsdeck.model.RunTaskRequest;
import dev.ecsdeck.model.ScalableTarget;
import dev.ecsdeck.model.ScalingActivity;
import dev.ecsdeck.model.ScalingPolicy;
import dev.ecsdeck.model.ServiceScaling;
import dev.ecsdeck.model.ServiceUtilization;
import dev.ecsdeck.model.TargetTrackingConfig;
import dev.ecsdeck.model.TaskDefinition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BatchingEcsProviderTest {

    /** A backend of n services that checks ECS's limits on every call and counts the calls. */
    private static final class CountingBackend extends BatchingEcsProvider {
        final List<String> arns = new ArrayList<>();
        final AtomicInteger listCalls = new AtomicInteger();
        final AtomicInteger describeCalls = new AtomicInteger();
        final Set<String> describeThreads = Collections.synchronizedSet(new HashSet<>());
        String failOn;

        CountingBackend(int services) {
            super(4, "test-describe");
            for (int i = 0; i < services; i++) {
                arns.add(String.format("arn:aws:ecs:us-east-1:0:service/c/svc-%04d", i));
            }
        }

        @Override
        public List<dev.ecsdeck.model.ServiceDeploymentBrief> listServiceDeployments(String cluster, String service) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<dev.ecsdeck.model.ServiceDeployment> describeServiceDeployments(List<String> arns) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<dev.ecsdeck.model.ServiceRevision> describeServiceRevisions(List<String> arns) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void stopServiceDeployment(String arn) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void continueServiceDeployment(String arn, String hookId, String action) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<dev.ecsdeck.model.TargetGroup> describeTargetGroups(List<String> arns) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<dev.ecsdeck.model.TargetHealth> describeTargetHealth(String targetGroupArn) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<dev.ecsdeck.model.ListenerRule> describeListenerRules(String loadBalancerArn) {
            throw new UnsupportedOperationException();
        }

        @Override
        protected Page<String> listServicesPage(String cluster, String nextToken) {
            listCalls.incrementAndGet();
            int from = nextToken == null ? 0 : Integer.parseInt(nextToken);
            int to = Math.min(arns.size(), from + MAX_LIST_RESULTS);
            return new Page<>(arns.subList(from, to), to < arns.size() ? String.valueOf(to) : null);
        }

        @Override
        protected List<EcsService> describeServicesBatch(String cluster, List<String> services) {
            describeCalls.incrementAndGet();
            describeThreads.add(Thread.currentThread().getName());
            if (services.size() > 10) {
                throw new InvalidInputException(Operation.DESCRIBE_SERVICES, "InvalidParameterException", "services can have at most 10 items.", "services");
            }
            if (failOn != null && services.contains(failOn)) {
                throw new ThrottledException(Operation.DESCRIBE_SERVICES, "ThrottlingException", "Rate exceeded");
            }
            List<EcsService> out = new ArrayList<>();
            for (String arn : services) {
                out.add(new EcsService(arn, arn.substring(arn.lastIndexOf('/') + 1), "c", "ACTIVE", 1, 1, 0, "FARGATE", null, null, "td:1",
                        null, null, null, null, null, null, null, null, null, "REPLICA", null, null));
            }
            return out;
        }

        // ---- not used here ----
        @Override
        protected Page<String> listClustersPage(String nextToken) {
            throw new UnsupportedOperationException();
        }

        @Override
        protected List<Cluster> describeClustersBatch(List<String> clusters) {
            throw new UnsupportedOperationException();
        }

        @Override
        protected Page<String> listTasksPage(String cluster, TaskFilter filter, String nextToken) {
            throw new UnsupportedOperationException();
        }

        @Override
        protected List<EcsTask> describeTasksBatch(String cluster, List<String> tasks) {
            throw new UnsupportedOperationException();
        }

        @Override
        protected Page<String> listContainerInstancesPage(String cluster, String nextToken) {
            throw new UnsupportedOperationException();
        }

        @Override
        protected List<ContainerInstance> describeContainerInstancesBatch(String cluster, List<String> instances) {
            throw new UnsupportedOperationException();
        }

        @Override
        protected Page<String> listTaskDefinitionFamiliesPage(String nextToken) {
            throw new UnsupportedOperationException();
        }

        @Override
        protected Page<String> listTaskDefinitionsPage(String family, boolean includeInactive, String nextToken) {
            throw new UnsupportedOperationException();
        }

        @Override
        public BackendDescription description() {
            return BackendDescription.simulator("test");
        }

        @Override
        public TaskDefinition describeTaskDefinition(String taskDefinition) {
            throw new UnsupportedOperationException();
        }

        @Override
        public TaskDefinition registerTaskDefinition(String requestJson) {
            throw new UnsupportedOperationException();
        }

        @Override
        public TaskDefinition deregisterTaskDefinition(String taskDefinition) {
            throw new UnsupportedOperationException();
        }

        @Override
        public EcsService updateService(ServiceUpdate update) {
            throw new UnsupportedOperationException();
        }

        @Override
        public EcsTask stopTask(String cluster, String task, String reason) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<EcsTask> runTask(RunTaskRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ExecuteCommandSession executeCommand(String cluster, String task, String container, String command) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ServiceScaling describeScaling(String cluster, String service) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<ScalingActivity> describeScalingActivities(String cluster, String service) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ScalableTarget registerScalableTarget(String cluster, String service, int minCapacity, int maxCapacity) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ScalingPolicy putTargetTrackingPolicy(String cluster, String service, String policyName, TargetTrackingConfig config) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void deleteScalingPolicy(String cluster, String service, String policyName) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<ServiceUtilization> serviceUtilization(String cluster, String service, Instant since) {
            throw new UnsupportedOperationException();
        }

        @Override
        public LogPage filterLogEvents(LogQuery query) {
            throw new UnsupportedOperationException();
        }

        @Override
        public LogSubscription tailLogs(LogTailRequest request, LogSink sink) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void readsEveryPageAndDescribesInBatchesOfTen() {
        try (CountingBackend backend = new CountingBackend(2_345)) {
            List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());
            Set<String> names = Collections.synchronizedSet(new HashSet<>());
            backend.streamServices("c", batch -> {
                batchSizes.add(batch.size());
                batch.forEach(s -> names.add(s.serviceName()));
            });
            assertEquals(2_345, names.size(), "nothing truncated");
            assertEquals(24, backend.listCalls.get(), "ceil(2345 / 100) ListServices");
            assertEquals(235, backend.describeCalls.get(), "ceil(2345 / 10) DescribeServices");
            assertTrue(batchSizes.stream().allMatch(n -> n <= 10));
            assertTrue(backend.describeThreads.size() > 1, "batches run in parallel: " + backend.describeThreads);
        }
    }

    @Test
    void describeKeepsInputOrderAcrossBatches() {
        try (CountingBackend backend = new CountingBackend(35)) {
            List<String> wanted = new ArrayList<>(backend.arns);
            Collections.reverse(wanted);
            List<String> got = backend.describeServices("c", wanted).stream().map(EcsService::serviceArn).toList();
            assertEquals(wanted, got);
            assertEquals(4, backend.describeCalls.get());
        }
    }

    @Test
    void aFailingBatchFailsTheWholeListing() {
        try (CountingBackend backend = new CountingBackend(300)) {
            backend.failOn = backend.arns.get(250);
            assertThrows(ThrottledException.class, () -> backend.listServices("c"));
        }
    }
}
