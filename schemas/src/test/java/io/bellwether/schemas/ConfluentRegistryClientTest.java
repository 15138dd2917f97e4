package io.bellwether.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.bellwether.avro.Article;
import io.bellwether.schemas.ConfluentRegistryClient.RegistryException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the real-registry tests cannot provoke: busy answers, answers that are not JSON, and the exact request.
 * A JDK HTTP server on loopback plays the registry, answering from a queue of canned replies.
 */
class ConfluentRegistryClientTest {
    private final Deque<Reply> replies = new ConcurrentLinkedDeque<>();
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private HttpServer server;
    private ConfluentRegistryClient client;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
        client = new ConfluentRegistryClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void postsTheSchemaAsTheConfluentApiExpectsAndCachesTheId() throws IOException {
        replies.add(new Reply(200, "{\"id\":7}"));

        assertThat(client.register("news.articles-value", Article.getClassSchema())).isEqualTo(7);
        assertThat(client.register("news.articles-value", Article.getClassSchema())).isEqualTo(7);

        assertThat(requests).hasSize(1);
        String[] request = requests.get(0).split("\n", 3);
        assertThat(request[0]).isEqualTo("POST /subjects/news.articles-value/versions");
        assertThat(request[1]).isEqualTo("application/vnd.schemaregistry.v1+json");
        JsonNode body = new ObjectMapper().readTree(request[2]);
        assertThat(body.get("schema").asText()).isEqualTo(Article.getClassSchema().toString());
    }

    @Test
    void retriesABusyRegistryUntilItAnswers() {
        replies.add(new Reply(503, "{\"error_code\":50301,\"message\":\"starting\"}"));
        replies.add(new Reply(200, "{\"schema\":\"\\\"string\\\"\"}"));

        assertThat(client.schema(3).getType()).isEqualTo(Schema.Type.STRING);
        assertThat(requests).hasSize(2);
    }

    @Test
    void givesUpAfterThreeBusyAnswersNamingTheLast() {
        for (int i = 0; i < 3; i++) {
            replies.add(new Reply(503, "{\"error_code\":50301,\"message\":\"still starting\"}"));
        }

        assertThatThrownBy(() -> client.schema(3))
                .isInstanceOf(RegistryException.class)
                .hasMessage("schema registry " + client.url() + " answered GET /schemas/ids/3 with 503, error 50301:"
                        + " still starting");
    }

    @Test
    void quotesAnAnswerThatIsNotJson() {
        replies.add(new Reply(200, "<html>sign in</html>"));

        assertThatThrownBy(() -> client.register("t-value", Article.getClassSchema()))
                .isInstanceOf(RegistryException.class)
                .hasMessage("schema registry " + client.url() + " answered POST /subjects/t-value/versions with 200:"
                        + " <html>sign in</html>");
    }

    @Test
    void refusesAnAnswerThatIsNotAnAvroSchema() {
        replies.add(new Reply(200, "{\"schema\":\"{\\\"type\\\":\\\"recrod\\\"}\"}"));

        assertThatThrownBy(() -> client.schema(5))
                .isInstanceOf(RegistryException.class)
                .hasMessageStartingWith("schema id 5 from schema registry " + client.url()
                        + " is not a valid Avro schema: ");
    }

    private void answer(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + "\n"
                + exchange.getRequestHeaders().getFirst("Content-Type") + "\n" + body);
        Reply reply = replies.isEmpty() ? new Reply(500, "no reply queued") : replies.poll();
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(reply.status(), bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private record Reply(int status, String body) {
    }
}
