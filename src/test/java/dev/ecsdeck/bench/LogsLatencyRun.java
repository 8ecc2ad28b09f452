package dev.ecsdeck.bench;

import dev.ecsdeck.model.LogEvent;
import dev.ecsdeck.model.LogStreamRef;
import dev.ecsdeck.provider.LogSink;
import dev.ecsdeck.provider.LogSubscription;
import dev.ecsdeck.provider.LogTailRequest;
import dev.ecsdeck.provider.TailStatus;
import dev.ecsdeck.provider.aws.AwsEcsProvider;
import dev.ecsdeck.provider.aws.AwsSettings;
import dev.ecsdeck.sim.SeqLogService;
import dev.ecsdeck.ui.logs.LogTailViewModel;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One latency run against a served simulator: the AWS provider's tail (real SDK over HTTP) into a
 * view model drained every 50 ms, and optionally {@code aws logs tail --follow} on the same streams
 * at the same time. A line's latency is the time it entered the buffer (or was printed) minus its
 * event timestamp, which the simulator sets to when it wrote the line. Only lines written within
 * the measured window count, after both tails have started.
 */
final class LogsLatencyRun {
    static final long DRAIN_MS = 50;

    /** What a run measured: latencies (ms) of the lines in the window, and what our tail got twice. */
    record Result(List<Long> ours, List<Long> cli, int duplicates, List<String> statuses, long measureFrom, long measureTo) {}

    private LogsLatencyRun() {}

    static Result run(int port, List<LogStreamRef> streams, Path cli, long warmUpMs, long windowMs, long graceMs) throws Exception {
        long startedAt = System.currentTimeMillis();
        long measureFrom = startedAt + warmUpMs;
        long measureTo = measureFrom + windowMs;
        List<Long> ours = new ArrayList<>();
        List<String> statuses = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int[] duplicates = {0};
        LogTailViewModel vm = new LogTailViewModel("latency", streams, LogTailViewModel.DEFAULT_CAPACITY);
        List<LogEvent> pending = new ArrayList<>();
        Object lock = new Object();
        // Our sink hands events to the view model and remembers them, so the drain can time each one.
        LogSink sink = new LogSink() {
            @Override
            public void accept(List<LogEvent> batch) {
                synchronized (lock) {
                    vm.accept(batch);
                    pending.addAll(batch);
                }
            }

            @Override
            public void status(TailStatus status) {
                synchronized (statuses) {
                    statuses.add(status.message());
                }
            }
        };
        // The window closes once our tail has drained a line written graceMs after it (late lines have been read by then).
        long closeAt = measureTo + graceMs;
        java.util.concurrent.CompletableFuture<Void> oursClosed = new java.util.concurrent.CompletableFuture<>();
        ScheduledExecutorService drainer = Executors.newSingleThreadScheduledExecutor();
        drainer.scheduleAtFixedRate(() -> {
            synchronized (lock) {
                vm.drain();
                long now = System.currentTimeMillis();
                for (LogEvent e : pending) {
                    if (!seen.add(e.logStreamName() + "\n" + e.eventId())) {
                        duplicates[0]++;
                    }
                    if (e.timestamp() >= measureFrom && e.timestamp() < measureTo) {
                        ours.add(now - e.timestamp());
                    }
                    if (e.timestamp() >= closeAt) {
                        oursClosed.complete(null);
                    }
                }
                pending.clear();
            }
        }, DRAIN_MS, DRAIN_MS, TimeUnit.MILLISECONDS);
        AwsCliTail cliTail = cli == null ? null : new AwsCliTail(cli, port, SeqLogService.GROUP,
                streams.stream().map(LogStreamRef::logStreamName).toList(), "10s");
        try (AwsEcsProvider aws = new AwsEcsProvider(new AwsSettings(null, "us-east-1", URI.create("http://127.0.0.1:" + port)));
                LogSubscription tail = aws.tailLogs(new LogTailRequest(streams, startedAt - 10_000), sink)) {
            long timeoutMs = closeAt - startedAt + 30_000;
            try {
                oursClosed.get(timeoutMs, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                // counted below: the lines that never came are missing from the result
            }
            if (cliTail != null) {
                cliTail.awaitTimestamp(closeAt, Math.max(0, startedAt + timeoutMs - System.currentTimeMillis()));
            }
        } finally {
            drainer.shutdownNow();
            drainer.awaitTermination(5, TimeUnit.SECONDS);
            if (cliTail != null) {
                cliTail.close();
            }
        }
        List<Long> cliLatencies = new ArrayList<>();
        if (cliTail != null) {
            for (AwsCliTail.Arrival a : cliTail.arrivals()) {
                if (a.timestampMs() >= measureFrom && a.timestampMs() < measureTo) {
                    cliLatencies.add(a.arrivedMs() - a.timestampMs());
                }
            }
            if (cliTail.arrivals().isEmpty() && !cliTail.unparsed().isEmpty()) {
                throw new IllegalStateException("The AWS CLI printed lines the bench could not read: " + cliTail.unparsed().subList(0,
                        Math.min(3, cliTail.unparsed().size())));
            }
        }
        synchronized (lock) {
            return new Result(List.copyOf(ours), cliLatencies, duplicates[0], List.copyOf(statuses), measureFrom, measureTo);
        }
    }

    /** The {@code p}-th percentile (0–100) by nearest rank. */
    static long percentile(List<Long> values, double p) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int rank = (int) Math.ceil(p / 100 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }
}
