package io.bellwether.cli.page;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bellwether.avro.EnrichedArticle;
import io.bellwether.avro.NarrativeSignal;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Waits, through the query API, until the aggregate has indexed the newest article of every narrative. */
final class ScoredSample {
    private static final int PATIENCE_POLLS = 1200;

    private final String api;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    ScoredSample(String api) {
        this.api = api;
    }

    void awaitLastArticles(List<EnrichedArticle> articles, List<String> narratives) throws Exception {
        for (String narrative : narratives) {
            EnrichedArticle last = articles.stream()
                    .filter(article -> article.getNarratives().stream().map(NarrativeSignal::getId)
                            .anyMatch(narrative::equals))
                    .reduce((a, b) -> b).orElseThrow(() -> new AssertionError("no sample article of " + narrative));
            Instant hour = last.getPublishedAt().truncatedTo(ChronoUnit.HOURS);
            String url = api + "narratives/" + URLEncoder.encode(narrative, StandardCharsets.UTF_8)
                    + "/articles?window=24h&limit=1000&start=" + hour;
            awaitListed(url, last.getId());
        }
    }

    private void awaitListed(String url, String id) throws Exception {
        String seen = "";
        for (int i = 0; i < PATIENCE_POLLS; i++) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                seen = response.body();
                if (response.statusCode() == 200) {
                    for (JsonNode article : json.readTree(seen).path("articles")) {
                        if (article.path("id").asText().equals(id)) {
                            return;
                        }
                    }
                }
            } catch (IOException notYet) {
                seen = notYet.toString();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("article " + id + " never listed at " + url + "; last answer: " + seen);
    }
}
