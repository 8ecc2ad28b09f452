package dev.ecsdeck.sim;

import dev.ecsdeck.model.AwsVpcConfiguration;
import dev.ecsdeck.model.LogStreamRef;
import dev.ecsdeck.model.NetworkConfiguration;
import dev.ecsdeck.sim.ecs.CreateServiceRequest;
import dev.ecsdeck.sim.logs.LogApi;
import dev.ecsdeck.model.LogEvent;
import dev.ecsdeck.model.Page;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A service whose containers write numbered lines ("seq=<n> source=app", one every two seconds per
 * task, image {@code ecsdeck/seq-logger}), for tests and benchmarks that count every line a tail delivers.
 */
public final class SeqLogService {
    public static final String CLUSTER = "logs";
    public static final String SERVICE = "seq";
    public static final String GROUP = "/ecs/seq";

    private SeqLogService() {}

    /** Creates the cluster and the service of {@code tasks} tasks, and runs the engine until they write. */
    public static void create(SimEngine engine, int tasks) {
        engine.clusters().createCluster(CLUSTER, null, null, null);
        String td = engine.taskDefinitions().register("""
                {"family": "seq", "networkMode": "awsvpc", "requiresCompatibilities": ["FARGATE"], "cpu": "256", "memory": "512",
                 "executionRoleArn": "arn:aws:iam::000000000000:role/ecsTaskExecutionRole",
                 "containerDefinitions": [{"name": "app", "image": "ecsdeck/seq-logger:1", "essential": true,
                   "logConfiguration": {"logDriver": "awslogs", "options": {"awslogs-group": "%s", "awslogs-region": "us-east-1",
                     "awslogs-stream-prefix": "ecs"}}}]}
                """.formatted(GROUP)).familyRevision();
        NetworkConfiguration vpc = new NetworkConfiguration(new AwsVpcConfiguration(List.of("subnet-0aa"), List.of("sg-0cc"), "DISABLED"));
        engine.services().createService(CreateServiceRequest.replica(CLUSTER, SERVICE, td, tasks, "FARGATE", vpc));
        engine.advance();
    }

    /** The running service's log streams, one per task, by name (none before the first task runs). */
    public static List<LogStreamRef> streams(SimEngine engine) {
        List<LogStreamRef> out = new ArrayList<>();
        if (engine.logs().describeLogGroups(GROUP, null, null).items().isEmpty()) {
            return out;
        }
        for (LogApi.LogStreamInfo s : engine.logs().describeLogStreams(GROUP, "ecs/app/", false, false, null, 50).items()) {
            String name = s.logStreamName();
            out.add(new LogStreamRef(GROUP, name, name.substring(name.lastIndexOf('/') + 1), "app"));
        }
        return out;
    }

    /** The number in a line this service wrote. */
    public static long seq(String message) {
        int from = message.indexOf("seq=") + 4;
        return Long.parseLong(message.substring(from, message.indexOf(' ', from)));
    }

    /** Runs the simulation second by second until each of the service's {@code tasks} has its stream (at most 300 s); its streams. */
    public static List<LogStreamRef> runUntilStreams(SimEngine engine, ManualClock clock, int tasks) {
        create(engine, tasks);
        for (int s = 0; s < 300 && streams(engine).size() < tasks; s++) {
            clock.advance(Duration.ofSeconds(1));
            engine.advance();
        }
        return streams(engine);
    }

    /**
     * The numbers each stream holds (ingested by now) since {@code start}, read from the simulator directly; streams
     * without a line are left out when {@code withLinesOnly} (as a sink that only hears of lines has them).
     */
    public static Map<String, List<Long>> written(SimEngine engine, List<LogStreamRef> streams, long start, boolean withLinesOnly) {
        Map<String, List<Long>> out = new HashMap<>();
        for (LogStreamRef ref : streams) {
            List<Long> seqs = new ArrayList<>();
            String token = null;
            do {
                Page<LogEvent> page = engine.logs().filterLogEvents(GROUP, List.of(ref.logStreamName()), start, null, token, 1000);
                page.items().forEach(e -> seqs.add(seq(e.message())));
                token = page.nextToken();
            } while (token != null);
            if (!withLinesOnly || !seqs.isEmpty()) {
                out.put(ref.logStreamName(), seqs);
            }
        }
        return out;
    }
}
