package dev.ecsdeck.sim.wire.logs;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import dev.ecsdeck.sim.ApiFaults;
import dev.ecsdeck.sim.SimApiException;
import dev.ecsdeck.sim.SimEngine;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The served StartLiveTail sessions of one wire server: at most {@link #maxSessions} at once (more are refused with
 * LimitExceededException, as CloudWatch Logs refuses sessions over its quota), each ending at the session timeout
 * (3 hours, as on AWS; tests shorten it), when its client goes away, or when the server closes.
 */
public final class LiveTailSessions implements AutoCloseable {
    public static final String OPERATION = "StartLiveTail";
    /**
     * The fault point before each sessionUpdate, for {@link ApiFaults#failNext} (the session ends with a
     * SessionStreamingException carrying the fault's message), {@link ApiFaults#dropNext} (the connection is cut
     * mid-stream) and {@link ApiFaults#passNext} (that many updates go out first).
     */
    public static final String UPDATE_FAULT = "StartLiveTail.sessionUpdate";
    public static final Duration AWS_SESSION_TIMEOUT = Duration.ofHours(3);
    /** CloudWatch Logs' default quota of concurrent Live Tail sessions per account and region. */
    public static final int AWS_MAX_SESSIONS = 15;

    /** Thrown out of the HTTP handler so the server cuts the connection with no end of stream (an injected failure). */
    public static final class ConnectionDropped extends RuntimeException {
        ConnectionDropped() {
            super("Live Tail connection dropped (injected)", null, false, false);
        }
    }

    private final ApiFaults faults;
    private final Set<LiveTailStream> open = ConcurrentHashMap.newKeySet();
    private volatile Duration sessionTimeout = AWS_SESSION_TIMEOUT;
    private volatile int maxSessions = AWS_MAX_SESSIONS;
    private volatile boolean closed;

    public LiveTailSessions(ApiFaults faults) {
        this.faults = faults;
    }

    /** Whether the operation is this one, served as a stream rather than one reply. */
    public static boolean serves(String targetPrefix, String operation) {
        return LogsOperations.TARGET_PREFIX.equals(targetPrefix) && OPERATION.equals(operation);
    }

    /** How long a session lasts in simulated time (sessions already open keep theirs). */
    public void sessionTimeout(Duration timeout) {
        this.sessionTimeout = timeout;
    }

    public void maxSessions(int max) {
        this.maxSessions = max;
    }

    public int openSessions() {
        return open.size();
    }

    /**
     * Streams one session on {@code ex} until it ends. {@code start} is the operation's checked result (the
     * sessionStart members). Throws SimApiException before anything is sent (the caller answers it as an error),
     * and {@link ConnectionDropped} when the connection must be cut without an end.
     */
    public void stream(HttpExchange ex, SimEngine engine, JsonNode start, String requestId) throws IOException {
        LiveTailStream session = new LiveTailStream(engine, faults, LiveTailQuery.fromJson(start), requestId, sessionTimeout);
        synchronized (this) {
            if (closed) {
                throw new SimApiException("ServiceUnavailableException", "The simulator is shutting down.", 503);
            }
            if (open.size() >= maxSessions) {
                throw new SimApiException("LimitExceededException", "You have exceeded the maximum number of concurrent Live Tail "
                        + "sessions (" + maxSessions + ").");
            }
            open.add(session);
        }
        try {
            session.run(ex);
        } finally {
            open.remove(session);
        }
    }

    /** Ends every open session (each sends no more and closes its stream). */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        open.forEach(LiveTailStream::close);
    }
}
