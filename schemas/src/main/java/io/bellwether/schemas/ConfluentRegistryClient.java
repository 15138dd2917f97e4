package io.bellwether.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * Talks to a schema registry through the Confluent-compatible REST API (Confluent Schema Registry, Karapace,
 * Redpanda, Apicurio's {@code /apis/ccompat/v7}): an Avro schema and subject flow in, the id the registry serves
 * flows out, and back. Answers are cached for the life of the client; failures raise a {@link RegistryException}
 * that says what the registry answered.
 *
 * <p>Hand-written over {@code java.net.http} because no maintained client of this API is on Maven Central:
 * Confluent's is only in Confluent's own repository, Apicurio's serdes (3.x) speak only Apicurio's native v2/v3
 * APIs, and Spring Cloud Stream's {@code ConfluentSchemaRegistryClient} brings Spring Boot and the Stream binder
 * with it. Two calls are needed: {@code POST /subjects/{subject}/versions} and {@code GET /schemas/ids/{id}}.
 */
final class ConfluentRegistryClient {
    private static final String MEDIA_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final Set<Integer> RETRIED = Set.of(408, 429, 502, 503, 504);
    private static final int ATTEMPTS = 3;
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final String base;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<Integer, Schema> byId = new ConcurrentHashMap<>();
    private final Map<Map.Entry<String, Schema>, Integer> registered = new ConcurrentHashMap<>();

    /** {@code url} is the API's base, e.g. {@code http://registry:8081} or {@code .../apis/ccompat/v7}. */
    ConfluentRegistryClient(URI url) {
        this.base = url.toString().replaceAll("/+$", "");
        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    }

    String url() {
        return base;
    }

    /** Registers {@code schema} under {@code subject} (the registry answers the existing id when it is there). */
    int register(String subject, Schema schema) {
        Map.Entry<String, Schema> key = Map.entry(subject, schema);
        Integer cached = registered.get(key);
        if (cached != null) {
            return cached;
        }
        String path = "/subjects/" + URLEncoder.encode(subject, StandardCharsets.UTF_8) + "/versions";
        String body = json.createObjectNode().put("schema", schema.toString()).toString();
        Answer answer = send("POST " + path, HttpRequest.newBuilder(URI.create(base + path))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .header("Content-Type", MEDIA_TYPE));
        if (answer.status() != 200 || !answer.body().path("id").canConvertToInt()) {
            throw new RegistryException(registerRefusal(answer, schema.getFullName(), subject, path));
        }
        int id = answer.body().get("id").asInt();
        registered.putIfAbsent(key, id);
        return id;
    }

    /** The Avro schema the registry holds under {@code id}. */
    Schema schema(int id) {
        Schema cached = byId.get(id);
        if (cached != null) {
            return cached;
        }
        String path = "/schemas/ids/" + id;
        Answer answer = send("GET " + path, HttpRequest.newBuilder(URI.create(base + path)).GET());
        if (answer.status() == 404) {
            throw new RegistryException("schema id " + id + " is not in schema registry " + base + " ("
                    + answer.summary() + ")");
        }
        if (answer.status() != 200 || !answer.body().path("schema").isTextual()) {
            throw new RegistryException(unexpected(answer, "GET " + path));
        }
        String type = answer.body().path("schemaType").asText("AVRO");
        if (!type.equals("AVRO")) {
            throw new RegistryException("schema id " + id + " is a " + type + " schema, not Avro");
        }
        try {
            Schema schema = new Schema.Parser().parse(answer.body().get("schema").asText());
            byId.putIfAbsent(id, schema);
            return schema;
        } catch (RuntimeException e) {
            // Avro 1.12's parser also fails with a NullPointerException on an unknown type name.
            throw new RegistryException("schema id " + id + " from schema registry " + base
                    + " is not a valid Avro schema: " + e, e);
        }
    }

    private String registerRefusal(Answer answer, String record, String subject, String path) {
        String what = "the schema of " + record + " for subject " + subject;
        return switch (answer.status()) {
            case 409 -> "schema registry " + base + " refused " + what
                    + " as incompatible with the versions registered there (" + answer.summary() + ")";
            case 422 -> "schema registry " + base + " rejected " + what + " as invalid (" + answer.summary() + ")";
            case 404 -> unexpected(answer, "POST " + path) + "; schema.registry.url must be the base of a"
                    + " Confluent-compatible API (for Apicurio Registry: http://HOST:PORT/apis/ccompat/v7)";
            default -> unexpected(answer, "POST " + path);
        };
    }

    private String unexpected(Answer answer, String request) {
        return "schema registry " + base + " answered " + request + " with " + answer.summary();
    }

    /** Sends the request, retrying connection failures and busy answers; {@code call} names it in messages. */
    private Answer send(String call, HttpRequest.Builder builder) {
        HttpRequest request = builder.timeout(TIMEOUT).header("Accept", MEDIA_TYPE + ", application/json").build();
        IOException failure = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            if (attempt > 1) {
                pause(Duration.ofMillis(200L << (2 * (attempt - 2))));
            }
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (!RETRIED.contains(response.statusCode()) || attempt == ATTEMPTS) {
                    return new Answer(response.statusCode(), response.body(), parse(response.body()));
                }
            } catch (IOException e) {
                failure = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RegistryException("interrupted while asking schema registry " + base + ": " + call, e);
            }
        }
        throw new RegistryException("cannot reach schema registry " + base + " (" + call + ", " + ATTEMPTS
                + " attempts): " + failure, failure);
    }

    private JsonNode parse(String body) {
        try {
            return json.readTree(body);
        } catch (IOException | UncheckedIOException notJson) {
            return json.missingNode();
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryException("interrupted while waiting to retry the schema registry", e);
        }
    }

    /** One HTTP answer: the raw body for messages, the parsed one (a missing node when not JSON) for values. */
    private record Answer(int status, String raw, JsonNode body) {
        String summary() {
            JsonNode message = body.path("message");
            if (message.isTextual()) {
                JsonNode code = body.path("error_code");
                return status + (code.isNumber() ? ", error " + code.asInt() : "") + ": " + message.asText();
            }
            String text = raw == null ? "" : raw.strip();
            return status + (text.isEmpty() ? "" : ": " + (text.length() > 200 ? text.substring(0, 200) + "..." : text));
        }
    }

    /** What went wrong talking to the registry, in words that name the registry and the request. */
    static final class RegistryException extends RuntimeException {
        RegistryException(String message) {
            super(message);
        }

        RegistryException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
