package io.bellwether.runtime.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Sends bytes no HTTP client library would (a megabyte of headers, a chunked body) over a plain loopback socket and
 * returns what came back, so a test sees exactly how the server answered or whether it just hung up.
 */
public final class RawHttp {
    private static final int READ_TIMEOUT_MILLIS = 30_000;

    private RawHttp() {
    }

    /** What the server sent before closing (or before 30 s of silence), and whether it closed the connection. */
    public record Answer(String text, boolean closedByServer) {
        /** The status code of the first status line, or -1 when nothing came back. */
        public int status() {
            if (!text.startsWith("HTTP/1.1 ")) {
                return -1;
            }
            return Integer.parseInt(text.substring(9, 12));
        }

        /** The response body (after the blank line), empty when there is none. */
        public String body() {
            int start = text.indexOf("\r\n\r\n");
            return start < 0 ? "" : text.substring(start + 4);
        }
    }

    /**
     * Writes {@code request} (with {@code Connection: close} expected inside it) and reads until the server closes
     * the connection. A write the server cut short is not an error: the answer is what it said before hanging up.
     */
    public static Answer exchange(int port, byte[] request) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            try {
                OutputStream out = socket.getOutputStream();
                out.write(request);
                out.flush();
            } catch (IOException e) {
                // The server stopped reading (refused the request); read what it answered.
            }
            return read(socket.getInputStream());
        }
    }

    private static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        boolean closed = true;
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                received.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException e) {
            closed = false;
        } catch (IOException e) {
            // Reset after the answer: the connection is closed all the same.
        }
        return new Answer(received.toString(StandardCharsets.ISO_8859_1), closed);
    }

    /** A request with {@code count} header lines of {@code size} bytes each: {@code count * size} bytes of headers. */
    public static byte[] hugeHeaders(String requestLine, int count, int size) {
        StringBuilder request = new StringBuilder(requestLine).append("\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
        String value = "v".repeat(size - 17);
        for (int i = 0; i < count; i++) {
            request.append(String.format(Locale.ROOT, "X-Pad-%07d: ", i)).append(value).append("\r\n");
        }
        return request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
    }
}
