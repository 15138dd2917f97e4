package io.bellwether.aggregate.query;

import static io.bellwether.aggregate.Articles.NARRATIVE;
import static io.bellwether.aggregate.Articles.article;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.bellwether.aggregate.AggregateConfig;
import io.bellwether.aggregate.AggregateKeys;
import io.bellwether.aggregate.ScoringDriver;
import io.bellwether.aggregate.tally.Scoring;
import io.bellwether.avro.DeadLetter;
import io.bellwether.schemas.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The article list of a window and the dead-letter counts, over the topology's own stores. */
class IndexEndpointsTest {
    static final AggregateConfig CONFIG = AggregateKeys.config(Map.of(
            AggregateKeys.WINDOWS.name(), "PT1H/PT30M,PT24H/PT1H", AggregateKeys.UPDATE_INTERVAL.name(), "PT10M"));

    final LocalApi api = new LocalApi();
    ScoringDriver driver;
    String base;

    @BeforeEach
    void scoreArticlesAndServeTheApi() throws Exception {
        driver = new ScoringDriver(CONFIG);
        driver.pipe(article("a", "2026-10-04T09:10:00Z").title("<script>alert(1)</script> Weights")
                        .signal(0.6, 1.0, "open").evidence("open-weight", "open", "They shipped open-weight models."),
                article("b", "2026-10-04T09:40:00Z").signal(-0.2, 0.5, "closed"),
                article("c", "2026-10-04T10:00:00Z").signal(0.1, 1.0, "neutral"),
                article("r", "2026-10-04T09:20:00Z").signal("ai-regulation", 0.0, 1.0, "neutral"));
        driver.pipeRaw("broken", new byte[] {1, 2, 3});
        base = api.serve(ScoreApi.forStores(ScoreHttpHandlerTest.stores(driver), ScoreHttpHandlerTest.index(driver),
                CONFIG));
    }

    @AfterEach
    void stop() {
        api.close();
        driver.close();
    }

    @Test
    void listsTheArticlesPublishedInTheWindowOldestFirstWithTheirEvidenceSentence() throws Exception {
        LocalApi.Answer answer = api.get(base + "/narratives/" + NARRATIVE + "/articles?window=1h"
                + "&start=2026-10-04T09:00:00Z");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("windowEnd").asText()).isEqualTo("2026-10-04T10:00:00Z");
        assertThat(answer.body().path("total").asInt()).isEqualTo(2);
        JsonNode articles = answer.body().path("articles");
        assertThat(articles).extracting(a -> a.path("id").asText()).containsExactly("a", "b");
        JsonNode first = articles.get(0);
        assertThat(first.path("title").asText()).isEqualTo("<script>alert(1)</script> Weights");
        assertThat(first.path("entities")).isEmpty();
        JsonNode evidence = first.path("narratives").get(0).path("evidence").get(0);
        assertThat(evidence.path("text").asText()).isEqualTo("They shipped open-weight models.");
        assertThat(evidence.path("text").asText().substring(evidence.path("start").asInt()
                - evidence.path("textStart").asInt(), evidence.path("end").asInt()
                - evidence.path("textStart").asInt())).isEqualTo("open-weight");
    }

    @Test
    void listsOnlyTheNarrativeAskedForAndCapsTheListAtTheLimit() throws Exception {
        LocalApi.Answer day = api.get(base + "/narratives/" + NARRATIVE + "/articles?window=24h"
                + "&start=2026-10-04T00:00:00Z&limit=1");

        assertThat(day.body().path("total").asInt()).isEqualTo(3);
        assertThat(day.body().path("articles")).extracting(a -> a.path("id").asText()).containsExactly("a");
    }

    @Test
    void refusesAnArticleListWithoutAWindowStart() throws Exception {
        LocalApi.Answer answer = api.get(base + "/narratives/" + NARRATIVE + "/articles");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().path("error").asText()).contains("start");
    }

    @Test
    void countsDeadLettersByStageAndReasonWithTheLatestOne() throws Exception {
        TestInputTopic<String, DeadLetter> letters = driver.driver().createInputTopic(new Topics().deadLetter().name(),
                Serdes.String().serializer(), new Topics().deadLetter().valueSerde().serializer());
        letters.pipeInput("x", DeadLetter.newBuilder().setStage("enrich").setReason("too-long").setDetail("long")
                .setFailedAt(Instant.parse("2026-10-04T12:00:00Z")).build());

        LocalApi.Answer answer = api.get(base + "/dead-letters");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("total").asLong()).isEqualTo(2);
        assertThat(answer.body().path("deadLetters")).extracting(d -> d.path("stage").asText() + "/"
                + d.path("reason").asText()).containsExactlyInAnyOrder("aggregate/undecodable", "enrich/too-long");
        JsonNode tooLong = toList(answer.body().path("deadLetters")).stream()
                .filter(d -> d.path("reason").asText().equals("too-long")).findFirst().orElseThrow();
        assertThat(tooLong.path("latest").path("detail").asText()).isEqualTo("long");
        assertThat(tooLong.path("latest").path("originalValue").isNull()).isTrue();
    }

    @Test
    void sumsDeadLetterCountsOfSeveralInstances() throws Exception {
        Placement twoInstances = new Placement() {
            @Override
            public Route forNarrative(String store, String narrative) {
                return new Route.Local();
            }

            @Override
            public List<Route> everyInstance(String store) {
                return List.of(new Route.Local(), new Route.Remote(base.replace("/api", "")));
            }
        };
        String front = api.serve(new ScoreHttpHandler(new ScoreQueries(ScoreHttpHandlerTest.stores(driver),
                new Scoring(3)), new IndexQueries(ScoreHttpHandlerTest.index(driver)), twoInstances,
                new PeerClient(Duration.ofSeconds(5)), CONFIG.windows(), 3));

        LocalApi.Answer answer = api.get(front + "/dead-letters");

        assertThat(answer.body().path("deadLetters")).singleElement()
                .satisfies(d -> assertThat(d.path("count").asLong()).isEqualTo(2));
        assertThat(answer.body().path("total").asLong()).isEqualTo(2);
    }

    private static List<JsonNode> toList(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }
}
