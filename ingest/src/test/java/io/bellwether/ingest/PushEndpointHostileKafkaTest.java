package io.bellwether.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.bellwether.avro.DeadLetter;
import io.bellwether.ingest.source.PushEndpoint;
import io.bellwether.runtime.testing.RawHttp;
import io.bellwether.runtime.testing.SlowHeaderClients;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile clients on the push port in front of a real broker: each is refused with a status or disconnected,
 * nothing of theirs is published, and a normal push is still accepted afterwards.
 */
class PushEndpointHostileKafkaTest {
    private static final String TOKEN = "push-token-9d41c7e2";
    private static final int LIMIT = 200_000;
    private static final Duration DEADLINE = Duration.ofSeconds(3);
    private static final Duration GENEROUS = Duration.ofSeconds(30);
    private static IngestKafka fixture;
    private static ArticleIngest ingest;
    private static PushEndpoint endpoint;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(GENEROUS).build();
    private final ObjectMapper json = new ObjectMapper();
    private final AtomicInteger normal = new AtomicInteger();

    @BeforeAll
    static void start() throws Exception {
        fixture = IngestKafka.start();
        IngestConfig config = IngestConfig.defaults(IngestChannel.HTTP)
                .withPush(PushOptions.defaults().withPort(0).withMaxBodyBytes(LIMIT).withBearerToken(TOKEN));
        ingest = fixture.open(config, Clock.systemUTC());
        endpoint = new PushEndpoint(config.push(), ingest, Clock.systemUTC(), DEADLINE);
        endpoint.start();
    }

    @AfterAll
    static void stop() throws Exception {
        endpoint.close();
        ingest.close();
        fixture.close();
    }

    @AfterEach
    void stillAcceptsANormalPush() throws Exception {
        String title = "push normal " + normal.incrementAndGet() + " " + System.nanoTime();
        HttpResponse<String> response = post("{\"title\":\"" + title + "\",\"body\":\"b\"}", "Bearer " + TOKEN);
        assertThat(response.statusCode()).as("a normal push after the hostile one").isEqualTo(202);
    }

    @Test
    void acceptsPushesWhileFiftySlowClientsHangAndThenDisconnectsThem() throws Exception {
        try (SlowHeaderClients slow = SlowHeaderClients.open(endpoint.port(), 50, "POST /articles HTTP/1.1")) {
            assertThat(post("{\"title\":\"push beside slow\",\"body\":\"b\"}", "Bearer " + TOKEN).statusCode())
                    .isEqualTo(202);

            assertThat(slow.awaitAllClosed(GENEROUS)).as("all slow connections closed by the server").isTrue();
        }
    }

    @Test
    void hangsUpOnAMegabyteOfHeaders() throws Exception {
        RawHttp.Answer answer = RawHttp.exchange(endpoint.port(),
                RawHttp.hugeHeaders("POST /articles HTTP/1.1", 1_000, 1_000));

        assertThat(answer.closedByServer()).isTrue();
        assertThat(answer.status()).isIn(-1, 400, 431);
    }

    @Test
    void refusesAChunkedBodyPastTheLimitAndPublishesNothing() throws Exception {
        String body = "{\"title\":\"push chunked\",\"body\":\"" + "x".repeat(LIMIT + 10_000) + "\"}";

        RawHttp.Answer answer = RawHttp.exchange(endpoint.port(), chunked(body));

        assertThat(answer.status()).isEqualTo(413);
        assertThat(json.readTree(answer.body()).get("error").asText()).isEqualTo("body exceeds 200000 bytes");
        assertThat(answer.closedByServer()).isTrue();
        assertThat(fixture.articles(1000, Duration.ofSeconds(3)))
                .noneMatch(record -> record.value().getTitle().equals("push chunked"));
    }

    @Test
    void refusesJsonNestedDeeperThanJacksonAllowsAndDeadLettersIt() throws Exception {
        String body = "[".repeat(100_000);

        HttpResponse<String> response = post(body, "Bearer " + TOKEN);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json.readTree(response.body()).get("error").asText())
                .startsWith("body: invalid JSON: Document nesting depth (1001) exceeds the maximum allowed (1000");
        List<DeadLetter> letters = fixture.kafka.read(fixture.topics.deadLetter(), 1000, Duration.ofSeconds(3))
                .stream().filter(record -> record.key().equals("http")).map(ConsumerRecord::value)
                .filter(letter -> StandardCharsets.UTF_8.decode(letter.getOriginalValue().duplicate()).toString()
                        .equals(body))
                .toList();
        assertThat(letters).singleElement().extracting(DeadLetter::getReason).isEqualTo("invalid-json");
    }

    @Test
    void refusesAWrongTokenWithoutLoggingEitherToken() throws Exception {
        String wrong = "Bearer wrong-token-5be08a13";
        HttpResponse<String> response;
        String logged;
        String jdkRecords;
        try (LogCapture log = new LogCapture()) {
            response = post("{\"title\":\"push wrong token\",\"body\":\"b\"}", wrong);
            assertThat(post("{\"title\":\"push right token\",\"body\":\"b\"}", "Bearer " + TOKEN).statusCode())
                    .isEqualTo(202);
            logged = log.everything() + String.join("\n", fixture.progress);
            jdkRecords = log.jdkHttpRecords();
        }

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Bearer");
        assertThat(json.readTree(response.body()).get("error").asText()).isEqualTo("missing or wrong bearer token");
        assertThat(jdkRecords).as("the capture saw both exchanges").contains("POST /articles");
        assertThat(logged).doesNotContain("wrong-token-5be08a13").doesNotContain(TOKEN);
        assertThat(fixture.articles(1000, Duration.ofSeconds(3)))
                .noneMatch(record -> record.value().getTitle().equals("push wrong token"));
    }

    private HttpResponse<String> post(String body, String authorization) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + endpoint.port() + "/articles"))
                .timeout(GENEROUS).header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A POST with {@code Transfer-Encoding: chunked} and no Content-Length, in chunks of 10 000 bytes. */
    private static byte[] chunked(String body) {
        StringBuilder request = new StringBuilder("POST /articles HTTP/1.1\r\nHost: 127.0.0.1\r\n")
                .append("Authorization: Bearer ").append(TOKEN).append("\r\n")
                .append("Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n");
        for (int start = 0; start < body.length(); start += 10_000) {
            String chunk = body.substring(start, Math.min(body.length(), start + 10_000));
            request.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
        }
        return request.append("0\r\n\r\n").toString().getBytes(StandardCharsets.US_ASCII);
    }
}
