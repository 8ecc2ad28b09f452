package dev.ecsdeck.sim.wire;

import static dev.ecsdeck.sim.wire.WireFixture.ECS;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Clients that misbehave at the HTTP level, over raw sockets to 127.0.0.1: a body cut short by a
 * half-closed connection, headers that lie about the length, and more stalled clients than the
 * server has workers. Each gets an AWS-style error or is cut off after the request time limit;
 * none makes the server hang or changes the simulation.
 */
class WireServerBadClientsTest {
    private static final String CREATE_CLUSTER = "{\"clusterName\": \"made-by-a-bad-client\"}";
    private final List<Socket> sockets = new ArrayList<>();
    private WireFixture sim;

    @AfterEach
    void close() throws IOException {
        for (Socket s : sockets) {
            s.close();
        }
        if (sim != null) {
            sim.close();
        }
    }

    private Socket connect() throws IOException {
        Socket s = new Socket("127.0.0.1", sim.server.port());
        sockets.add(s);
        return s;
    }

    private static String head(String operation, long contentLength) {
        return "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-amz-json-1.1\r\nX-Amz-Target: " + ECS + "."
                + operation + "\r\nContent-Length: " + contentLength + "\r\n\r\n";
    }

    @Test
    void aBodyCutShortByAHalfClosedConnectionIsA400AndCreatesNothing() throws IOException {
        sim = new WireFixture();
        List<String> clusters = sim.ok(ECS, "ListClusters", "{}").get("clusterArns").findValuesAsText("");
        Socket s = connect();
        OutputStream out = s.getOutputStream();
        out.write((head("CreateCluster", CREATE_CLUSTER.length() + 40) + CREATE_CLUSTER.substring(0, 12)).getBytes(StandardCharsets.UTF_8));
        out.flush();
        s.shutdownOutput(); // the client is done sending, though it promised more

        String response = RawHttp.readAll(s, 15_000);
        assertThat(response, startsWith("HTTP/1.1 400"));
        assertThat(response, containsString("SerializationException"));
        assertThat(response, not(containsString("\tat ")));
        assertEquals(clusters, sim.ok(ECS, "ListClusters", "{}").get("clusterArns").findValuesAsText(""));
        assertEquals(3, sim.ok(ECS, "ListClusters", "{}").get("clusterArns").size(), "nothing was created");
    }

    @Test
    void aContentLengthThatIsNotANumberIsAnError() throws IOException {
        sim = new WireFixture();
        Socket s = connect();
        s.getOutputStream().write(("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Amz-Target: " + ECS + ".ListClusters\r\n"
                + "Content-Length: lots\r\n\r\n{}").getBytes(StandardCharsets.UTF_8));
        s.getOutputStream().flush();
        String response = RawHttp.readAll(s, 15_000);
        // The JDK's parser refuses it before our code sees it (400), or our code does (SerializationException): never a 500.
        assertTrue(response.isEmpty() || response.startsWith("HTTP/1.1 400"), response);
    }

    @Test
    void moreStalledClientsThanWorkersAreCutOffAndEveryoneElseIsStillAnswered() throws IOException {
        sim = new WireFixture();
        int before = sim.ok(ECS, "ListClusters", "{}").get("clusterArns").size();
        List<Socket> stalled = new ArrayList<>();
        for (int i = 0; i < 40; i++) { // the server has 32 workers
            Socket s = connect();
            String partial = i % 2 == 0
                    ? head("CreateCluster", CREATE_CLUSTER.length()) + CREATE_CLUSTER.substring(0, 5) // body stops
                    : "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Amz-Tar"; // headers stop
            s.getOutputStream().write(partial.getBytes(StandardCharsets.UTF_8));
            s.getOutputStream().flush();
            stalled.add(s);
        }
        long start = System.nanoTime();
        // A well-behaved client is answered, at the latest once the stalled ones have been cut off.
        WireFixture.Reply r = sim.call(ECS, "ListClusters", "{}");
        assertEquals(200, r.status());
        for (Socket s : stalled) {
            String response = RawHttp.readAll(s, (WireServer.MAX_REQUEST_SECONDS + 10) * 1000);
            assertTrue(response.isEmpty() || response.startsWith("HTTP/1.1 4"), "cut off or refused, never a 5xx: " + response);
        }
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        assertTrue(seconds <= WireServer.MAX_REQUEST_SECONDS + 10, "every stalled client was cut off within the limit: " + seconds + " s");
        assertEquals(before, sim.ok(ECS, "ListClusters", "{}").get("clusterArns").size(), "nothing was created");
    }
}
