package dev.ecsdeck.provider.contract;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.model.Cluster;
import dev.ecsdeck.model.EcsService;
import dev.ecsdeck.model.EcsTask;
import dev.ecsdeck.model.LogEvent;
import dev.ecsdeck.model.LogGroupInfo;
import dev.ecsdeck.model.LogStreamInfo;
import dev.ecsdeck.model.LogStreamRef;
import dev.ecsdeck.model.ScalingPolicy;
import dev.ecsdeck.model.ServiceScaling;
import dev.ecsdeck.model.TargetTrackingConfig;
import dev.ecsdeck.model.TaskDefinition;
import dev.ecsdeck.provider.InvalidInputException;
import dev.ecsdeck.provider.LogPage;
import dev.ecsdeck.provider.LogQuery;
import dev.ecsdeck.provider.LogSink;
import dev.ecsdeck.provider.LogStreamResolver;
import dev.ecsdeck.provider.LogSubscription;
import dev.ecsdeck.provider.LogTailRequest;
import dev.ecsdeck.provider.NotFoundException;
import dev.ecsdeck.model.Page;
import dev.ecsdeck.model.RunTaskRequest;
import dev.ecsdeck.provider.ServiceUpdate;
import dev.ecsdeck.provider.TaskFilter;
import dev.ecsdeck.sim.DemoSim;
import dev.ecsdeck.sim.ecs.CreateServiceRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What every provider must do, the same way: run against the simulator in process and against the
 * AWS SDK provider talking to the served simulator over HTTP. Each test starts from the demo
 * scenario on a manual clock.
 */
abstract class EcsProviderContract extends ContractFixture {
    static final Instant T0 = DemoSim.START;

    /** A cluster of {@code n} services of {@code tasksEach} Fargate tasks, made directly in the engine. */
    private void bigCluster(String name, int n, int tasksEach) {
        engine.clusters().createCluster(name, null, null, null);
        for (int i = 0; i < n; i++) {
            engine.services().createService(CreateServiceRequest.replica(name, String.format("svc-%03d", i), "web:1", tasksEach,
                    "FARGATE", new dev.ecsdeck.model.NetworkConfiguration(new dev.ecsdeck.model.AwsVpcConfiguration(
                            List.of("subnet-0aa"), List.of("sg-0bb"), "DISABLED"))));
        }
    }

    @Test
    void listsTheClustersWithTheirCounts() {
        List<Cluster> clusters = provider.listClusters();
        assertEquals(List.of("prod-web", "prod-batch", "staging"), clusters.stream().map(Cluster::clusterName).toList());
        assertEquals(4, clusters.get(1).registeredContainerInstancesCount());
        assertTrue(clusters.get(0).runningTasksCount() > 10);
    }

    @Test
    void readsEveryPageOfMoreThanAHundredServicesAndTasks() {
        bigCluster("many", 150, 0);
        List<EcsService> services = provider.listServices("many");
        assertEquals(150, services.size());
        assertEquals(150, new HashSet<>(services.stream().map(EcsService::serviceName).toList()).size());
        engine.services().updateService("many", "svc-007", 130, null, false, null);
        clock.advance(Duration.ofMinutes(2));
        assertEquals(130, provider.listTasks("many", TaskFilter.ofService("svc-007")).size());
    }

    @Test
    void describesMoreThanTenServicesInOrder() {
        bigCluster("many", 30, 0);
        List<String> names = new ArrayList<>();
        for (int i = 29; i >= 5; i--) {
            names.add(String.format("svc-%03d", i));
        }
        List<EcsService> described = provider.describeServices("many", names);
        assertEquals(names, described.stream().map(EcsService::serviceName).toList());
    }

    @Test
    void typedErrorsForUnknownThings() {
        NotFoundException cluster = assertThrows(NotFoundException.class, () -> provider.listServices("no-such-cluster"));
        assertEquals("ClusterNotFoundException", cluster.errorCode());
        NotFoundException service = assertThrows(NotFoundException.class,
                () -> provider.updateService(ServiceUpdate.desiredCount("prod-web", "no-such-service", 1)));
        assertEquals("ServiceNotFoundException", service.errorCode());
        NotFoundException td = assertThrows(NotFoundException.class, () -> provider.describeTaskDefinition("no-such-family:1"));
        assertEquals("ClientException", td.errorCode());
        InvalidInputException bad = assertThrows(InvalidInputException.class,
                () -> provider.updateService(ServiceUpdate.desiredCount("prod-web", "web", -2)));
        assertEquals("InvalidParameterException", bad.errorCode());
    }

    @Test
    void registersDescribesAndDeregistersARevision() {
        TaskDefinition registered = provider.registerTaskDefinition("""
                {"family": "contract", "networkMode": "bridge",
                 "containerDefinitions": [{"name": "app", "image": "acme/app:1", "memory": 256, "essential": true,
                   "portMappings": [{"containerPort": 8080}], "environment": [{"name": "MODE", "value": "x"}]}]}
                """);
        assertEquals("contract", registered.family());
        assertEquals(1, registered.revision());
        TaskDefinition described = provider.describeTaskDefinition("contract:1");
        assertEquals(registered.taskDefinitionArn(), described.taskDefinitionArn());
        assertEquals(List.of("app"), described.containerNames());
        assertTrue(described.json().contains("\"MODE\""));
        provider.registerTaskDefinition("""
                {"family": "contract", "containerDefinitions": [{"name": "app", "image": "acme/app:2", "memory": 256}]}
                """);
        assertEquals("INACTIVE", provider.deregisterTaskDefinition("contract:1").status());
        assertEquals(1, provider.listTaskDefinitions("contract", false).size());
        List<String> all = provider.listTaskDefinitions("contract", true);
        assertEquals(2, all.size());
        assertTrue(all.get(0).endsWith("contract:2"), "newest first: " + all);
        assertThat(provider.listTaskDefinitionFamilies(), hasItems("contract", "web", "orders-api"));
    }

    @Test
    void changesAServiceStopsAndRunsTasks() {
        EcsService updated = provider.updateService(ServiceUpdate.desiredCount("prod-web", "web", 6));
        assertEquals(6, updated.desiredCount());
        clock.advance(Duration.ofMinutes(2));
        assertEquals(6, provider.describeServices("prod-web", List.of("web")).get(0).runningCount());

        EcsTask victim = provider.listTasks("prod-web", TaskFilter.ofService("web")).get(0);
        EcsTask stopping = provider.stopTask("prod-web", victim.taskArn(), "contract test");
        assertEquals("STOPPED", stopping.desiredStatus());
        assertEquals("contract test", stopping.stoppedReason());

        List<EcsTask> ran = provider.runTask(new RunTaskRequest("prod-batch", "reports-worker:1", 1, "EC2", null, null, null, "contract", null));
        assertEquals(1, ran.size());
        assertEquals("contract", ran.get(0).startedBy());
        assertEquals(4, provider.listContainerInstances("prod-batch").size());
    }

    @Test
    void aFargateTaskCarriesItsNetworkInterface() {
        EcsTask task = provider.listTasks("prod-web", TaskFilter.ofService("web")).get(0);
        dev.ecsdeck.model.Attachment eni = task.networkInterface().orElseThrow();
        assertEquals("ElasticNetworkInterface", eni.type());
        assertEquals("ATTACHED", eni.status());
        EcsTask inProcess = engine.tasks().describeTasks("prod-web", List.of(task.taskArn())).items().get(0);
        assertEquals(inProcess.attachments(), task.attachments(), "the same details as the simulator gave it");
        assertTrue(task.privateIpv4Address().orElseThrow().startsWith("10.0."));
        assertTrue(eni.detail("networkInterfaceId").orElseThrow().startsWith("eni-"));
        assertTrue(eni.detail("subnetId").orElseThrow().startsWith("subnet-0a1b2c3d4e5f6000"));
    }

    @Test
    void drainsReactivatesAndDeregistersAContainerInstance() {
        List<dev.ecsdeck.model.ContainerInstance> instances = provider.listContainerInstances("prod-batch");
        dev.ecsdeck.model.ContainerInstance busy = instances.stream().filter(i -> i.runningTasksCount() > 0).findFirst().orElseThrow();
        String arn = busy.containerInstanceArn();
        List<EcsTask> onIt = provider.listTasks("prod-batch", new TaskFilter(null, arn, null, null, "RUNNING"));
        assertEquals(busy.runningTasksCount(), onIt.size(), "ListTasks by container instance");
        onIt.forEach(t -> assertEquals(arn, t.containerInstanceArn()));

        assertEquals("DRAINING", provider.updateContainerInstancesState("prod-batch", List.of(arn), "DRAINING").get(0).status());
        assertEquals("DRAINING", status(arn));
        assertEquals("ACTIVE", provider.updateContainerInstancesState("prod-batch", List.of(arn), "ACTIVE").get(0).status());

        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> provider.deregisterContainerInstance("prod-batch", arn, false));
        assertEquals("InvalidParameterException", refused.errorCode());
        assertEquals("ACTIVE", status(arn), "refused: nothing changed");
        assertEquals("INACTIVE", provider.deregisterContainerInstance("prod-batch", arn, true).status());
        assertEquals(instances.size() - 1, provider.listContainerInstances("prod-batch").size());
    }

    private String status(String instanceArn) {
        return engine.clusters().describeContainerInstances("prod-batch", List.of(instanceArn)).items().get(0).status();
    }

    @Test
    void readsAndWritesAutoScaling() {
        ServiceScaling demo = provider.describeScaling("prod-web", "orders-api");
        assertEquals(2, demo.target().minCapacity());
        assertEquals(10, demo.target().maxCapacity());
        assertEquals(2, demo.policies().size(), "target tracking, and a step policy");
        assertEquals(TargetTrackingConfig.CPU, demo.policies().get(0).targetTracking().predefinedMetricType());

        assertEquals(false, provider.describeScaling("prod-web", "web").enabled());
        provider.registerScalableTarget("prod-web", "web", 2, 8);
        ScalingPolicy put = provider.putTargetTrackingPolicy("prod-web", "web", "web-mem",
                new TargetTrackingConfig(TargetTrackingConfig.MEMORY, null, 70, 60, 300, false));
        assertEquals("web-mem", put.policyName());
        ServiceScaling now = provider.describeScaling("prod-web", "web");
        assertEquals(8, now.target().maxCapacity());
        assertEquals(70.0, now.policies().get(0).targetTracking().targetValue());
        provider.deleteScalingPolicy("prod-web", "web", "web-mem");
        assertTrue(provider.describeScaling("prod-web", "web").policies().isEmpty());
        NotFoundException gone = assertThrows(NotFoundException.class, () -> provider.deleteScalingPolicy("prod-web", "web", "web-mem"));
        assertEquals("ObjectNotFoundException", gone.errorCode());
    }

    @Test
    void listsStepPoliciesAndScheduledActions() {
        ServiceScaling demo = provider.describeScaling("prod-web", "orders-api");
        ScalingPolicy step = demo.policies().get(1);
        assertEquals("orders-api-queue-backlog-step", step.policyName());
        assertEquals("StepScaling", step.policyType());
        assertEquals(null, step.targetTracking());
        assertEquals("ChangeInCapacity: +1 when 0–10 above the alarm, +3 above 10; cooldown 120 s", step.summary());
        assertEquals(1, demo.scheduledActions().size());
        var action = demo.scheduledActions().get(0);
        assertEquals("orders-api-weekday-mornings", action.scheduledActionName());
        assertEquals("cron(0 7 ? * MON-FRI *)", action.schedule());
        assertEquals("Europe/Berlin", action.timezone());
        assertEquals(4, action.minCapacity());
        assertEquals(10, action.maxCapacity());
        assertEquals("service/prod-web/orders-api", action.resourceId());
        assertTrue(action.scheduledActionArn().contains(":scheduledAction:"), action.scheduledActionArn());
    }

    @Test
    void filtersLogEventsPageByPage() {
        List<LogEvent> all = new ArrayList<>();
        String token = null;
        do {
            LogPage page = provider.filterLogEvents(new LogQuery("/ecs/web", List.of(), T0.minusSeconds(300).toEpochMilli(), null, token, 50));
            assertTrue(page.events().size() <= 50);
            all.addAll(page.events());
            token = page.nextToken();
        } while (token != null);
        assertTrue(all.size() > 200, "five minutes of four tasks' two containers: " + all.size());
        assertEquals(all.size(), new HashSet<>(all.stream().map(LogEvent::eventId).toList()).size());
    }

    @Test
    void listsLogGroupsByNamePrefixPageByPage() {
        List<String> names = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            Page<LogGroupInfo> page = provider.describeLogGroups("/ecs/", token);
            page.items().forEach(g -> names.add(g.logGroupName()));
            token = page.nextToken();
            pages++;
        } while (token != null && pages < 50);
        assertThat(names, hasItems("/ecs/web", "/ecs/orders-api"));
        names.forEach(n -> assertTrue(n.startsWith("/ecs/"), n));
        assertEquals(names.size(), new HashSet<>(names).size(), "no group twice");
        assertTrue(provider.describeLogGroups("/no-such-prefix/", null).items().isEmpty());
    }

    @Test
    void listsAGroupsStreamsNewestFirstOrByNamePrefix() {
        clock.advance(Duration.ofSeconds(5));
        Page<LogStreamInfo> newest = provider.describeLogStreams("/ecs/web", null, null);
        assertTrue(newest.items().size() >= 8, "two containers of four tasks: " + newest.items().size());
        for (int i = 1; i < newest.items().size(); i++) {
            assertTrue(newest.items().get(i - 1).lastEventTimestamp() >= newest.items().get(i).lastEventTimestamp(),
                    "newest first at " + i);
        }
        String name = newest.items().get(0).logStreamName();
        String prefix = name.substring(0, name.indexOf('/') + 1);
        Page<LogStreamInfo> byPrefix = provider.describeLogStreams("/ecs/web", prefix, null);
        assertTrue(byPrefix.items().stream().anyMatch(s -> s.logStreamName().equals(name)));
        List<String> names = byPrefix.items().stream().map(LogStreamInfo::logStreamName).toList();
        names.forEach(n -> assertTrue(n.startsWith(prefix), n));
        assertEquals(names.stream().sorted().toList(), names, "by name with a prefix");
        assertThrows(NotFoundException.class, () -> provider.describeLogStreams("/no/such/group", null, null));
    }

    /** Collects a tail's events and wakes waiters when enough arrived. */
    private static final class Collector implements LogSink {
        final List<LogEvent> events = new ArrayList<>();

        @Override
        public synchronized void accept(List<LogEvent> batch) {
            events.addAll(batch);
            notifyAll();
        }

        synchronized List<LogEvent> await(java.util.function.Predicate<List<LogEvent>> done) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!done.test(events)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("the tail did not deliver in time: " + events.size() + " events");
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            return List.copyOf(events);
        }
    }

    @Test
    void tailsAServiceWithNoGapAndNoDuplicate() throws Exception {
        List<LogStreamRef> streams = new LogStreamResolver(provider).forService("prod-web", "web").streams();
        assertEquals(8, streams.size(), "two containers of each of four tasks");
        long start = T0.minusSeconds(120).toEpochMilli();
        Collector sink = new Collector();
        try (LogSubscription tail = provider.tailLogs(new LogTailRequest(streams, start), sink)) {
            int before = expected(streams, start).size();
            sink.await(e -> e.size() >= before);
            for (int i = 0; i < 3; i++) {
                clock.advance(Duration.ofSeconds(20));
                int target = expected(streams, start).size();
                sink.await(e -> e.size() >= target);
            }
            List<LogEvent> got = sink.await(e -> true);
            List<LogEvent> want = expected(streams, start);
            Set<String> ids = new HashSet<>();
            got.forEach(e -> assertTrue(ids.add(e.logStreamName() + e.timestamp() + e.message()), "no duplicate: " + e));
            assertEquals(want.size(), got.size(), "no gap");
        }
    }

    /** Every event of the streams since {@code start}, read page by page through the engine. */
    private List<LogEvent> expected(List<LogStreamRef> streams, long start) {
        List<LogEvent> all = new ArrayList<>();
        String token = null;
        do {
            var page = engine.logs().filterLogEvents("/ecs/web", streams.stream().map(LogStreamRef::logStreamName).toList(), start, null,
                    token, null);
            all.addAll(page.items());
            token = page.nextToken();
        } while (token != null);
        return all;
    }
}
