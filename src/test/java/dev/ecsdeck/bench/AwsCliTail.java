package dev.ecsdeck.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code aws logs tail <group> --follow} (AWS CLI v2) against a local endpoint, its stdout read line
 * by line with each line's arrival time. Dummy credentials go to the child process only.
 */
final class AwsCliTail implements AutoCloseable {
    /** One printed line: when it was read, the event timestamp it shows, and its text. */
    record Arrival(long arrivedMs, long timestampMs, String line) {}

    private final Process process;
    private final Thread reader;
    private final List<Arrival> arrivals = new ArrayList<>();
    private final List<String> unparsed = new ArrayList<>();

    /** The CLI v2, or null when it is not installed. */
    static Path find() {
        for (String candidate : List.of("/usr/bin/aws", "/usr/local/bin/aws")) {
            Path p = Path.of(candidate);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    AwsCliTail(Path cli, int port, String group, List<String> streams, String since) throws IOException {
        List<String> command = new ArrayList<>(List.of(cli.toString(), "--endpoint-url", "http://127.0.0.1:" + port, "--region", "us-east-1",
                "logs", "tail", group, "--follow", "--since", since, "--format", "detailed", "--log-stream-names"));
        command.addAll(streams);
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        Map<String, String> env = pb.environment();
        env.put("AWS_ACCESS_KEY_ID", "test");
        env.put("AWS_SECRET_ACCESS_KEY", "test");
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.put("AWS_PAGER", "");
        env.put("AWS_CONFIG_FILE", "/dev/null");
        env.put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
        env.remove("AWS_PROFILE");
        env.remove("AWS_SESSION_TOKEN");
        process = pb.start();
        reader = new Thread(this::read, "aws-cli-tail-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                long now = System.currentTimeMillis();
                // detailed: "<ISO-8601 timestamp> <stream> <message>"
                int space = line.indexOf(' ');
                try {
                    long ts = OffsetDateTime.parse(space < 0 ? line : line.substring(0, space)).toInstant().toEpochMilli();
                    synchronized (this) {
                        arrivals.add(new Arrival(now, ts, line));
                        notifyAll();
                    }
                } catch (DateTimeParseException e) {
                    synchronized (this) {
                        unparsed.add(line);
                    }
                }
            }
        } catch (IOException e) {
            // the process was stopped
        }
    }

    /** Waits until the CLI has printed a line stamped at or after {@code timestampMs}, at most {@code timeoutMs}. */
    synchronized void awaitTimestamp(long timestampMs, long timeoutMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (arrivals.stream().noneMatch(a -> a.timestampMs() >= timestampMs)) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return;
            }
            wait(left);
        }
    }

    synchronized List<Arrival> arrivals() {
        return List.copyOf(arrivals);
    }

    synchronized List<String> unparsed() {
        return List.copyOf(unparsed);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        reader.join(5_000);
    }
}
