package io.bellwether.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bellwether.runtime.config.ConfigException;
import io.bellwether.runtime.metrics.ServiceMetrics;
import io.bellwether.runtime.service.Health;
import io.bellwether.runtime.service.HealthChecks;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpEndpointTest {
    private final HttpClient client = HttpClient.newHttpClient();
    private final HealthChecks health = new HealthChecks();
    private final ServiceMetrics metrics = new ServiceMetrics("test-service");
    private final HttpEndpoint endpoint = new HttpEndpoint("127.0.0.1", 0, health, metrics);

    @AfterEach
    void close() {
        endpoint.close();
        metrics.close();
    }

    @Test
    void reportsHealthyWhenEveryCheckIsUp() throws Exception {
        health.register("streams", () -> Health.up("RUNNING"));
        endpoint.start((service, reason) -> { });

        HttpResponse<String> response = get("/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(response.body().trim())
                .isEqualTo("{\"status\":\"UP\",\"checks\":{\"streams\":{\"status\":\"UP\",\"detail\":\"RUNNING\"}}}");
    }

    @Test
    void answers503WithEachCheckWhenOneIsDown() throws Exception {
        AtomicReference<Health> streams = new AtomicReference<>(Health.up("RUNNING"));
        health.register("streams", streams::get);
        health.register("producer", () -> Health.up("sending"));
        endpoint.start((service, reason) -> { });
        streams.set(Health.down("ERROR"));

        HttpResponse<String> response = get("/health");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).contains("\"status\":\"DOWN\"")
                .contains("\"streams\":{\"status\":\"DOWN\",\"detail\":\"ERROR\"}")
                .contains("\"producer\":{\"status\":\"UP\",\"detail\":\"sending\"}");
    }

    @Test
    void servesPrometheusTextWithTheServiceTagAndJvmMeters() throws Exception {
        metrics.registry().counter("articles.in", "channel", "files").increment(3);
        endpoint.start((service, reason) -> { });

        HttpResponse<String> response = get("/metrics");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/plain"));
        assertThat(response.body())
                .contains("articles_in_total{channel=\"files\",service=\"test-service\"} 3.0")
                .contains("jvm_memory_used_bytes")
                .contains("jvm_threads_live_threads")
                .contains("process_uptime_seconds");
    }

    @Test
    void routesAMountedPrefixToItsHandler() throws Exception {
        endpoint.mount("/api/", exchange -> {
            byte[] body = ("you asked for " + exchange.getRequestURI().getPath()).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        endpoint.start((service, reason) -> { });

        assertThat(get("/api/narratives/open-vs-closed-ai").body())
                .isEqualTo("you asked for /api/narratives/open-vs-closed-ai");
        assertThat(get("/nothing-here").statusCode()).isEqualTo(404);
        assertThat(get("/healthz").statusCode()).isEqualTo(404);
    }

    @Test
    void namesHostAndPortWhenThePortIsTaken() {
        endpoint.start((service, reason) -> { });
        int taken = endpoint.port();
        HttpEndpoint second = new HttpEndpoint("127.0.0.1", taken, health, metrics);

        assertThatThrownBy(() -> second.start((service, reason) -> { }))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("cannot listen on 127.0.0.1:" + taken + ": ")
                .hasMessageEndingWith("(choose another http.port or http.host)");
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        URI uri = URI.create("http://127.0.0.1:" + endpoint.port() + path);
        return client.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
