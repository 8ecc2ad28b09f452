package dev.ecsdeck.provider.aws;

import dev.ecsdeck.model.LogEvent;
import dev.ecsdeck.model.LogGroupInfo;
import dev.ecsdeck.model.LogStreamInfo;
import dev.ecsdeck.model.LogStreamRef;
import dev.ecsdeck.provider.LogPage;
import dev.ecsdeck.provider.LogQuery;
import dev.ecsdeck.provider.LogSink;
import dev.ecsdeck.provider.LogSubscription;
import dev.ecsdeck.provider.LogTailRequest;
import dev.ecsdeck.provider.Operation;
import dev.ecsdeck.model.Page;
import dev.ecsdeck.provider.PollingLogTail;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkPlugin;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsServiceClientConfiguration;
import software.amazon.awssdk.services.cloudwatchlogs.model.OrderBy;

/**
 * CloudWatch Logs for the console: FilterLogEvents pages, and tails. A tail uses StartLiveTail
 * where the endpoint supports it (one log group, lines pushed as they are ingested) and falls back
 * to FilterLogEvents polling about every second where it does not, or when a live session ends,
 * fails or starts sampling (which would drop lines).
 */
final class AwsLogs implements AutoCloseable {
    /** FilterLogEvents polling interval of a tail. */
    static final long POLL_INTERVAL_MS = 1_000;
    /** DescribeLogGroups and DescribeLogStreams pages: 50, their largest. */
    private static final int PAGE_SIZE = 50;

    private static final SdkPlugin NO_RETRY = config -> {
        var logsConfig = (CloudWatchLogsServiceClientConfiguration.Builder) config;
        logsConfig.overrideConfiguration(logsConfig.overrideConfiguration().toBuilder().retryStrategy(AwsRetryStrategy.doNotRetry()).build());
    };

    private final AwsClients clients;
    private final AwsErrors errors;
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "aws-log-tail");
        t.setDaemon(true);
        return t;
    });

    AwsLogs(AwsClients clients, AwsErrors errors) {
        this.clients = clients;
        this.errors = errors;
    }

    LogPage filter(LogQuery q) {
        return filter(q, false);
    }

    /**
     * A tail's read: one attempt, no SDK retry. The tail retries on its own, from where it stopped,
     * and shows "Retrying in N s" meanwhile; SDK retries would stall it silently for up to a minute.
     */
    LogPage filterOnce(LogQuery q) {
        return filter(q, true);
    }

    private LogPage filter(LogQuery q, boolean once) {
        var r = errors.call(Operation.FILTER_LOG_EVENTS, () -> clients.logs.filterLogEvents(b -> {
            b.logGroupName(q.logGroupName()).startTime(q.startTime()).endTime(q.endTime()).nextToken(q.nextToken()).limit(q.limit());
            if (!q.logStreamNames().isEmpty()) {
                b.logStreamNames(q.logStreamNames());
            }
            if (once) {
                b.overrideConfiguration(o -> o.addPlugin(NO_RETRY));
            }
        }));
        List<LogEvent> events = new ArrayList<>(r.events().size());
        r.events().forEach(e -> events.add(new LogEvent(e.eventId(), q.logGroupName(), e.logStreamName(),
                e.timestamp() == null ? 0 : e.timestamp(), e.ingestionTime() == null ? 0 : e.ingestionTime(), e.message())));
        return new LogPage(events, r.nextToken());
    }

    Page<LogGroupInfo> describeLogGroups(String namePrefix, String nextToken) {
        var r = errors.call(Operation.DESCRIBE_LOG_GROUPS, () -> clients.logs.describeLogGroups(b -> b
                .logGroupNamePrefix(namePrefix == null || namePrefix.isEmpty() ? null : namePrefix).nextToken(nextToken).limit(PAGE_SIZE)));
        List<LogGroupInfo> groups = new ArrayList<>(r.logGroups().size());
        r.logGroups().forEach(g -> groups.add(new LogGroupInfo(g.logGroupName(), g.creationTime() == null ? 0 : g.creationTime(),
                g.storedBytes() == null ? 0 : g.storedBytes())));
        return new Page<>(groups, r.nextToken());
    }

    /** Newest first by last event time; by name with a prefix (CloudWatch refuses that order with a prefix). */
    Page<LogStreamInfo> describeLogStreams(String group, String namePrefix, String nextToken) {
        boolean byName = namePrefix != null && !namePrefix.isEmpty();
        var r = errors.call(Operation.DESCRIBE_LOG_STREAMS, () -> clients.logs.describeLogStreams(b -> {
            b.logGroupName(group).nextToken(nextToken).limit(PAGE_SIZE);
            if (byName) {
                b.logStreamNamePrefix(namePrefix).orderBy(OrderBy.LOG_STREAM_NAME);
            } else {
                b.orderBy(OrderBy.LAST_EVENT_TIME).descending(true);
            }
        }));
        List<LogStreamInfo> streams = new ArrayList<>(r.logStreams().size());
        r.logStreams().forEach(s -> streams.add(new LogStreamInfo(s.logStreamName(), s.creationTime() == null ? 0 : s.creationTime(),
                s.firstEventTimestamp(), s.lastEventTimestamp())));
        return new Page<>(streams, r.nextToken());
    }

    LogSubscription tail(LogTailRequest request, LogSink sink) {
        Set<String> groups = new LinkedHashSet<>();
        request.streams().forEach((LogStreamRef ref) -> groups.add(ref.logGroupName()));
        // A tail with an end (a stopped task's streams) has nothing to be pushed: it reads by polling.
        if (request.endTime() == null && groups.size() == 1 && request.streams().size() <= LiveTailSession.MAX_STREAMS) {
            return new LiveTailSession(clients, this, request, sink, groups.iterator().next()).start();
        }
        return polling(request, sink);
    }

    ScheduledExecutorService scheduler() {
        return scheduler;
    }

    PollingLogTail polling(LogTailRequest request, LogSink sink) {
        return pollingTail(request, sink, null).start(scheduler);
    }

    /** A polling tail not started yet, for tests that drive it poll by poll (with small pages, to see paging). */
    PollingLogTail pollingTail(LogTailRequest request, LogSink sink, Integer pageSize) {
        return new PollingLogTail(this::filterOnce, request, sink, POLL_INTERVAL_MS, pageSize);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
