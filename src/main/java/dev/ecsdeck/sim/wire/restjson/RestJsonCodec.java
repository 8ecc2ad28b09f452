package dev.ecsdeck.sim.wire.restjson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import dev.ecsdeck.sim.wire.RequestShape;
import dev.ecsdeck.sim.wire.WireCodec;
import dev.ecsdeck.sim.wire.json.Json11Codec;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * AWS REST-JSON (EventBridge Scheduler): the HTTP method and path name the operation
 * ({@code GET /schedules/{Name}}); the path's labels and the query string's parameters join the JSON
 * body's members into one tree, so operations read them all alike. Errors are a JSON body with
 * {@code Message} and the error type in the {@code x-amzn-ErrorType} header (the server sets it).
 */
public final class RestJsonCodec implements WireCodec {
    private static final ObjectMapper JSON = com.fasterxml.jackson.databind.json.JsonMapper.builder()
            .enable(com.fasterxml.jackson.core.StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();
    private final Json11Codec json = new Json11Codec();
    private final List<Route> routes;

    /** One operation's HTTP binding: method, path template with {@code {Label}}s (named as their members), and query parameters. */
    public record Route(String method, String pathTemplate, String servicePrefix, String operation, List<QueryParam> query) {
        public Route {
            query = List.copyOf(query);
        }
    }

    /** A query string parameter and the member it carries ({@code integer}: its text is read as a number). */
    public record QueryParam(String name, String member, boolean integer) {}

    public RestJsonCodec(List<Route> routes) {
        this.routes = List.copyOf(routes);
    }

    /** The route of a request, or null when no operation has this method and path. */
    public Route route(String method, String path) {
        for (Route r : routes) {
            if (r.method().equals(method) && labels(r.pathTemplate(), path) != null) {
                return r;
            }
        }
        return null;
    }

    /** The request's members as JSON: the body's object, then the path's labels and the query's parameters. */
    public byte[] members(Route route, URI uri, byte[] body) {
        ObjectNode members = json.readRequest(body, null);
        String[] template = route.pathTemplate().split("/", -1);
        String[] path = labels(route.pathTemplate(), uri.getRawPath());
        for (int i = 0; i < template.length; i++) {
            if (template[i].startsWith("{")) {
                members.put(template[i].substring(1, template[i].length() - 1), decode(path[i]));
            }
        }
        String query = uri.getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                for (QueryParam q : route.query()) {
                    if (q.name().equals(name)) {
                        if (q.integer() && value.matches("-?\\d{1,9}")) {
                            members.put(q.member(), Integer.parseInt(value));
                        } else {
                            members.put(q.member(), value);
                        }
                    }
                }
            }
        }
        return bytes(members);
    }

    /** The path's segments when it fits the template (labels match one non-empty segment), else null. */
    private static String[] labels(String template, String path) {
        String[] t = template.split("/", -1);
        String[] p = path.split("/", -1);
        if (t.length != p.length) {
            return null;
        }
        for (int i = 0; i < t.length; i++) {
            boolean label = t[i].startsWith("{");
            if (label ? p[i].isEmpty() : !t[i].equals(p[i])) {
                return null;
            }
        }
        return p;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree does not write", e);
        }
    }

    @Override
    public String protocol() {
        return "AWS REST-JSON";
    }

    @Override
    public String contentType() {
        return "application/json";
    }

    /** Chosen by method and path ({@link #route}), never by headers. */
    @Override
    public boolean accepts(Headers headers) {
        return false;
    }

    @Override
    public Target target(Headers headers, byte[] body) {
        throw new IllegalStateException("REST-JSON requests are routed by their method and path");
    }

    /** The members {@link #members} made. */
    @Override
    public ObjectNode readRequest(byte[] body, RequestShape shape) {
        return json.readRequest(body, shape);
    }

    @Override
    public byte[] writeResult(JsonNode result, Call call) {
        return bytes(result);
    }

    @Override
    public byte[] writeError(int status, String code, String message, Call call) {
        ObjectNode error = JSON.createObjectNode();
        error.put("Message", message);
        return bytes(error);
    }
}
