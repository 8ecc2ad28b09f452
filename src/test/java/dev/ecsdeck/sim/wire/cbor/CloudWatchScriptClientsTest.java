package dev.ecsdeck.sim.wire.cbor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsdeck.sim.ApiFaults;
import dev.ecsdeck.sim.DemoSim;
import dev.ecsdeck.sim.wire.CustomWireServer;
import dev.ecsdeck.sim.wire.WireServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * boto3 (which picks AWS JSON 1.0 from CloudWatch's protocols list) and the AWS CLI v2.9 (whose older model
 * knows only AWS Query) against the served test-only CloudWatch; skipped where they are not installed.
 */
class CloudWatchScriptClientsTest {
    private static final Path AWS_CLI = Path.of("/usr/bin/aws");
    private final CloudWatchTestApi cloudWatch = new CloudWatchTestApi();
    private final WireServer server;

    CloudWatchScriptClientsTest() throws IOException {
        AtomicLong nanos = new AtomicLong();
        server = CustomWireServer.serve(DemoSim.demoEngine(DemoSim.startClock()), new ApiFaults(nanos::get, 1), List.of(cloudWatch.api()));
    }

    @AfterEach
    void close() {
        server.close();
    }

    private String endpoint() {
        return "http://127.0.0.1:" + server.port();
    }

    @Test
    void boto3SpeaksJson10AndReadsMetricsAndAlarms() throws Exception {
        assumeTrue(run(List.of("python3", "-c", "import boto3")).exit == 0, "python3 with boto3 is not installed");
        String script = String.join("\n",
                "import boto3, json, sys, datetime",
                "c = boto3.client('cloudwatch', endpoint_url=sys.argv[1], region_name='us-east-1',",
                "                 aws_access_key_id='test', aws_secret_access_key='test')",
                "names = [m['MetricName'] for p in c.get_paginator('list_metrics').paginate(Namespace='AWS/ECS') for m in p['Metrics']]",
                "start = datetime.datetime(2025, 5, 1, 9, 0, 0, tzinfo=datetime.timezone.utc)",
                "d = c.get_metric_data(StartTime=start, EndTime=start + datetime.timedelta(hours=1),",
                "    MetricDataQueries=[{'Id': 'cpu', 'Expression': \"SEARCH('x', 'Average', 60)\"}])['MetricDataResults'][0]",
                "a = c.describe_alarms(AlarmNames=['web-cpu-high'])['MetricAlarms'][0]",
                "try:",
                "    c.describe_alarms(NextToken='bad'); code = None",
                "except c.exceptions.InvalidNextToken as e:",
                "    code = e.response['Error']['Code']",
                "print(json.dumps({'protocol': c.meta.service_model.resolved_protocol, 'names': names,",
                "    'timestamps': [t.isoformat() for t in d['Timestamps']], 'values': d['Values'],",
                "    'alarm': a['AlarmName'], 'updated': a['StateUpdatedTimestamp'].isoformat(), 'error': code}))");
        Result r = run(List.of("python3", "-c", script, endpoint()));
        assertEquals(0, r.exit, r.output);
        JsonNode out = new ObjectMapper().readTree(r.lastLine());
        assertEquals("json", out.path("protocol").asText(), "botocore's order puts AWS JSON before RPC v2 CBOR");
        assertEquals("[\"CPUUtilization\",\"MemoryUtilization\"]", out.path("names").toString());
        assertEquals("[\"2025-05-01T09:01:00+00:00\",\"2025-05-01T09:00:00+00:00\"]", out.path("timestamps").toString());
        assertEquals("[12.5,10.0]", out.path("values").toString());
        assertEquals("web-cpu-high", out.path("alarm").asText());
        assertEquals("2025-05-01T12:00:00.250000+00:00", out.path("updated").asText());
        assertEquals("InvalidNextToken", out.path("error").asText());
    }

    @Test
    void awsCliSpeaksQueryAndReadsMetricsAndAlarms() throws Exception {
        assumeTrue(Files.isExecutable(AWS_CLI), "the AWS CLI is not installed at " + AWS_CLI);
        Result metrics = cli("cloudwatch", "list-metrics", "--namespace", "AWS/ECS");
        assertEquals(0, metrics.exit, metrics.output);
        JsonNode m = new ObjectMapper().readTree(metrics.output);
        assertEquals(2, m.path("Metrics").size(), metrics.output);
        Result data = cli("cloudwatch", "get-metric-data", "--start-time", "2025-05-01T09:00:00Z", "--end-time", "2025-05-01T10:00:00Z",
                "--metric-data-queries", "[{\"Id\":\"cpu\",\"Expression\":\"SEARCH('x', 'Average', 60)\"}]");
        assertEquals(0, data.exit, data.output);
        JsonNode d = new ObjectMapper().readTree(data.output).path("MetricDataResults").get(0);
        assertEquals("[\"2025-05-01T09:01:00+00:00\",\"2025-05-01T09:00:00+00:00\"]", d.path("Timestamps").toString());
        assertEquals("[12.5,10.0]", d.path("Values").toString());
        Result alarms = cli("cloudwatch", "describe-alarms", "--alarm-names", "web-cpu-high");
        assertEquals(0, alarms.exit, alarms.output);
        JsonNode a = new ObjectMapper().readTree(alarms.output).path("MetricAlarms").get(0);
        assertEquals("ALARM", a.path("StateValue").asText());
        assertEquals("2025-05-01T12:00:00.250000+00:00", a.path("StateUpdatedTimestamp").asText());
        Result bad = cli("cloudwatch", "describe-alarms", "--starting-token", "bad", "--max-items", "1");
        assertEquals(254, bad.exit, bad.output);
        assertEquals(true, bad.output.contains("InvalidNextToken"), bad.output);
        assertEquals("AWS/ECS", cloudWatch.requests.get(0).string("Namespace"), "the Query form's members reached the operation");
    }

    private Result cli(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(AWS_CLI.toString(), "--endpoint-url", endpoint(), "--region", "us-east-1",
                "--output", "json", "--no-cli-pager"));
        command.addAll(List.of(args));
        return run(command);
    }

    private record Result(int exit, String output) {
        String lastLine() {
            String[] lines = output.strip().split("\n");
            return lines[lines.length - 1];
        }
    }

    private static Result run(List<String> command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("AWS_ACCESS_KEY_ID", "test");
        pb.environment().put("AWS_SECRET_ACCESS_KEY", "test");
        pb.environment().put("AWS_CONFIG_FILE", "/dev/null");
        pb.environment().put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            return new Result(-1, e.getMessage());
        }
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("Timed out: " + command.get(0));
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
