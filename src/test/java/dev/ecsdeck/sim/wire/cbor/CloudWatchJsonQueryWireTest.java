package dev.ecsdeck.sim.wire.cbor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.sim.ApiFaults;
import dev.ecsdeck.sim.DemoSim;
import dev.ecsdeck.sim.wire.CustomWireServer;
import dev.ecsdeck.sim.wire.WireServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** CloudWatch's other two protocols on the raw wire: AWS JSON 1.0 answered in 1.0, and AWS Query by its API version. */
class CloudWatchJsonQueryWireTest {
    private final WireServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    CloudWatchJsonQueryWireTest() throws Exception {
        AtomicLong nanos = new AtomicLong();
        server = CustomWireServer.serve(DemoSim.demoEngine(DemoSim.startClock()), new ApiFaults(nanos::get, 1),
                List.of(new CloudWatchTestApi().api()));
    }

    @AfterEach
    void close() {
        server.close();
    }

    private HttpResponse<String> post(String contentType, String target, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/")).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (target != null) {
            b.header("X-Amz-Target", target);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void json10IsAnsweredInJson10WithErrorsNamedByShapeAndQueryCode() throws Exception {
        HttpResponse<String> ok = post("application/x-amz-json-1.0", "GraniteServiceVersion20100801.DescribeAlarms", "{}");
        assertEquals(200, ok.statusCode(), ok.body());
        assertEquals("application/x-amz-json-1.0", ok.headers().firstValue("Content-Type").orElse(""));
        assertTrue(ok.body().contains("\"StateUpdatedTimestamp\":1746100800.25"), ok.body());
        HttpResponse<String> missing = post("application/x-amz-json-1.0", "GraniteServiceVersion20100801.GetMetricData", "{}");
        assertEquals(400, missing.statusCode());
        assertTrue(missing.body().contains("\"__type\":\"MissingRequiredParameterException\""), missing.body());
        assertEquals("MissingParameter;Sender", missing.headers().firstValue("x-amzn-query-error").orElse(""));
        HttpResponse<String> json11 = post("application/x-amz-json-1.1", "GraniteServiceVersion20100801.DescribeAlarms", "{}");
        assertEquals("application/x-amz-json-1.1", json11.headers().firstValue("Content-Type").orElse(""));
    }

    @Test
    void queryReachesCloudWatchByItsVersionWithIsoTimestampsAndQueryCodes() throws Exception {
        HttpResponse<String> ok = post("application/x-www-form-urlencoded", null, "Action=DescribeAlarms&Version=2010-08-01");
        assertEquals(200, ok.statusCode(), ok.body());
        assertTrue(ok.body().contains("xmlns=\"http://monitoring.amazonaws.com/doc/2010-08-01/\""), ok.body());
        assertTrue(ok.body().contains("<StateUpdatedTimestamp>2025-05-01T12:00:00.250Z</StateUpdatedTimestamp>"), ok.body());
        HttpResponse<String> missing = post("application/x-www-form-urlencoded", null, "Action=GetMetricData&Version=2010-08-01");
        assertEquals(400, missing.statusCode());
        assertTrue(missing.body().contains("<Code>MissingParameter</Code>"), missing.body());
    }
}
