package dev.ecsdeck.provider;

import java.util.List;

/**
 * A FilterLogEvents call over one log group: the named streams (all when empty), events with
 * timestamp in [startTime, endTime) (epoch ms; null for open), one page of at most {@code limit}.
 */
public record LogQuery(String logGroupName, List<String> logStreamNames, Long startTime, Long endTime, String nextToken, Integer limit) {
    public LogQuery {
        logStreamNames = logStreamNames == null ? List.of() : List.copyOf(logStreamNames);
    }

    public LogQuery withNextToken(String token) {
        return new LogQuery(logGroupName, logStreamNames, startTime, endTime, token, limit);
    }
}
