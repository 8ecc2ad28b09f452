package dev.ecsdeck.sim.wire.cbor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORParser;
import dev.ecsdeck.sim.ApiFaults;
import dev.ecsdeck.sim.DemoSim;
import dev.ecsdeck.sim.SimEngine;
import dev.ecsdeck.sim.wire.CustomWireServer;
import dev.ecsdeck.sim.wire.SdkClients;
import dev.ecsdeck.sim.wire.WireServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.InvalidNextTokenException;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MissingRequiredParameterException;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;

/** The real SDK v2 CloudWatch client (which speaks Smithy RPC v2 CBOR) against the served test-only CloudWatch. */
class RpcV2CborSdkWireTest {
    private final SimEngine engine = DemoSim.demoEngine(DemoSim.startClock());
    private final CloudWatchTestApi cloudWatch = new CloudWatchTestApi();
    private final WireServer server;
    private final CloudWatchClient client;

    RpcV2CborSdkWireTest() throws Exception {
        AtomicLong nanos = new AtomicLong();
        server = CustomWireServer.serve(engine, new ApiFaults(nanos::get, 1), List.of(cloudWatch.api()));
        client = SdkClients.against(endpoint(), CloudWatchClient.builder());
    }

    private URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    @AfterEach
    void close() {
        client.close();
        server.close();
    }

    @Test
    void listMetricsPagesThroughEveryPage() {
        List<Metric> metrics = new ArrayList<>();
        client.listMetricsPaginator(b -> b.namespace("AWS/ECS")).metrics().forEach(metrics::add);
        assertEquals(List.of("CPUUtilization", "MemoryUtilization"), metrics.stream().map(Metric::metricName).toList());
        assertEquals(List.of(Dimension.builder().name("ClusterName").value("prod").build(),
                Dimension.builder().name("ServiceName").value("web").build()), metrics.get(0).dimensions());
        assertEquals("AWS/ECS", cloudWatch.requests.get(0).string("Namespace"), "the request's members reached the operation");
    }

    @Test
    void getMetricDataCarriesTimestampsBothWays() {
        Instant start = Instant.parse("2025-05-01T09:00:00.500Z");
        GetMetricDataResponse r = client.getMetricData(b -> b.startTime(start).endTime(start.plusSeconds(3600))
                .metricDataQueries(MetricDataQuery.builder().id("cpu").expression("SEARCH('x', 'Average', 60)").build()));
        assertEquals(1, r.metricDataResults().size());
        assertEquals("cpu", r.metricDataResults().get(0).id());
        assertEquals(List.of(start.plusSeconds(60), start), r.metricDataResults().get(0).timestamps());
        assertEquals(List.of(12.5, 10.0), r.metricDataResults().get(0).values());
        assertTrue(cloudWatch.requests.get(0).node("StartTime").isNumber(), "a tag-1 timestamp reads as epoch seconds, as in AWS JSON");
    }

    @Test
    void describeAlarmsReadsAlarmFields() {
        MetricAlarm alarm = client.describeAlarms(b -> b.alarmNames("web-cpu-high")).metricAlarms().get(0);
        assertEquals("web-cpu-high", alarm.alarmName());
        assertEquals(StateValue.ALARM, alarm.stateValue());
        assertEquals(CloudWatchTestApi.ALARM_UPDATED, alarm.stateUpdatedTimestamp());
        assertEquals(80.0, alarm.threshold());
        assertEquals(3, alarm.evaluationPeriods());
        assertEquals(List.of("web-cpu-high"), cloudWatch.requests.get(0).strings("AlarmNames"));
    }

    @Test
    void errorsAreTheModelsExceptionsWithTheirQueryCodes() {
        InvalidNextTokenException bad = assertThrows(InvalidNextTokenException.class, () -> client.describeAlarms(b -> b.nextToken("bad")));
        assertEquals("InvalidNextToken", bad.awsErrorDetails().errorCode());
        assertEquals(400, bad.statusCode());
        assertTrue(bad.awsErrorDetails().errorMessage().contains("NextToken is invalid"), bad.getMessage());
        MissingRequiredParameterException missing = assertThrows(MissingRequiredParameterException.class,
                () -> client.getMetricData(b -> b.startTime(Instant.EPOCH).endTime(Instant.EPOCH)));
        assertEquals("MissingParameter", missing.awsErrorDetails().errorCode(), "awsQueryCompatible: the Query code from x-amzn-query-error");
    }

    @Test
    void answersAreCborWithTheProtocolHeaderAndTaggedTimestamps() throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                endpoint().resolve("/service/GraniteServiceVersion20100801/operation/DescribeAlarms"))
                .header("smithy-protocol", "rpc-v2-cbor").header("Content-Type", "application/cbor").header("Accept", "application/cbor")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {(byte) 0xa0})).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode());
        assertEquals("application/cbor", response.headers().firstValue("Content-Type").orElse(""));
        assertEquals("rpc-v2-cbor", response.headers().firstValue("smithy-protocol").orElse(""));
        try (CBORParser p = new CBORFactory().createParser(response.body())) {
            int tag = -1;
            double value = 0;
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.FIELD_NAME && p.getCurrentName().equals("StateUpdatedTimestamp")) {
                    p.nextToken();
                    tag = p.getCurrentTag();
                    value = p.getDoubleValue();
                }
            }
            assertEquals(1, tag, "timestamps are CBOR tag 1");
            assertEquals(CloudWatchTestApi.ALARM_UPDATED.toEpochMilli() / 1000.0, value);
        }
    }

    @Test
    void aRequestWithoutTheProtocolHeaderOrToAnUnknownServiceIsRefusedInCbor() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<byte[]> noHeader = http.send(HttpRequest.newBuilder(
                endpoint().resolve("/service/GraniteServiceVersion20100801/operation/DescribeAlarms"))
                .header("Content-Type", "application/cbor").POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {(byte) 0xa0})).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(400, noHeader.statusCode());
        assertEquals("SerializationException", CborTree.read(noHeader.body()).path("__type").asText());
        HttpResponse<byte[]> unknown = http.send(HttpRequest.newBuilder(endpoint().resolve("/service/Nope/operation/DescribeAlarms"))
                .header("smithy-protocol", "rpc-v2-cbor").header("Content-Type", "application/cbor")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {(byte) 0xa0})).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(400, unknown.statusCode());
        assertEquals("UnknownOperationException", CborTree.read(unknown.body()).path("__type").asText());
        assertEquals("rpc-v2-cbor", unknown.headers().firstValue("smithy-protocol").orElse(""));
    }
}
