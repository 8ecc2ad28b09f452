package dev.ecsdeck.bench;

import dev.ecsdeck.model.LogEvent;
import dev.ecsdeck.provider.EcsProvider;
import dev.ecsdeck.provider.ForwardingEcsProvider;
import dev.ecsdeck.provider.LogSink;
import dev.ecsdeck.provider.LogSubscription;
import dev.ecsdeck.provider.LogTailRequest;
import dev.ecsdeck.provider.TailStatus;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A provider that notes every event its log tails hand to the console, by log group: the event id
 * (as a 64-bit hash) and the timestamp, in arrays allocated up front so the record itself does not
 * grow the heap during the soak.
 */
final class RecordingTails extends ForwardingEcsProvider {
    /** What one group's tails delivered. */
    static final class Delivered {
        private final long[] ids;
        private final long[] timestamps;
        private int count;
        private int overflow;

        Delivered(int capacity) {
            ids = new long[capacity];
            timestamps = new long[capacity];
        }

        synchronized void add(LogEvent e) {
            if (count == ids.length) {
                overflow++;
                return;
            }
            ids[count] = idHash(e.eventId());
            timestamps[count++] = e.timestamp();
        }

        synchronized int count() {
            return count;
        }

        synchronized int overflow() {
            return overflow;
        }

        /** The id hashes of the delivered events with timestamps in [from, to), sorted (duplicates kept). */
        synchronized long[] idsIn(long from, long to) {
            long[] out = new long[count];
            int n = 0;
            for (int i = 0; i < count; i++) {
                if (timestamps[i] >= from && timestamps[i] < to) {
                    out[n++] = ids[i];
                }
            }
            long[] sorted = Arrays.copyOf(out, n);
            Arrays.sort(sorted);
            return sorted;
        }
    }

    private final Map<String, Delivered> byGroup = new LinkedHashMap<>();

    /** Records the tails of {@code groups}, at most {@code capacity} events each. */
    RecordingTails(EcsProvider delegate, List<String> groups, int capacity) {
        super(delegate);
        groups.forEach(g -> byGroup.put(g, new Delivered(capacity)));
    }

    Delivered of(String group) {
        return byGroup.get(group);
    }

    /** A 64-bit hash of an event id (CloudWatch's 56 digits do not fit a long). */
    static long idHash(String id) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < id.length(); i++) {
            h = (h ^ id.charAt(i)) * 0x100000001b3L;
        }
        return h;
    }

    /** How many subscriptions the console opened on each group (each polls until closed or finished). */
    private final Map<String, java.util.concurrent.atomic.AtomicInteger> subscriptions = new java.util.concurrent.ConcurrentHashMap<>();

    int subscriptionsOf(String group) {
        java.util.concurrent.atomic.AtomicInteger n = subscriptions.get(group);
        return n == null ? 0 : n.get();
    }

    @Override
    public LogSubscription tailLogs(LogTailRequest request, LogSink sink) {
        request.streams().stream().map(r -> r.logGroupName()).distinct()
                .forEach(g -> subscriptions.computeIfAbsent(g, x -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet());
        return super.tailLogs(request, new LogSink() {
            @Override
            public void accept(List<LogEvent> batch) {
                for (LogEvent e : batch) {
                    Delivered d = byGroup.get(e.logGroupName());
                    if (d != null) {
                        d.add(e);
                    }
                }
                sink.accept(batch);
            }

            @Override
            public void status(TailStatus status) {
                sink.status(status);
            }
        });
    }
}
