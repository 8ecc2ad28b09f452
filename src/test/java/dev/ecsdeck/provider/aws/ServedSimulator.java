package dev.ecsdeck.provider.aws;

import dev.ecsdeck.sim.ApiFaults;
import dev.ecsdeck.sim.SimEngine;
import dev.ecsdeck.sim.wire.WireServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;

/** A simulation served on the AWS wire protocols on 127.0.0.1, and the AWS provider (the real SDK clients) pointed at it. */
public final class ServedSimulator implements AutoCloseable {
    private final WireServer server;

    private ServedSimulator(WireServer server) {
        this.server = server;
    }

    /** Serves {@code engine} on a free loopback port, without injected faults. */
    public static ServedSimulator of(SimEngine engine) {
        try {
            return new ServedSimulator(new WireServer(engine, ApiFaults.realTime(1), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new AWS provider on this endpoint, as `--endpoint-url` makes one (no credentials looked up). */
    public AwsEcsProvider provider() {
        return new AwsEcsProvider(new AwsSettings(null, "us-east-1", URI.create("http://127.0.0.1:" + server.port())));
    }

    @Override
    public void close() {
        server.close();
    }
}
