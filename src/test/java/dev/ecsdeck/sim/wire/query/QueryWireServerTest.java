package dev.ecsdeck.sim.wire.query;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.sim.wire.RawHttp;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Query requests over plain HTTP, as a hand-written client or curl sends them: malformed form
 * bodies, missing Action or Version, unknown services and values of the wrong kind each get an
 * XML error that says what is wrong, in the service's namespace once the service is known; a
 * failure inside an operation is a Receiver error that tells nothing of the simulator's insides.
 */
class QueryWireServerTest {
    private static final String DESCRIBE = "Action=DescribeTargetHealth&Version=2015-12-01&TargetGroupArn=arn%3Atg";
    private QueryFixture sim;

    @AfterEach
    void close() {
        if (sim != null) {
            sim.close();
        }
    }

    private void assertRefused(QueryFixture.Reply r, int status, String code, String messagePart) {
        assertEquals(status, r.status(), r.raw());
        assertEquals("text/xml", r.contentType());
        assertEquals("ErrorResponse", r.root().getLocalName(), r.raw());
        assertEquals(code, r.text("Code"), r.raw());
        assertEquals(status >= 500 ? "Receiver" : "Sender", r.text("Type"), r.raw());
        assertTrue(r.text("Message").contains(messagePart), "message \"" + r.text("Message") + "\" should contain \"" + messagePart + "\"");
        assertTrue(r.text("RequestId") != null && !r.text("RequestId").isEmpty(), r.raw());
    }

    @Test
    void aWellFormedRequestIsAnsweredInTheServicesNamespace() throws IOException {
        sim = new QueryFixture();
        QueryFixture.Reply r = sim.post(DESCRIBE + "&Targets.member.1.Id=i-1&Targets.member.1.Port=80");
        assertEquals(200, r.status(), r.raw());
        assertEquals("DescribeTargetHealthResponse", r.root().getLocalName());
        assertEquals(ElbTestApi.NAMESPACE, r.root().getNamespaceURI());
        assertEquals("80", r.text("Port"));
    }

    @Test
    void aBodyWithoutActionOrVersionIsRefused() throws IOException {
        sim = new QueryFixture();
        QueryFixture.Reply noAction = sim.post("Version=2015-12-01&TargetGroupArn=x");
        assertRefused(noAction, 400, "MissingAction", "Action");
        assertNull(noAction.root().getNamespaceURI(), "no service is named, so no namespace");
        assertRefused(sim.post("Action=DescribeTargetHealth&TargetGroupArn=x"), 400, "MissingParameter", "Version");
        assertRefused(sim.post(""), 400, "MissingAction", "Action");
    }

    @Test
    void anUnknownVersionOrActionIsInvalidAction() throws IOException {
        sim = new QueryFixture();
        assertRefused(sim.post("Action=DescribeLoadBalancers&Version=2012-06-01"), 400, "InvalidAction", "2012-06-01");
        QueryFixture.Reply unknown = sim.post("Action=DescribeWidgets&Version=2015-12-01");
        assertRefused(unknown, 400, "InvalidAction", "DescribeWidgets");
        assertEquals(ElbTestApi.NAMESPACE, unknown.root().getNamespaceURI(), "the service is known: its namespace");
    }

    @Test
    void malformedParameterNamesAreValidationErrorsNamingThem() throws IOException {
        sim = new QueryFixture();
        assertRefused(sim.post(DESCRIBE + "&Targets.member.x.Id=i-1"), 400, "ValidationError", "'Targets.member.x.Id'");
        assertRefused(sim.post(DESCRIBE + "&Targets..Id=i-1"), 400, "ValidationError", "'Targets..Id'");
        assertRefused(sim.post(DESCRIBE + "&Targets.member.1.Id=a&Targets.member.1.Id=b"), 400, "ValidationError", "sent twice");
        assertRefused(sim.post(DESCRIBE + "&Targets.member.1.Id=%zz"), 400, "ValidationError", "%-escape");
    }

    @Test
    void aValueOfTheWrongKindIsAValidationErrorNamingTheMember() throws IOException {
        sim = new QueryFixture();
        assertRefused(sim.post("Action=ModifyTargetGroup&Version=2015-12-01&TargetGroupArn=tg&HealthCheckIntervalSeconds=often"), 400,
                "ValidationError", "Expected an integer for 'HealthCheckIntervalSeconds', found 'often'.");
        assertRefused(sim.post("Action=ModifyTargetGroup&Version=2015-12-01&TargetGroupArn=tg&HealthCheckEnabled=yes"), 400,
                "ValidationError", "Expected a boolean for 'HealthCheckEnabled'");
        assertRefused(sim.post(DESCRIBE + "&Targets.member.1.Id=i-1&Targets.member.1.Port=eighty"), 400, "ValidationError",
                "'Targets[0].Port'");
        assertRefused(sim.post("Action=CreateListener&Version=2015-12-01&LoadBalancerArn=lb&DefaultActions.member.1.Type=forward"
                + "&DefaultActions.member.1.ForwardConfig.TargetGroups.member.1.Weight=heavy"), 400, "ValidationError",
                "Expected an integer for 'DefaultActions[0].ForwardConfig.TargetGroups[0].Weight', found 'heavy'.");
        assertRefused(sim.post("Action=DescribeTargetHealth&Version=2015-12-01"), 400, "ValidationError", "Value null at 'TargetGroupArn'");
    }

    @Test
    void aFailureInsideAnOperationIsAReceiverErrorWithoutItsInsides() throws IOException {
        sim = new QueryFixture();
        QueryFixture.Reply r = sim.post("Action=DescribeTargetHealth&Version=2015-12-01&TargetGroupArn=broken");
        assertRefused(r, 500, "InternalFailure", "The simulator failed");
        assertThat(r.raw(), not(containsString("IllegalStateException")));
        assertEquals(ElbTestApi.NAMESPACE, r.root().getNamespaceURI());
    }

    @Test
    void anOtherContentTypeIsRefusedNamingBothProtocolsInJson() throws IOException {
        sim = new QueryFixture();
        QueryFixture.Reply r = sim.send(HttpRequest.newBuilder(sim.endpoint()).header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofString(DESCRIBE)));
        assertEquals(415, r.status());
        assertThat(r.contentType(), startsWith("application/x-amz-json-1.1"));
        assertThat(r.raw(), containsString("application/x-www-form-urlencoded"));
        assertThat(r.raw(), containsString("application/x-amz-json-1.1"));
    }

    @Test
    void aFormBodyCutShortByAHalfClosedConnectionIsAnXmlValidationError() throws IOException {
        sim = new QueryFixture();
        try (Socket s = new Socket("127.0.0.1", sim.server.port())) {
            OutputStream out = s.getOutputStream();
            out.write(("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: "
                    + (DESCRIBE.length() + 40) + "\r\n\r\n" + DESCRIBE).getBytes(StandardCharsets.UTF_8));
            out.flush();
            s.shutdownOutput(); // the client is done sending, though it promised more
            String response = RawHttp.readAll(s, 15_000);
            assertThat(response, startsWith("HTTP/1.1 400"));
            assertThat(response, containsString("<Code>ValidationError</Code>"));
            assertThat(response, containsString("ended before its Content-Length"));
        }
    }
}
