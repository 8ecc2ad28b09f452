package dev.ecsdeck.sim.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ecsdeck.sim.ApiFaults;
import dev.ecsdeck.sim.SimApiException;
import dev.ecsdeck.sim.SimEngine;
import dev.ecsdeck.sim.wire.autoscaling.ScalingOperations;
import dev.ecsdeck.sim.wire.cbor.RpcV2CborCodec;
import dev.ecsdeck.sim.wire.cloudwatch.CloudWatchOperations;
import dev.ecsdeck.sim.wire.ecs.EcsOperations;
import dev.ecsdeck.sim.wire.elb.ElbOperations;
import dev.ecsdeck.sim.wire.events.EventsOperations;
import dev.ecsdeck.sim.wire.json.Json11Codec;
import dev.ecsdeck.sim.wire.logs.LiveTailSessions;
import dev.ecsdeck.sim.wire.logs.LogsOperations;
import dev.ecsdeck.sim.wire.query.QueryCodec;
import dev.ecsdeck.sim.wire.restjson.RestJsonCodec;
import dev.ecsdeck.sim.wire.scheduler.SchedulerOperations;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The simulator served over HTTP on the AWS JSON 1.1 and AWS Query protocols, so the AWS SDKs, the
 * AWS CLI and Terraform can use it as their endpoint: {@code POST /} with {@code X-Amz-Target:
 * <prefix>.<Operation>} and a JSON body for ECS, CloudWatch Logs and Application Auto Scaling, or a
 * form body with {@code Action} and {@code Version} (answered in XML) for Query services (Elastic Load
 * Balancing v2, CloudWatch). The request's Content-Type picks the protocol (AWS JSON 1.0 for CloudWatch as botocore
 * speaks it); Smithy RPC v2 CBOR requests ({@code POST /service/<Service>/operation/<Operation>}, CloudWatch as the
 * Java SDK speaks it) are picked by their path. Bound to the loopback address only. Signatures are
 * accepted unchecked; the region of a signature's credential scope picks the simulation ({@link WireRegions}).
 * {@code POST /_ecsdeck/reset} returns a scenario's simulation to its start. It logs operation names, status codes and error codes, never a header (so
 * never a credential) and never a body.
 */
public final class WireServer implements AutoCloseable {
    /** How long a client may take to send one request (the JDK server checks about once a second). */
    public static final int MAX_REQUEST_SECONDS = 10;

    static {
        // The JDK's server writes headers and body separately; without TCP_NODELAY, Nagle's algorithm and
        // the client's delayed ACK stall every response by ~40 ms. It reads this once, when first used.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        // A client that sends its request slowly, or stops half way, would hold a worker for ever: the
        // JDK's server closes a connection whose request (headers and body) is not in within this time.
        if (System.getProperty("sun.net.httpserver.maxReqTime") == null) {
            System.setProperty("sun.net.httpserver.maxReqTime", String.valueOf(MAX_REQUEST_SECONDS));
        }
    }

    /** The largest request body accepted; larger ones get 413. */
    public static final int MAX_BODY_BYTES = 1 << 20;
    /** Enough for clients that run their Describe calls in parallel (the console runs 16) while List pages go on. */
    private static final int THREADS = 32;
    private static final Logger LOG = Logger.getLogger(WireServer.class.getName());

    /** The path of the reset endpoint (POST, from the loopback address only). */
    public static final String RESET_PATH = "/_ecsdeck/reset";

    private final WireRegions regions;
    private final WireReset reset;
    private final ApiFaults faults;
    private final Runnable afterChange;
    /** The protocols served; the first also answers requests refused before their protocol is known. */
    private final List<WireCodec> codecs = List.of(new Json11Codec(), Json11Codec.json10(), new QueryCodec(), new RpcV2CborCodec());
    /** REST-JSON (EventBridge Scheduler), picked by method and path before the POST / protocols above. */
    private final RestJsonCodec restJson = SchedulerOperations.codec();
    private final HttpServer http;
    private final ThreadPoolExecutor workers;
    /** StartLiveTail's sessions: the one operation answered as a stream of event-stream messages, not one reply. */
    private final LiveTailSessions liveTail;

    /** A server on 127.0.0.1:{@code port} (0: any free port), started. */
    public WireServer(SimEngine engine, ApiFaults faults, int port) throws IOException {
        this(engine, faults, port, null);
    }

    /** As above; {@code afterChange} runs after each successful operation that changes the simulation (for saving it). */
    public WireServer(SimEngine engine, ApiFaults faults, int port, Runnable afterChange) throws IOException {
        this(new WireRegions(engine, null, WireServer::apisOf), faults, port, afterChange);
    }

    /** A server of the given services in the default region (tests add one that fails on purpose). */
    WireServer(SimEngine engine, ApiFaults faults, int port, Runnable afterChange, List<WireApi> apis) throws IOException {
        this(new WireRegions(engine, null, e -> e == engine ? apis : apisOf(e)), faults, port, afterChange);
    }

    /** A server of every region in {@code regions} (serve-sim's, which can also reset). */
    public WireServer(WireRegions regions, ApiFaults faults, int port, Runnable afterChange) throws IOException {
        this.regions = regions;
        this.reset = new WireReset(regions, afterChange);
        this.faults = faults;
        this.afterChange = afterChange;
        this.liveTail = new LiveTailSessions(faults);
        // 127.0.0.1 itself: getLoopbackAddress() may be ::1, and the printed endpoint says 127.0.0.1.
        this.http = HttpServer.create(new InetSocketAddress(InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1}), port), 64);
        this.workers = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(256), threads(),
                new ThreadPoolExecutor.CallerRunsPolicy()); // a full queue slows down accepting rather than dropping requests
        workers.allowCoreThreadTimeOut(true);
        http.setExecutor(workers);
        http.createContext("/", this::exchange);
        http.start();
    }

    private static ThreadFactory threads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "sim-wire-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    public int port() {
        return http.getAddress().getPort();
    }

    public InetSocketAddress address() {
        return http.getAddress();
    }

    /** The services served (the default region's), for tests that hold their shapes to the API models. */
    public List<WireApi> apis() {
        return regions.home().apis();
    }

    /** Every service served on one engine: the one place a new service's operations are added. */
    public static List<WireApi> apisOf(SimEngine engine) {
        return List.of(EcsOperations.api(engine), LogsOperations.api(engine), ScalingOperations.api(engine), ElbOperations.api(engine),
                EventsOperations.api(engine), SchedulerOperations.api(engine), CloudWatchOperations.api(engine),
                dev.ecsdeck.sim.wire.ecr.EcrOperations.api(engine));
    }

    /** The Live Tail sessions served (tests shorten their timeout or lower their limit). */
    public LiveTailSessions liveTail() {
        return liveTail;
    }

    @Override
    public void close() {
        liveTail.close();
        http.stop(0);
        workers.shutdownNow();
    }

    private void exchange(HttpExchange ex) {
        long started = System.nanoTime();
        String label = "-";
        WireReply reply;
        Routed routed = new Routed(UUID.randomUUID().toString(), codecs.get(0));
        if (RESET_PATH.equals(ex.getRequestURI().getPath())) {
            send(ex, reset.answer(ex, codecs.get(0), routed.call(), routed.requestId));
            return;
        }
        try {
            route(ex, routed);
            label = routed.label;
            if (routed.reply == null && LiveTailSessions.serves(routed.api.targetPrefix(), routed.operationName)) {
                liveTail.stream(ex, routed.engine, run(routed), routed.requestId); // refusals before the stream: as any error
                return;
            }
            reply = routed.reply != null ? routed.reply : call(routed);
        } catch (LiveTailSessions.ConnectionDropped e) {
            throw e; // out of the handler: the JDK server closes the connection mid-stream
        } catch (SimApiException e) {
            if (ApiFaults.DROPPED_CONNECTION.equals(e.errorCode())) {
                LOG.fine(label + " connection dropped (injected)");
                ex.close(); // no reply: the JDK server closes a connection whose exchange ends before its headers
                return;
            }
            reply = WireReply.error(routed.codec, routed.call(), e.httpStatus(), e.errorCode(), e.getMessage());
        } catch (RuntimeException | IOException | Error e) {
            // The client gets a short message; the log gets the cause (no header or body is in it).
            LOG.log(Level.WARNING, "Simulator wire call " + label + " failed", e);
            reply = WireReply.error(routed.codec, routed.call(), 500, "InternalFailure", "The simulator failed to process the request.");
        }
        // Logged before the reply goes out, so the log is complete by the time the client has its answer.
        if (LOG.isLoggable(Level.FINE)) {
            LOG.fine(label + " " + reply.status() + (reply.errorCode() == null ? "" : " " + reply.errorCode()) + " "
                    + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) + " ms");
        }
        send(ex, reply);
    }

    /** A request sorted out: either a reply already (refused), or the operation to call with its body. */
    private static final class Routed {
        final String requestId;
        String label = "-";
        /** The request's protocol; until it is known, the first codec's (errors before then are in it). */
        WireCodec codec;
        WireReply reply;
        SimEngine engine;
        WireApi api;
        String operationName;
        WireOperation operation;
        byte[] body;

        Routed(String requestId, WireCodec codec) {
            this.requestId = requestId;
            this.codec = codec;
        }

        WireCodec.Call call() {
            return new WireCodec.Call(requestId, api, operationName);
        }

        void refuse(int status, String code, String message) {
            reply = WireReply.error(codec, call(), status, code, message);
        }
    }

    private void route(HttpExchange ex, Routed r) throws IOException {
        String method = ex.getRequestMethod();
        RestJsonCodec.Route rest = restJson.route(method, ex.getRequestURI().getRawPath());
        if (rest != null) {
            routeRestJson(ex, r, rest);
            return;
        }
        String served = "the simulator serves POST / (" + String.join(", ", codecs.stream().map(WireCodec::protocol).toList())
                + ") and /schedules (" + restJson.protocol() + ").";
        String path = ex.getRequestURI().getPath();
        WireCodec codec = codecs.stream().filter(c -> c.accepts(path, ex.getRequestHeaders())).findFirst().orElse(null);
        if (!"/".equals(path) && codec == null) {
            RequestBodies.drain(ex.getRequestBody());
            r.refuse(404, "NotFoundException", "Nothing here: " + served);
            return;
        }
        if (!"POST".equals(method)) {
            RequestBodies.drain(ex.getRequestBody());
            ex.getResponseHeaders().set("Allow", "POST");
            r.refuse(405, "MethodNotAllowedException", "Method " + method + " is not allowed: " + served);
            return;
        }
        if (codec == null) {
            RequestBodies.drain(ex.getRequestBody());
            r.refuse(415, "UnsupportedMediaTypeException", "The simulator takes application/x-amz-json-1.1 (or application/json) "
                    + "request bodies for AWS JSON 1.1, and application/x-www-form-urlencoded ones for AWS Query.");
            return;
        }
        r.codec = codec;
        byte[] body = RequestBodies.read(ex);
        if (body == null) {
            r.refuse(413, "RequestEntityTooLargeException",
                    "Request body too large: the simulator takes at most " + MAX_BODY_BYTES + " bytes.");
            return;
        }
        WireCodec.Target target;
        try {
            target = codec.target(path, ex.getRequestHeaders(), body);
        } catch (SimApiException e) {
            r.refuse(e.httpStatus(), e.errorCode(), e.getMessage()); // answered in the request's protocol
            return;
        }
        WireRegions.Served region = region(ex, r);
        if (region == null) {
            return;
        }
        List<WireApi> apis = region.apis();
        r.engine = region.engine();
        String prefix = target.servicePrefix();
        String name = target.operation();
        WireApi api = apis.stream().filter(a -> a.answersTo(prefix)).findFirst().orElse(null);
        if (api == null) {
            r.refuse(400, codec.unknownOperationError(), "Unknown target prefix '" + prefix
                    + "' (X-Amz-Target prefix, or Version in Query): the simulator serves "
                    + String.join(", ", apis.stream().map(WireApi::targetPrefix).toList()) + ".");
            return;
        }
        r.api = api;
        WireOperation op = api.operation(name);
        if (op == null) {
            r.refuse(400, codec.unknownOperationError(), "Operation " + name + " is not supported by the simulator's "
                    + api.serviceName() + " (" + prefix + ").");
            return;
        }
        r.label = prefix + "." + name;
        r.operationName = name;
        r.operation = op;
        r.body = body;
    }

    /** The simulation of the region the request is signed for; null (and refused) when that is no region. */
    private WireRegions.Served region(HttpExchange ex, Routed r) {
        try {
            return regions.region(WireRegions.regionOf(ex.getRequestHeaders().getFirst("Authorization")));
        } catch (SimApiException e) {
            r.refuse(e.httpStatus(), e.errorCode(), e.getMessage());
            return null;
        }
    }

    /** A REST-JSON request: its method and path name the operation; its path labels and query join the body's members. */
    private void routeRestJson(HttpExchange ex, Routed r, RestJsonCodec.Route route) throws IOException {
        r.codec = restJson;
        byte[] body = RequestBodies.read(ex);
        if (body == null) {
            r.refuse(413, "RequestEntityTooLargeException", "Request body too large: the simulator takes at most " + MAX_BODY_BYTES + " bytes.");
            return;
        }
        WireRegions.Served region = region(ex, r);
        if (region == null) {
            return;
        }
        r.engine = region.engine();
        WireApi api = region.apis().stream().filter(a -> a.targetPrefix().equals(route.servicePrefix())).findFirst().orElse(null);
        WireOperation op = api == null ? null : api.operation(route.operation());
        if (op == null) {
            r.refuse(404, "UnknownOperationException", "Operation " + route.operation() + " is not served here.");
            return;
        }
        r.api = api;
        try {
            r.body = restJson.members(route, ex.getRequestURI(), body);
        } catch (SimApiException e) {
            r.refuse(e.httpStatus(), e.errorCode(), e.getMessage());
            return;
        }
        r.label = route.servicePrefix() + "." + route.operation();
        r.operationName = route.operation();
        r.operation = op;
    }

    /** Faults first, outside the engine's lock (their latency must not serialise calls); then the whole operation under it. */
    private WireReply call(Routed routed) {
        return new WireReply(200, routed.codec.writeResult(run(routed), routed.call()), null, routed.codec, routed.requestId,
                routed.codec.responseHeaders(null, 200, routed.call()));
    }

    /** The operation's result tree, after its faults and the request's checks. */
    private JsonNode run(Routed routed) {
        WireApi api = routed.api;
        WireOperation op = routed.operation;
        try {
            faults.admit(op.name());
        } catch (SimApiException e) {
            if (e.httpStatus() >= 500 && "ServerException".equals(e.errorCode())) {
                throw new SimApiException(api.serverError(), e.getMessage(), e.httpStatus()); // each service names its own
            }
            throw e;
        }
        WireRequest request = new WireRequest(routed.codec.readRequest(routed.body, op.shape()), routed.codec.textualScalars());
        op.shape().check(request.body(), api.missingMemberError());
        JsonNode result;
        synchronized (routed.engine) {
            result = op.handler().handle(request);
        }
        if (op.mutating() && afterChange != null) {
            try {
                afterChange.run();
            } catch (RuntimeException e) {
                // The change is made; a failed save must not make the client retry it.
                LOG.log(Level.WARNING, "Could not save the simulator state after " + op.name() + ": " + e.getMessage());
            }
        }
        return result;
    }

    private static void send(HttpExchange ex, WireReply reply) {
        try {
            var headers = ex.getResponseHeaders();
            headers.set("Content-Type", reply.codec().contentType());
            headers.set("x-amzn-RequestId", reply.requestId());
            if (reply.errorCode() != null) {
                headers.set("x-amzn-ErrorType", reply.errorCode());
            }
            reply.headers().forEach(headers::set);
            if ("HEAD".equals(ex.getRequestMethod())) {
                ex.sendResponseHeaders(reply.status(), -1); // a HEAD reply has no body
            } else {
                ex.sendResponseHeaders(reply.status(), reply.body().length);
                ex.getResponseBody().write(reply.body());
            }
        } catch (IOException e) {
            LOG.log(Level.FINE, "Could not send a reply: the client went away");
        } finally {
            ex.close();
        }
    }
}
