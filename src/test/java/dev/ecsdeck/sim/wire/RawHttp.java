package dev.ecsdeck.sim.wire;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** Reading a raw HTTP answer from a socket, for tests that talk to the server as a misbehaving client would. */
public final class RawHttp {
    private RawHttp() {}

    /** Everything the server sends until it closes the connection (or the time-out). */
    public static String readAll(Socket s, int timeoutMs) throws IOException {
        s.setSoTimeout(timeoutMs);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        InputStream in = s.getInputStream();
        byte[] buffer = new byte[8192];
        try {
            int n;
            while ((n = in.read(buffer)) > 0) {
                out.write(buffer, 0, n);
                if (complete(out.toString(StandardCharsets.UTF_8))) {
                    break;
                }
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no answer within " + timeoutMs + " ms; got: " + out.toString(StandardCharsets.UTF_8), e);
        } catch (IOException e) {
            // a reset after a complete reply is fine
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static boolean complete(String response) {
        int end = response.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        String headers = response.substring(0, end).toLowerCase(java.util.Locale.ROOT);
        int at = headers.indexOf("content-length:");
        if (at < 0) {
            return false;
        }
        int length = Integer.parseInt(headers.substring(at + 15).split("\r\n", 2)[0].trim());
        return response.getBytes(StandardCharsets.UTF_8).length >= end + 4 + length;
    }

}
