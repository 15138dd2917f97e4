package io.bellwether.aggregate.query;

import static io.bellwether.aggregate.Articles.NARRATIVE;
import static io.bellwether.aggregate.Articles.article;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpHandler;
import io.bellwether.aggregate.AggregateConfig;
import io.bellwether.aggregate.AggregateKeys;
import io.bellwether.aggregate.ScoringDriver;
import io.bellwether.aggregate.stream.ArticleIndex;
import io.bellwether.aggregate.stream.DeadLetterCounts;
import io.bellwether.aggregate.tally.Scoring;
import io.bellwether.avro.DeadLetter;
import io.bellwether.avro.EnrichedArticle;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ScoreHttpHandlerTest {
    static final AggregateConfig CONFIG = AggregateKeys.config(Map.of(
            AggregateKeys.WINDOWS.name(), "PT1H/PT30M,PT24H/PT1H", AggregateKeys.UPDATE_INTERVAL.name(), "PT10M"));
    static final String OTHER = "ai-regulation";

    final ObjectMapper json = new ObjectMapper();
    final HttpClient http = HttpClient.newHttpClient();
    final LocalApi api = new LocalApi();
    final List<ScoringDriver> drivers = new ArrayList<>();
    String base;

    @BeforeEach
    void startApiOverScoredArticles() throws IOException {
        ScoringDriver driver = driver();
        driver.pipe(article("a", "2026-10-04T09:10:00Z").signal(0.6, 1.0, "open")
                        .entity("Hugging Face", 4, 0.3, "open").entity("OpenAI", 2, -0.2, "closed"),
                article("b", "2026-10-04T09:40:00Z").signal(-0.2, 0.5, "closed").entity("OpenAI", 3, -0.1, "closed"),
                article("c", "2026-10-04T10:20:00Z").signal(OTHER, 0.1, 1.0, "neutral")
                        .entity("Hugging Face", 1, 0.0, "open"),
                article("d", "2026-10-04T11:00:00Z").signal(0.0, 1.0, "neutral"));
        base = serve(ScoreApi.forStores(stores(driver), index(driver), CONFIG));
    }

    @AfterEach
    void stop() {
        api.close();
        drivers.forEach(ScoringDriver::close);
    }

    ScoringDriver driver() {
        ScoringDriver driver = new ScoringDriver(CONFIG);
        drivers.add(driver);
        return driver;
    }

    static TallyStores stores(ScoringDriver driver) {
        return TallyStores.byName(name -> driver.driver().getWindowStore(name));
    }

    static IndexStores index(ScoringDriver driver) {
        return new IndexStores() {
            @Override
            public ReadOnlyWindowStore<String, EnrichedArticle> articles() {
                return driver.driver().getWindowStore(ArticleIndex.STORE);
            }

            @Override
            public ReadOnlyKeyValueStore<String, Long> deadLetterCounts() {
                return driver.driver().getKeyValueStore(DeadLetterCounts.COUNTS);
            }

            @Override
            public ReadOnlyKeyValueStore<String, DeadLetter> latestDeadLetters() {
                return driver.driver().getKeyValueStore(DeadLetterCounts.LATEST);
            }
        };
    }

    String serve(HttpHandler handler) throws IOException {
        return api.serve(handler);
    }

    LocalApi.Answer get(String url) throws IOException, InterruptedException {
        return api.get(url);
    }

    @Test
    void listsTheTrailingWindowOfEveryNarrative() throws Exception {
        LocalApi.Answer answer = get(base + "/narratives");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("window").asText()).isEqualTo("PT1H");
        assertThat(answer.body().path("narratives")).extracting(n -> n.path("narrative").asText() + "@"
                + n.path("windowStart").asText())
                // Of the windows holding each narrative's newest article, the one that started earliest.
                .containsExactly(OTHER + "@2026-10-04T09:30:00Z", NARRATIVE + "@2026-10-04T10:30:00Z");
    }

    @Test
    void returnsNarrativeWindowsInTheRequestedRangeWithFinalFlags() throws Exception {
        LocalApi.Answer answer = get(base + "/narratives/" + NARRATIVE + "/scores?window=1h"
                + "&from=2026-10-04T09:00:00Z&to=2026-10-04T10:30:00Z");
        assertThat(answer.status()).isEqualTo(200);
        JsonNode scores = answer.body().path("scores");
        assertThat(scores).extracting(s -> s.path("windowStart").asText() + ":" + s.path("articleCount").asLong()
                + ":" + s.path("final").asBoolean())
                .containsExactly("2026-10-04T09:00:00Z:2:true", "2026-10-04T09:30:00Z:1:true",
                        "2026-10-04T10:30:00Z:1:false");
    }

    @Test
    void servesTheDayWindowsWhenAsked() throws Exception {
        LocalApi.Answer answer = get(base + "/narratives/" + NARRATIVE + "/scores?window=PT24H&from=2026-10-04T00:00:00Z"
                + "&to=2026-10-04T00:00:00Z");
        assertThat(answer.body().path("scores")).singleElement()
                .satisfies(s -> assertThat(s.path("articleCount").asLong()).isEqualTo(3));
    }

    @Test
    void ranksTheEntitiesOfTheNewestNarrativeWindow() throws Exception {
        LocalApi.Answer answer = get(base + "/entities?narrative=" + NARRATIVE + "&top=1&window=1h");
        assertThat(answer.status()).isEqualTo(200);
        // The newest window (11:00) holds article d only, which names no entity.
        assertThat(answer.body().path("entities")).isEmpty();
        LocalApi.Answer other = get(base + "/entities?narrative=" + OTHER);
        assertThat(other.body().path("entities")).extracting(e -> e.path("entity").asText())
                .containsExactly("Hugging Face");
    }

    @Test
    void returnsAnEntitysWindowsAcrossNarratives() throws Exception {
        LocalApi.Answer answer = get(base + "/entities/Hugging%20Face/scores?from=2026-10-04T09:00:00Z"
                + "&to=2026-10-04T10:00:00Z");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("scores")).extracting(s -> s.path("narrative").asText() + "@"
                + s.path("windowStart").asText() + ":" + s.path("mentions").asLong())
                .containsExactly(NARRATIVE + "@2026-10-04T09:00:00Z:4", OTHER + "@2026-10-04T09:30:00Z:1",
                        OTHER + "@2026-10-04T10:00:00Z:1");
    }

    @Test
    void answersNotFoundWithAReason() throws Exception {
        assertThat(get(base + "/narratives/nonexistent/scores").status()).isEqualTo(404);
        assertThat(get(base + "/entities?narrative=nonexistent").body().path("error").asText())
                .contains("unknown narrative");
        assertThat(get(base + "/entities/Nobody/scores").status()).isEqualTo(404);
        assertThat(get(base + "/nothing-here").status()).isEqualTo(404);
    }

    @Test
    void answersBadRequestWithAReason() throws Exception {
        LocalApi.Answer badTime = get(base + "/narratives/" + NARRATIVE + "/scores?from=yesterday");
        assertThat(badTime.status()).isEqualTo(400);
        assertThat(badTime.body().path("error").asText()).contains("from");
        assertThat(get(base + "/narratives?window=7h").body().path("error").asText()).contains("PT1H", "PT24H");
        assertThat(get(base + "/entities?narrative=" + NARRATIVE + "&top=0").status()).isEqualTo(400);
        assertThat(get(base + "/entities").body().path("error").asText()).contains("narrative");
    }

    @Test
    void refusesAnythingButGet() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/narratives"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(405);
    }

    @Test
    void forwardsToTheOwnerAndMergesListsAcrossInstances() throws Exception {
        ScoringDriver local = driver();
        local.pipe(article("x", "2026-10-04T08:00:00Z").signal("local-only", 0.5, 1.0, "open"));
        Placement split = new Placement() {
            @Override
            public Route forNarrative(String store, String narrative) {
                return narrative.equals("local-only") ? new Route.Local() : new Route.Remote(base.replace("/api", ""));
            }

            @Override
            public List<Route> everyInstance(String store) {
                return List.of(new Route.Local(), new Route.Remote(base.replace("/api", "")));
            }
        };
        String front = serve(new ScoreHttpHandler(new ScoreQueries(stores(local),
                new Scoring(3)), new IndexQueries(index(local)), split, new PeerClient(Duration.ofSeconds(5)),
                CONFIG.windows(), 3));
        LocalApi.Answer routed = get(front + "/narratives/" + NARRATIVE + "/scores?from=2026-10-04T09:00:00Z"
                + "&to=2026-10-04T09:00:00Z");
        assertThat(routed.body().path("scores")).singleElement()
                .satisfies(s -> assertThat(s.path("articleCount").asLong()).isEqualTo(2));
        assertThat(get(front + "/narratives").body().path("narratives"))
                .extracting(n -> n.path("narrative").asText()).containsExactly(OTHER, "local-only", NARRATIVE);
    }
}
