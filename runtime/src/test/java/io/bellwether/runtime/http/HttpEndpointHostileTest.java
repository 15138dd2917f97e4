package io.bellwether.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.bellwether.runtime.metrics.ServiceMetrics;
import io.bellwether.runtime.service.Health;
import io.bellwether.runtime.service.HealthChecks;
import io.bellwether.runtime.testing.RawHttp;
import io.bellwether.runtime.testing.SlowHeaderClients;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Hostile clients on the service port: each is refused or disconnected, and /health keeps answering others. */
class HttpEndpointHostileTest {
    private static final Duration DEADLINE = Duration.ofSeconds(3);
    private static final Duration GENEROUS = Duration.ofSeconds(30);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(GENEROUS).build();
    private final HealthChecks health = new HealthChecks();
    private final ServiceMetrics metrics = new ServiceMetrics("test-service");
    private final HttpEndpoint endpoint = new HttpEndpoint("127.0.0.1", 0, health, metrics, DEADLINE);

    @BeforeEach
    void start() {
        health.register("streams", () -> Health.up("RUNNING"));
        endpoint.start((service, reason) -> { });
    }

    @AfterEach
    void close() {
        endpoint.close();
        metrics.close();
    }

    @Test
    void answersOthersWhileFiftySlowClientsHangAndThenDisconnectsThem() throws Exception {
        try (SlowHeaderClients slow = SlowHeaderClients.open(endpoint.port(), 50, "GET /health HTTP/1.1")) {
            assertThat(health().statusCode()).isEqualTo(200);

            assertThat(slow.awaitAllClosed(GENEROUS)).as("all slow connections closed by the server").isTrue();
        }
        assertThat(health().statusCode()).isEqualTo(200);
    }

    @Test
    void refusesAMegabyteOfHeadersAndStillServesOthers() throws Exception {
        RawHttp.Answer answer = RawHttp.exchange(endpoint.port(),
                RawHttp.hugeHeaders("GET /health HTTP/1.1", 1_000, 1_000));

        // The JDK (17.0.15: sun.net.httpserver.maxReqHeaders 200, maxReqHeaderSize 380 KiB) hangs up unanswered.
        assertThat(answer.closedByServer()).isTrue();
        assertThat(answer.status()).isIn(-1, 400, 431);
        assertThat(health().statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> health() throws IOException, InterruptedException {
        URI uri = URI.create("http://127.0.0.1:" + endpoint.port() + "/health");
        return client.send(HttpRequest.newBuilder(uri).timeout(GENEROUS).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
