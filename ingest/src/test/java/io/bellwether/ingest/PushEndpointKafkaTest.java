package io.bellwether.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bellwether.avro.Article;
import io.bellwether.avro.DeadLetter;
import io.bellwether.ingest.source.PushEndpoint;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The push endpoint in front of a real broker: accepted bodies land on the topic, bad ones are refused. */
class PushEndpointKafkaTest {
    private static final String TOKEN = "s3cret-token";
    private static IngestKafka fixture;
    private static ArticleIngest ingest;
    private static PushEndpoint endpoint;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        fixture = IngestKafka.start();
        IngestConfig config = IngestConfig.defaults(IngestChannel.HTTP)
                .withPush(PushOptions.defaults().withPort(0).withMaxBodyBytes(4096).withBearerToken(TOKEN));
        ingest = fixture.open(config, Clock.systemUTC());
        endpoint = new PushEndpoint(config.push(), ingest, Clock.systemUTC());
        endpoint.start();
    }

    @AfterAll
    static void stop() throws Exception {
        endpoint.close();
        ingest.close();
        fixture.close();
    }

    private HttpResponse<String> post(String body, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + endpoint.port()
                + "/articles")).POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode answer(HttpResponse<String> response) throws IOException {
        return json.readTree(response.body());
    }

    @Test
    void acceptsAnObjectAndAnArrayAndAnswersWithTheIds() throws Exception {
        HttpResponse<String> single = post("{\"title\":\"push one\",\"body\":\"Open weights.\",\"url\":"
                + "\"https://push.example/one\"}", TOKEN);
        HttpResponse<String> batch = post("[{\"title\":\"push two\",\"body\":\"b\",\"publishedAt\":"
                + "\"2025-02-01T00:00:00Z\"},{\"title\":\"push three\",\"body\":\"c\"}]", TOKEN);

        assertThat(single.statusCode()).isEqualTo(202);
        assertThat(batch.statusCode()).isEqualTo(202);
        String oneId = answer(single).get("ids").get(0).asText();
        assertThat(answer(batch).get("ids")).hasSize(2);
        List<ConsumerRecord<String, Article>> records = fixture.articles(1000, Duration.ofSeconds(5));
        assertThat(records).filteredOn(record -> record.value().getTitle().startsWith("push "))
                .extracting(ConsumerRecord::key).contains(oneId).hasSize(3);
        assertThat(records).extracting(record -> record.value().getIngestChannel()).containsOnly("http");
    }

    @Test
    void answersARepeatedArticleAsDuplicate() throws Exception {
        String body = "{\"title\":\"push again\",\"body\":\"x\",\"url\":\"https://push.example/again\"}";
        String id = answer(post(body, TOKEN)).get("ids").get(0).asText();

        JsonNode second = answer(post(body.replace("again\"}", "again?utm_medium=social\"}"), TOKEN));

        assertThat(second.get("ids")).isEmpty();
        assertThat(second.get("duplicates").get(0).asText()).isEqualTo(id);
    }

    @Test
    void refusesInvalidJsonAndMissingFieldsWithTheReason() throws Exception {
        HttpResponse<String> broken = post("{\"title\": ", TOKEN);
        HttpResponse<String> noBody = post("[{\"title\":\"push ok\",\"body\":\"b\"},{\"title\":\"push no body\"}]",
                TOKEN);

        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(answer(broken).get("error").asText()).startsWith("body:1: invalid JSON");
        assertThat(noBody.statusCode()).isEqualTo(400);
        assertThat(answer(noBody).get("error").asText()).isEqualTo("body[1]: missing body");
        assertThat(fixture.articles(1000, Duration.ofSeconds(3)))
                .noneMatch(record -> record.value().getTitle().equals("push ok"));
    }

    @Test
    void deadLettersARefusedBodyWholeUnderTheKeyHttp() throws Exception {
        String body = "[{\"title\":\"push dlq ok\",\"body\":\"b\"},{\"title\":\"push dlq\",\"body\":\"c\","
                + "\"publishedAt\":\"someday\"}]";
        assertThat(post(body, TOKEN).statusCode()).isEqualTo(400);

        List<DeadLetter> letters = fixture.kafka.read(fixture.topics.deadLetter(), 1000, Duration.ofSeconds(3))
                .stream().filter(record -> record.key().equals("http")).map(ConsumerRecord::value)
                .filter(letter -> StandardCharsets.UTF_8.decode(letter.getOriginalValue().duplicate()).toString()
                        .equals(body))
                .toList();
        assertThat(letters).hasSize(1);
        assertThat(letters.get(0).getReason()).isEqualTo("bad-timestamp");
        assertThat(letters.get(0).getDetail()).isEqualTo("http: body[1]: unparseable publishedAt 'someday'");
    }

    @Test
    void refusesABodyThatIsNotUtf8AndDeadLettersItsBytes() throws Exception {
        byte[] body = "{\"title\":\"push latin1 caf\u00e9\",\"body\":\"b\"}".getBytes(StandardCharsets.ISO_8859_1);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + endpoint.port() + "/articles")).header("Authorization", "Bearer " + TOKEN)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(answer(response).get("error").asText()).isEqualTo("body: not UTF-8 text");
        List<DeadLetter> letters = fixture.kafka.read(fixture.topics.deadLetter(), 1000, Duration.ofSeconds(3))
                .stream().filter(record -> record.key().equals("http")).map(ConsumerRecord::value)
                .filter(letter -> letter.getOriginalValue().equals(ByteBuffer.wrap(body)))
                .toList();
        assertThat(letters).singleElement().extracting(DeadLetter::getReason).isEqualTo("not-utf8");
        assertThat(fixture.articles(1000, Duration.ofSeconds(3)))
                .noneMatch(record -> record.value().getTitle().startsWith("push latin1"));
    }

    @Test
    void refusesABodyOverTheLimit() throws Exception {
        HttpResponse<String> response = post("{\"title\":\"big\",\"body\":\"" + "x".repeat(5000) + "\"}", TOKEN);
        assertThat(response.statusCode()).isEqualTo(413);
    }

    @Test
    void requiresTheConfiguredBearerToken() throws Exception {
        String body = "{\"title\":\"push unauthorised\",\"body\":\"b\"}";
        assertThat(post(body, null).statusCode()).isEqualTo(401);
        assertThat(post(body, "wrong-token").statusCode()).isEqualTo(401);
        assertThat(fixture.registry.get("ingest.push.requests").tag("status", "401").counter().count())
                .isEqualTo(2);
    }

    @Test
    void allowsOnlyPost() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + endpoint.port() + "/articles")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(405);
    }
}
