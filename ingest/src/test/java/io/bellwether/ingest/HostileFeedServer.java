package io.bellwether.ingest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;

/**
 * Loopback HTTP servers that answer like hostile feed hosts: redirects to {@code file:}, to another port and to
 * another loopback host, a gzip bomb and a 100 MB feed streamed without holding it in memory, next to good feeds.
 */
final class HostileFeedServer implements AutoCloseable {
    static final long HUNDRED_MB = 100L << 20;
    static final long BOMB_INFLATED = 4L << 30;
    private final HttpServer main;
    private final HttpServer otherPort;
    private final HttpServer otherHost;
    private final Map<String, String> bodies = new ConcurrentHashMap<>();
    private final Map<String, String> redirects = new ConcurrentHashMap<>();
    private final Map<String, Streamed> streams = new ConcurrentHashMap<>();
    final Map<String, AtomicLong> hits = new ConcurrentHashMap<>();

    /** What a streaming answer managed to write before the client stopped reading. */
    record Streamed(AtomicLong written, AtomicBoolean completed, CountDownLatch done) {
        static Streamed start() {
            return new Streamed(new AtomicLong(), new AtomicBoolean(), new CountDownLatch(1));
        }

        boolean awaitDone() throws InterruptedException {
            return done.await(30, TimeUnit.SECONDS);
        }
    }

    HostileFeedServer() throws IOException {
        main = start("127.0.0.1");
        otherPort = start("127.0.0.1");
        otherHost = start("127.0.0.2");
    }

    private HttpServer start(String address) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(address, 0), 0);
        server.createContext("/", this::serve);
        server.start();
        return server;
    }

    String url(String path) {
        return base(main) + path;
    }

    String otherPortUrl(String path) {
        return base(otherPort) + path;
    }

    String otherHostUrl(String path) {
        return base(otherHost) + path;
    }

    private static String base(HttpServer server) {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort();
    }

    void body(String path, String body) {
        bodies.put(path, body);
    }

    void redirect(String path, String location) {
        redirects.put(path, location);
    }

    Streamed streamed(String path) {
        return streams.computeIfAbsent(path, p -> Streamed.start());
    }

    private void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        hits.computeIfAbsent(path, p -> new AtomicLong()).incrementAndGet();
        try (exchange) {
            if (redirects.containsKey(path)) {
                exchange.getResponseHeaders().set("Location", redirects.get(path));
                exchange.sendResponseHeaders(302, -1);
            } else if (path.equals("/bomb.xml")) {
                gzipBomb(exchange, streamed(path));
            } else if (path.equals("/huge.xml")) {
                huge(exchange, streamed(path));
            } else if (bodies.containsKey(path)) {
                byte[] bytes = bodies.get(path).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type",
                        path.endsWith(".html") ? "text/html" : "application/rss+xml");
                exchange.sendResponseHeaders(200, bytes.length);
                exchange.getResponseBody().write(bytes);
            } else {
                exchange.sendResponseHeaders(404, -1);
            }
        }
    }

    /** Streams four GiB of zeros through gzip (about 4 MB on the wire), generated as it is sent. */
    private static void gzipBomb(HttpExchange exchange, Streamed streamed) {
        exchange.getResponseHeaders().set("Content-Type", "application/rss+xml");
        exchange.getResponseHeaders().set("Content-Encoding", "gzip");
        byte[] zeros = new byte[1 << 16];
        try {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream gzip = new GZIPOutputStream(new Counting(exchange.getResponseBody(), streamed))) {
                gzip.write("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>".getBytes(
                        StandardCharsets.UTF_8));
                for (long sent = 0; sent < BOMB_INFLATED; sent += zeros.length) {
                    gzip.write(zeros);
                }
            }
            streamed.completed().set(true);
        } catch (IOException e) {
            // The client hung up: what was written by then is the measurement.
        } finally {
            streamed.done().countDown();
        }
    }

    /** Streams a 100 MB feed, chunked: a valid head, whitespace, then one item at the very end. */
    private static void huge(HttpExchange exchange, Streamed streamed) {
        exchange.getResponseHeaders().set("Content-Type", "application/rss+xml");
        byte[] padding = " ".repeat(1 << 16).getBytes(StandardCharsets.US_ASCII);
        try {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = new Counting(exchange.getResponseBody(), streamed)) {
                out.write("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>huge</title>".getBytes(
                        StandardCharsets.UTF_8));
                for (long sent = 0; sent < HUNDRED_MB; sent += padding.length) {
                    out.write(padding);
                }
                out.write(("<item><title>huge tail item</title><link>http://127.0.0.1/huge/1</link>"
                        + "<description>end</description></item></channel></rss>").getBytes(StandardCharsets.UTF_8));
            }
            streamed.completed().set(true);
        } catch (IOException e) {
            // The client hung up: what was written by then is the measurement.
        } finally {
            streamed.done().countDown();
        }
    }

    @Override
    public void close() {
        main.stop(0);
        otherPort.stop(0);
        otherHost.stop(0);
    }

    /** Counts the bytes that reached the socket. */
    private static final class Counting extends OutputStream {
        private final OutputStream out;
        private final Streamed streamed;

        Counting(OutputStream out, Streamed streamed) {
            this.out = out;
            this.streamed = streamed;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            streamed.written().incrementAndGet();
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            streamed.written().addAndGet(len);
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
