package dev.ecsdeck.sim.wire;

import static dev.ecsdeck.sim.wire.WireFixture.ECS;
import static dev.ecsdeck.sim.wire.WireFixture.LOGS;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.sim.ApiFaults;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The protocol around the operations: routing, the AWS-style errors, limits, binding and what is logged. */
class WireServerTest {
    private static final String CREATE_SERVICE = "{\"cluster\": \"prod-web\", \"serviceName\": \"extra\", \"taskDefinition\": \"web:1\","
            + " \"desiredCount\": 1, \"launchType\": \"FARGATE\", \"networkConfiguration\": {\"awsvpcConfiguration\":"
            + " {\"subnets\": [\"subnet-0aa\"], \"securityGroups\": [\"sg-0cc\"]}}}";

    private WireFixture sim;

    @AfterEach
    void close() {
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    void bindsToTheLoopbackAddressOnly() throws IOException {
        sim = new WireFixture();
        assertEquals("127.0.0.1", sim.server.address().getAddress().getHostAddress());
        assertTrue(sim.server.address().getAddress().isLoopbackAddress());
        assertFalse(sim.server.address().getAddress().isAnyLocalAddress());
        assertTrue(sim.server.port() > 0, "port 0 asks for a free one");
    }

    @Test
    void answersInAwsJsonWithContentLength() throws IOException {
        sim = new WireFixture();
        WireFixture.Reply r = sim.call(ECS, "ListClusters", "{}");
        assertEquals(200, r.status());
        assertEquals("application/x-amz-json-1.1", r.contentType());
        assertEquals(String.valueOf(r.raw().getBytes(java.nio.charset.StandardCharsets.UTF_8).length), r.contentLength());
        assertEquals(3, r.body().get("clusterArns").size());
    }

    @Test
    void acceptsPlainJsonContentTypeAndAnEmptyBody() throws IOException {
        sim = new WireFixture();
        WireFixture.Reply r = sim.send(HttpRequest.newBuilder(sim.endpoint()).header("Content-Type", "application/json")
                .header("X-Amz-Target", ECS + ".ListClusters").POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, r.status());
        assertEquals(3, r.body().get("clusterArns").size());
    }

    @Test
    void aMissingClusterIsClusterNotFoundException() throws IOException {
        sim = new WireFixture();
        WireFixture.Reply r = sim.call(ECS, "ListServices", "{\"cluster\": \"nope\"}");
        assertEquals(400, r.status());
        assertEquals("ClusterNotFoundException", r.errorType());
        assertEquals("Cluster not found.", r.message());
    }

    @Test
    void moreThanTenServicesIsInvalidParameterException() throws IOException {
        sim = new WireFixture();
        List<String> eleven = Collections.nCopies(11, "\"web\"");
        WireFixture.Reply r = sim.call(ECS, "DescribeServices", "{\"cluster\": \"prod-web\", \"services\": [" + String.join(",", eleven) + "]}");
        r.assertRefused(400, "InvalidParameterException", "at most 10");
    }

    @Test
    void unknownOperationsAndTargetsAreUnknownOperationException() throws IOException {
        sim = new WireFixture();
        WireFixture.Reply op = sim.call(ECS, "DescribeWidgets", "{}");
        op.assertRefused(400, "UnknownOperationException", "DescribeWidgets");

        WireFixture.Reply prefix = sim.call("DynamoDB_20120810", "ListTables", "{}");
        prefix.assertRefused(400, "UnknownOperationException", "DynamoDB_20120810");

        WireFixture.Reply none = sim.send(HttpRequest.newBuilder(sim.endpoint()).POST(HttpRequest.BodyPublishers.ofString("{}")));
        none.assertRefused(400, "UnknownOperationException", "X-Amz-Target");
    }

    @Test
    void malformedJsonIsSerializationExceptionAndChangesNothing() throws IOException {
        sim = new WireFixture();
        List<String> before = sim.allServices();
        WireFixture.Reply r = sim.call(ECS, "CreateService", CREATE_SERVICE.substring(0, CREATE_SERVICE.length() - 3));
        assertEquals(400, r.status());
        assertEquals("SerializationException", r.errorType());
        assertThat(r.raw(), not(containsString("\tat ")));
        WireFixture.Reply notAnObject = sim.call(ECS, "ListClusters", "[1, 2]");
        assertEquals(400, notAnObject.status());
        assertEquals("SerializationException", notAnObject.errorType());
        assertEquals(before, sim.allServices());
    }

    @Test
    void aMemberOfTheWrongTypeIsSerializationExceptionNamingIt() throws IOException {
        sim = new WireFixture();
        List<String> before = sim.allServices();
        WireFixture.Reply top = sim.call(ECS, "CreateService", CREATE_SERVICE.replace("\"desiredCount\": 1", "\"desiredCount\": \"1\""));
        top.assertRefused(400, "SerializationException", "'desiredCount'");

        WireFixture.Reply nested = sim.call(ECS, "CreateService", CREATE_SERVICE.replace("[\"subnet-0aa\"]", "\"subnet-0aa\""));
        nested.assertRefused(400, "SerializationException", "networkConfiguration.awsvpcConfiguration.subnets");

        WireFixture.Reply list = sim.call(ECS, "DescribeServices", "{\"cluster\": \"prod-web\", \"services\": [\"web\", 7]}");
        assertEquals(400, list.status());
        assertThat(list.message(), containsString("'services'"));
        assertEquals(before, sim.allServices());
    }

    @Test
    void aMissingRequiredMemberIsTheServicesValidationError() throws IOException {
        sim = new WireFixture();
        List<String> before = sim.allServices();
        WireFixture.Reply ecs = sim.call(ECS, "CreateService", CREATE_SERVICE.replace("\"serviceName\": \"extra\",", ""));
        ecs.assertRefused(400, "InvalidParameterException", "'serviceName'");

        WireFixture.Reply logs = sim.call(LOGS, "GetLogEvents", "{\"logGroupName\": \"/ecs/web\"}");
        assertEquals("InvalidParameterException", logs.errorType());
        assertThat(logs.message(), containsString("'logStreamName'"));

        WireFixture.Reply scaling = sim.call(WireFixture.SCALING, "DescribeScalableTargets", "{}");
        scaling.assertRefused(400, "ValidationException", "'ServiceNamespace'");
        assertEquals(before, sim.allServices());
    }

    @Test
    void aBodyOverOneMebibyteIs413WithoutTouchingTheEngine() throws IOException {
        sim = new WireFixture();
        List<String> before = sim.allServices();
        String padding = "x".repeat(2 << 20);
        String body = CREATE_SERVICE.replace("\"desiredCount\": 1,", "\"desiredCount\": 1, \"clientToken\": \"" + padding + "\",");
        WireFixture.Reply r = sim.call(ECS, "CreateService", body);
        assertEquals(413, r.status());
        assertEquals("RequestEntityTooLargeException", r.errorType());
        assertThat(r.raw(), not(containsString("Exception\n\tat")));
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        WireFixture.Reply chunked = sim.send(HttpRequest.newBuilder(sim.endpoint()).header("X-Amz-Target", ECS + ".CreateService")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes))));
        assertEquals(413, chunked.status(), "without a Content-Length too");
        assertEquals("RequestEntityTooLargeException", chunked.errorType());
        assertEquals(before, sim.allServices());
        assertEquals(200, sim.call(ECS, "ListClusters", "{}").status(), "the server goes on serving");
    }

    @Test
    void otherMethodsAndPathsGetJsonErrors() throws IOException {
        sim = new WireFixture();
        WireFixture.Reply get = sim.send(HttpRequest.newBuilder(sim.endpoint()).GET());
        assertEquals(405, get.status());
        assertEquals("MethodNotAllowedException", get.errorType());
        WireFixture.Reply path = sim.send(HttpRequest.newBuilder(sim.endpoint().resolve("/clusters")).header("X-Amz-Target", ECS + ".ListClusters")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertEquals(404, path.status());
        assertNotNull(path.errorType());
        WireFixture.Reply text = sim.send(HttpRequest.newBuilder(sim.endpoint()).header("Content-Type", "text/plain")
                .header("X-Amz-Target", ECS + ".ListClusters").POST(HttpRequest.BodyPublishers.ofString("{}")));
        text.assertRefused(415, "UnsupportedMediaTypeException", "application/x-www-form-urlencoded");
        assertTrue(text.message().contains("application/x-amz-json-1.1"), text.message());
    }

    @Test
    void aFormBodyIsAQueryRequestAndIsAnsweredInXmlEvenWithAJsonTargetHeader() throws IOException {
        sim = new WireFixture();
        WireFixture.Reply form = sim.send(HttpRequest.newBuilder(sim.endpoint()).header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Amz-Target", ECS + ".ListClusters").POST(HttpRequest.BodyPublishers.ofString("Action=ListClusters")));
        assertEquals(400, form.status());
        assertEquals("text/xml", form.contentType());
        assertTrue(form.raw().contains("<Code>MissingParameter</Code>") && form.raw().contains("parameter Version"), form.raw());
    }

    @Test
    void throttlingIsThrottlingExceptionRateExceeded() throws IOException {
        sim = new WireFixture();
        sim.faults.configure(ApiFaults.Config.none().withRate(1, 2));
        assertEquals(200, sim.call(ECS, "ListClusters", "{}").status());
        assertEquals(200, sim.call(ECS, "ListClusters", "{}").status());
        WireFixture.Reply throttled = sim.call(ECS, "ListClusters", "{}");
        assertEquals(400, throttled.status());
        assertEquals("ThrottlingException", throttled.errorType());
        assertEquals("Rate exceeded", throttled.message());
        sim.nanos.addAndGet(1_000_000_000L);
        assertEquals(200, sim.call(ECS, "ListClusters", "{}").status(), "a second later the bucket has a token again");
    }

    @Test
    void injectedServerErrorsAre500ServerException() throws IOException {
        sim = new WireFixture();
        sim.faults.configure(ApiFaults.Config.none().withErrorRate(1.0));
        WireFixture.Reply r = sim.call(ECS, "ListClusters", "{}");
        assertEquals(500, r.status());
        assertEquals("ServerException", r.errorType());
        assertEquals("ServiceUnavailableException", sim.call(LOGS, "DescribeLogGroups", "{}").errorType(), "each service's own fault");
        assertEquals("InternalServiceException", sim.call(WireFixture.SCALING, "DescribeScheduledActions",
                "{\"ServiceNamespace\": \"ecs\"}").errorType());
    }

    @Test
    void concurrentCallsAreAllAnswered() throws IOException {
        sim = new WireFixture();
        List<java.util.concurrent.CompletableFuture<java.net.http.HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String target = i % 2 == 0 ? ECS + ".DescribeServices" : LOGS + ".DescribeLogGroups";
            String body = i % 2 == 0 ? "{\"cluster\": \"prod-web\", \"services\": [\"web\"]}" : "{\"limit\": 5}";
            calls.add(sim.http.sendAsync(HttpRequest.newBuilder(sim.endpoint()).header("X-Amz-Target", target)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), java.net.http.HttpResponse.BodyHandlers.ofString()));
        }
        for (var call : calls) {
            assertEquals(200, call.join().statusCode());
        }
    }

    @Test
    void anUnexpectedFailureIs500InternalFailureWithoutAStackTrace() throws IOException {
        WireApi failing = new WireApi("Failing_20250101", "Failing", "ValidationException", "InternalServiceException")
                .add("Explode", RequestShape.of(), false, r -> {
                    throw new IllegalStateException("boom in the handler");
                });
        sim = new WireFixture(failing);
        WireFixture.Reply r = sim.call("Failing_20250101", "Explode", "{}");
        assertEquals(500, r.status());
        assertEquals("InternalFailure", r.errorType());
        assertThat(r.raw(), not(containsString("boom")));
        assertThat(r.raw(), not(containsString("IllegalStateException")));
    }

    @Test
    void changesAreReportedForSavingAndRefusalsAreNot() throws IOException {
        List<String> saves = new ArrayList<>();
        sim = new WireFixture(() -> saves.add("saved"));
        sim.ok(ECS, "ListClusters", "{}");
        sim.call(ECS, "CreateService", "{\"cluster\": \"nope\", \"serviceName\": \"x\"}");
        assertEquals(List.of(), saves, "reads and refused changes save nothing");
        sim.ok(ECS, "CreateCluster", "{\"clusterName\": \"saved-one\"}");
        assertEquals(List.of("saved"), saves);
    }

    @Test
    void logsNeitherHeadersNorCredentials() throws IOException {
        Logger wire = Logger.getLogger(WireServer.class.getName());
        Level level = wire.getLevel();
        List<String> logged = Collections.synchronizedList(new ArrayList<>());
        Handler capture = new Handler() {
            private final SimpleFormatter format = new SimpleFormatter();

            @Override
            public void publish(LogRecord record) {
                logged.add(format.format(record));
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        capture.setLevel(Level.ALL);
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        wire.setLevel(Level.ALL);
        try {
            WireApi failing = new WireApi("Failing_20250101", "Failing", "ValidationException", "InternalServiceException")
                    .add("Explode", RequestShape.of(), false, r -> {
                        throw new IllegalStateException("boom");
                    });
            sim = new WireFixture(failing);
            String authorization = "AWS4-HMAC-SHA256 Credential=AKIAFAKEEXAMPLE1234/20261122/us-east-1/ecs/aws4_request, "
                    + "SignedHeaders=host;x-amz-date;x-amz-target, Signature=0123456789abcdef";
            for (String target : List.of(ECS + ".ListClusters", ECS + ".Nope", "Secret_Prefix_SECRETTARGET.Op", "Failing_20250101.Explode")) {
                sim.send(HttpRequest.newBuilder(sim.endpoint()).header("Content-Type", "application/x-amz-json-1.1")
                        .header("X-Amz-Target", target).header("Authorization", authorization)
                        .header("X-Amz-Security-Token", "SECRETTOKEN").header("X-Amz-Date", "20261122T090000Z")
                        .POST(HttpRequest.BodyPublishers.ofString("{}")));
            }
        } finally {
            root.removeHandler(capture);
            wire.setLevel(level);
        }
        String all = String.join("\n", logged);
        assertThat("the capture works: operations are logged", all, containsString("ListClusters 200"));
        assertThat(all, containsString("InternalFailure"));
        for (String secret : List.of("AKIAFAKE", "Signature=", "SECRETTOKEN", "SECRETTARGET", "AWS4-HMAC-SHA256", "20261122T090000Z")) {
            assertThat(all, not(containsString(secret)));
        }
    }
}
