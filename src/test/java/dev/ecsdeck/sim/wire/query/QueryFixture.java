package dev.ecsdeck.sim.wire.query;

import dev.ecsdeck.sim.ApiFaults;
import dev.ecsdeck.sim.DemoSim;
import dev.ecsdeck.sim.SimEngine;
import dev.ecsdeck.sim.wire.CustomWireServer;
import dev.ecsdeck.sim.wire.WireServer;
import dev.ecsdeck.sim.wire.ecs.EcsOperations;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;

/** A server of ECS (JSON 1.1) beside the test-only Query service {@link ElbTestApi}, and a client that posts form bodies to it. */
final class QueryFixture implements AutoCloseable {
    final SimEngine engine = DemoSim.demoEngine(DemoSim.startClock());
    final AtomicLong nanos = new AtomicLong();
    final ApiFaults faults = new ApiFaults(nanos::get, 1);
    final ElbTestApi elb = new ElbTestApi();
    final WireServer server;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

    /** An answer: status, Content-Type, the raw body and its root element (null when it is not XML). */
    record Reply(int status, String contentType, String raw, Element root) {
        /** The text of the first element of this name anywhere in the answer, or null. */
        String text(String name) {
            if (root == null) {
                return null;
            }
            var found = root.getElementsByTagNameNS("*", name);
            return found.getLength() == 0 ? null : found.item(0).getTextContent();
        }
    }

    QueryFixture() throws IOException {
        server = CustomWireServer.serve(engine, faults, List.of(EcsOperations.api(engine), elb.api()));
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.port() + "/");
    }

    Reply post(String form) {
        return send(HttpRequest.newBuilder(endpoint()).header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> response = http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            return new Reply(response.statusCode(), contentType, new String(response.body(), StandardCharsets.UTF_8),
                    contentType.startsWith("text/xml") ? parse(response.body()) : null);
        } catch (IOException e) {
            throw new AssertionError("The call failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static Element parse(byte[] xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml)).getDocumentElement();
        } catch (Exception e) {
            throw new AssertionError("Not XML: " + new String(xml, StandardCharsets.UTF_8), e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
