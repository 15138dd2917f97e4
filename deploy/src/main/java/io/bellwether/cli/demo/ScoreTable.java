package io.bellwether.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.IntSupplier;

/**
 * The live narrative table, read from the service's own query API ({@code GET /api/narratives}), as a user's
 * dashboard would: per narrative the newest window's stance index, volume, shares, momentum and top entities.
 */
final class ScoreTable {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final String host;
    private final IntSupplier port;
    private final String window;

    /** @param port the HTTP endpoint's bound port, read when the table is rendered */
    ScoreTable(String host, IntSupplier port, String window) {
        this.host = host;
        this.port = port;
        this.window = window;
    }

    /** The rendered table, or empty while no narrative has a score yet. */
    Optional<String> render() {
        JsonNode body;
        try {
            URI api = URI.create("http://" + host + ":" + port.getAsInt() + "/api/narratives?window=" + window);
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(api).timeout(Duration.ofSeconds(5))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return Optional.empty();
            }
            body = json.readTree(response.body());
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        List<String> lines = new ArrayList<>();
        for (JsonNode score : body.path("narratives")) {
            lines.add(row(score));
        }
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        lines.add(0, String.format(Locale.ROOT, "%-26s %-17s %5s %7s %15s %8s  %s", "narrative",
                "window (" + body.path("window").asText() + ")", "arts", "stance", "open/clos/neut", "momentum",
                "top entities"));
        return Optional.of(String.join(System.lineSeparator(), lines));
    }

    private static String row(JsonNode score) {
        JsonNode momentum = score.path("momentum");
        List<String> entities = new ArrayList<>();
        for (JsonNode entity : score.path("topEntities")) {
            if (entities.size() < 3) {
                entities.add(String.format(Locale.ROOT, "%s (%+.2f)", entity.path("name").asText(),
                        entity.path("stance").asDouble()));
            }
        }
        return String.format(Locale.ROOT, "%-26s %-17s %5d %+7.2f %4.0f/%4.0f/%4.0f%% %8s  %s%s",
                score.path("narrative").asText(), score.path("windowStart").asText().replace(":00Z", "Z"),
                score.path("articleCount").asLong(), score.path("weightedStance").asDouble(),
                100 * score.path("openShare").asDouble(), 100 * score.path("closedShare").asDouble(),
                100 * score.path("neutralShare").asDouble(),
                momentum.isNull() || momentum.isMissingNode() ? "-" : String.format(Locale.ROOT, "%+.2f",
                        momentum.asDouble()),
                String.join(", ", entities), score.path("final").asBoolean() ? "  [final]" : "");
    }
}
