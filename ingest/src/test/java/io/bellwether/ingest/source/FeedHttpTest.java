package io.bellwether.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link FeedHttp} against a loopback server: the redirects it follows, those it refuses, and its limits. */
class FeedHttpTest {
    private static final int LIMIT = 1000;
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final FeedHttp http = new FeedHttp(HttpClient.newHttpClient(), Duration.ofSeconds(5), LIMIT);
    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::serve);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        try (exchange) {
            switch (path) {
                case "/moved" -> redirect(exchange, "/feed");
                case "/loop" -> redirect(exchange, "/loop");
                case "/feed" -> answer(exchange, "<rss/>".getBytes(StandardCharsets.UTF_8));
                case "/declared-large" -> {
                    exchange.sendResponseHeaders(200, 50L << 20);
                    exchange.getResponseBody().write(new byte[LIMIT * 2]);
                }
                case "/brotli" -> {
                    exchange.getResponseHeaders().set("Content-Encoding", "br");
                    answer(exchange, new byte[10]);
                }
                default -> exchange.sendResponseHeaders(404, -1);
            }
        } catch (IOException e) {
            // The client may hang up before a refused body is written.
        }
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(301, -1);
    }

    private static void answer(HttpExchange exchange, byte[] body) throws IOException {
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
    }

    private HttpAnswer get(String path) {
        return http.get(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path), Map.of());
    }

    @Test
    void followsARelativeRedirectOnTheSameHostAndPort() {
        assertThat(get("/moved")).isInstanceOfSatisfying(HttpAnswer.Answered.class,
                answer -> assertThat(new String(answer.body(), StandardCharsets.UTF_8)).isEqualTo("<rss/>"));
    }

    @Test
    void givesUpAfterFiveRedirects() {
        assertThat(get("/loop")).isEqualTo(new HttpAnswer.Refused("more than 5 redirects"));
        assertThat(hits.get("/loop")).hasValue(6);
    }

    @Test
    void refusesADeclaredLengthOverTheLimitBeforeReading() {
        assertThat(get("/declared-large"))
                .isEqualTo(new HttpAnswer.Refused("body declares 52428800 bytes, larger than 1000 bytes"));
    }

    @Test
    void refusesAContentEncodingOtherThanGzip() {
        assertThat(get("/brotli")).isEqualTo(new HttpAnswer.Refused("unsupported Content-Encoding 'br'"));
    }

    @Test
    void refusesAFileUrlWithoutTryingIt() {
        assertThat(http.get(URI.create("file:///etc/passwd"), Map.of()))
                .isEqualTo(new HttpAnswer.Refused("file:///etc/passwd refused: scheme 'file' is not http or https"));
    }

    @Test
    void refusesAClientThatFollowsRedirectsItself() {
        HttpClient following = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
        assertThatThrownBy(() -> new FeedHttp(following, Duration.ofSeconds(5), LIMIT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Redirect.NEVER");
    }
}
