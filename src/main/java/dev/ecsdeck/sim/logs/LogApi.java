package dev.ecsdeck.sim.logs;

import dev.ecsdeck.model.LogEvent;
import dev.ecsdeck.model.Page;
import dev.ecsdeck.sim.Paging;
import dev.ecsdeck.sim.SimApiException;
import dev.ecsdeck.sim.SimEngine;
import java.util.ArrayList;
import java.util.List;

/** The CloudWatch Logs calls: FilterLogEvents, GetLogEvents, DescribeLogGroups, DescribeLogStreams. */
public final class LogApi {
    private final SimEngine engine;

    public LogApi(SimEngine engine) {
        this.engine = engine;
    }

    /** A log group, as DescribeLogGroups lists it. */
    public record LogGroupInfo(String logGroupName, String arn, long creationTime, long storedBytes) {}

    /** A log stream, as DescribeLogStreams lists it. */
    public record LogStreamInfo(String logStreamName, String arn, long creationTime, Long firstEventTimestamp,
            Long lastEventTimestamp, Long lastIngestionTime) {}

    public Page<LogEvent> filterLogEvents(String group, List<String> streams, Long startTime, Long endTime, String nextToken,
            Integer limit) {
        synchronized (engine) {
            engine.advance();
            if (streams != null && streams.size() > 100) {
                throw SimApiException.invalidParameter("logStreamNames can have at most 100 items.");
            }
            return engine.logStore().filter(group, streams == null ? List.of() : streams, startTime, endTime, nextToken, limit,
                    engine.now().toEpochMilli());
        }
    }

    /**
     * A nextToken that reads on just after {@code event}: what a reader that has seen everything up
     * to that event sends to poll for newer ones (a page's own nextToken is null on the last page).
     */
    public String tokenAfter(LogEvent event) {
        return SimLogs.tokenAfter(event);
    }

    public Page<LogEvent> getLogEvents(String group, String stream, Long startTime, Long endTime, String nextToken, Integer limit) {
        synchronized (engine) {
            engine.advance();
            return engine.logStore().read(group, stream, startTime, endTime, nextToken, limit, engine.now().toEpochMilli());
        }
    }

    /**
     * GetLogEvents backward: the newest {@code limit} events before {@code beforeToken} (a {@link #tokenAfter} position,
     * null: the newest of all), oldest first. The page has no nextToken: the caller makes both tokens from its events.
     */
    public Page<LogEvent> getLogEventsBackward(String group, String stream, Long startTime, Long endTime, String beforeToken,
            Integer limit) {
        synchronized (engine) {
            engine.advance();
            return engine.logStore().readBackward(group, stream, startTime, endTime, beforeToken, limit, engine.now().toEpochMilli());
        }
    }

    public Page<LogGroupInfo> describeLogGroups(String prefix, String nextToken, Integer limit) {
        return describeLogGroups(prefix, null, nextToken, limit);
    }

    /**
     * DescribeLogGroups by name prefix, or by {@code pattern}: a case-sensitive substring of the name (the API's
     * logGroupNamePattern, as its documentation says). At most one of the two.
     */
    public Page<LogGroupInfo> describeLogGroups(String prefix, String pattern, String nextToken, Integer limit) {
        synchronized (engine) {
            engine.advance();
            List<LogGroupInfo> out = new ArrayList<>();
            engine.logStore().groupsByPrefix(prefix).forEach((name, g) -> {
                if (pattern == null || name.contains(pattern)) {
                    out.add(new LogGroupInfo(name, engine.ids().arn("logs", "log-group:" + name + ":*"), g.createdMs, 0));
                }
            });
            return Paging.page(out, nextToken, limit, 50, 50);
        }
    }

    /** DescribeLogStreams ordered by name, or by last event time (newest first when descending). */
    public Page<LogStreamInfo> describeLogStreams(String group, String prefix, boolean orderByLastEventTime, boolean descending,
            String nextToken, Integer limit) {
        synchronized (engine) {
            engine.advance();
            long now = engine.now().toEpochMilli();
            List<LogStreamInfo> out = new ArrayList<>();
            for (SimLogs.Stream s : engine.logStore().streams(group, prefix)) {
                long last = s.endMs == null ? now : s.endMs;
                out.add(new LogStreamInfo(s.name, engine.ids().arn("logs", "log-group:" + group + ":log-stream:" + s.name),
                        s.startMs, s.startMs, last, last));
            }
            if (orderByLastEventTime) {
                out.sort(java.util.Comparator.comparingLong(LogStreamInfo::lastEventTimestamp));
            }
            if (descending) {
                java.util.Collections.reverse(out);
            }
            return Paging.page(out, nextToken, limit, 50, 50);
        }
    }
}
