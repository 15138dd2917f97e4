package io.bellwether.aggregate;

import static io.bellwether.aggregate.Articles.NARRATIVE;
import static io.bellwether.aggregate.Articles.article;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.bellwether.avro.DeadLetter;
import io.bellwether.avro.EntityScore;
import io.bellwether.avro.NarrativeScore;
import io.bellwether.schemas.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.Test;

class AggregateTopologyTest {
    /** One-hour windows hopping by 30 minutes, 10 minutes grace, an early update every 10 minutes. */
    static final AggregateConfig CONFIG = AggregateKeys.config(Map.of(
            AggregateKeys.WINDOWS.name(), "PT1H/PT30M", AggregateKeys.UPDATE_INTERVAL.name(), "PT10M",
            AggregateKeys.TOP_ENTITIES.name(), "2"));

    static String key(String start) {
        return NARRATIVE + "@" + start + "/PT1H";
    }

    @Test
    void namesEveryNodeStoreAndRepartitionTopic() {
        String description = new AggregateTopology(new Topics(), AggregateConfig.defaults())
                .build().describe().toString();
        assertThat(description).doesNotContain("KSTREAM-", "KTABLE-")
                .contains("aggregate-by-narrative-repartition", "aggregate-windows-pt1h", "aggregate-panes-pt1h",
                        "aggregate-windows-pt24h", "aggregate-panes-pt24h", "aggregate-stories-pt1h",
                        "aggregate-stories-pt24h", "aggregate-progress");
    }

    @Test
    void emitsFinalOnlyOnceStreamTimePassesWindowEndPlusGrace() {
        try (ScoringDriver driver = new ScoringDriver(CONFIG)) {
            driver.pipe(article("a", "2026-10-04T09:10:00Z").signal(0.5, 1.0, "open"),
                    article("b", "2026-10-04T10:09:59Z").signal(0.0, 1.0, "neutral"));
            assertThat(driver.narrativeFinals()).containsOnlyKeys(key("2026-10-04T08:30:00Z"));

            driver.pipe(article("c", "2026-10-04T10:10:00Z").signal(0.0, 1.0, "neutral"));
            Map<String, NarrativeScore> finals = driver.narrativeFinals();
            assertThat(finals).containsOnlyKeys(key("2026-10-04T09:00:00Z"));
            NarrativeScore nine = finals.get(key("2026-10-04T09:00:00Z"));
            assertThat(nine.getArticleCount()).isEqualTo(1);
            assertThat(nine.getWindowEnd().toString()).isEqualTo("2026-10-04T10:00:00Z");
            assertThat(nine.getWindowSize()).isEqualTo("PT1H");
        }
    }

    @Test
    void scoresAnArticleDatedAtTheEpochInTheWindowsThatStartAtOrAfterIt() {
        try (ScoringDriver driver = new ScoringDriver(CONFIG)) {
            driver.pipe(article("epoch", "1970-01-01T00:10:00Z").signal(0.5, 1.0, "open").entity("Meta", 1, 0.1,
                            "closed"),
                    article("after", "1970-01-01T03:00:00Z").signal(0.0, 1.0, "neutral"));
            Map<String, NarrativeScore> finals = driver.narrativeFinals();
            assertThat(finals).containsKey(key("1970-01-01T00:00:00Z"));
            assertThat(finals.get(key("1970-01-01T00:00:00Z")).getArticleCount()).isEqualTo(1);
            assertThat(finals.keySet()).allSatisfy(key -> assertThat(key).doesNotContain("1969"));
            driver.pipe(article("today", "2026-10-04T09:10:00Z").signal(0.5, 1.0, "open"));
            assertThat(driver.narrativeRecords()).anyMatch(record -> record.key.contains("2026-10-04"));
        }
    }

    @Test
    void countsArticleAtWindowEndInTheNextWindowsOnly() {
        try (ScoringDriver driver = new ScoringDriver(CONFIG)) {
            driver.pipe(article("edge", "2026-10-04T10:00:00Z").signal(1.0, 1.0, "open"),
                    article("later", "2026-10-04T12:00:00Z").signal(0.0, 1.0, "neutral"));
            Map<String, NarrativeScore> finals = driver.narrativeFinals();
            assertThat(finals).containsOnlyKeys(key("2026-10-04T09:30:00Z"), key("2026-10-04T10:00:00Z"));
            assertThat(finals.values()).allSatisfy(score -> assertThat(score.getArticleCount()).isEqualTo(1));
        }
    }

    @Test
    void computesMeansSharesAndConfidenceWeightedStance() {
        try (ScoringDriver driver = new ScoringDriver(CONFIG)) {
            driver.pipe(article("a", "2026-10-04T09:05:00Z").signal(0.8, 0.75, "open").sentiment(0.2),
                    article("b", "2026-10-04T09:15:00Z").signal(-0.4, 0.25, "closed").sentiment(-0.4),
                    article("c", "2026-10-04T09:20:00Z").signal(0.0, 0.0, "neutral").sentiment(0.5),
                    article("d", "2026-10-04T11:00:00Z").signal(0.0, 1.0, "neutral"));
            NarrativeScore nine = driver.narrativeFinals().get(key("2026-10-04T09:00:00Z"));
            assertThat(nine.getArticleCount()).isEqualTo(3);
            assertThat(nine.getMeanStance()).isCloseTo(0.4 / 3, within(1e-9));
            assertThat(nine.getWeightedStance()).isCloseTo((0.8 * 0.75 - 0.4 * 0.25) / 1.0, within(1e-9));
            assertThat(nine.getOpenShare()).isCloseTo(1 / 3d, within(1e-12));
            assertThat(nine.getClosedShare()).isCloseTo(1 / 3d, within(1e-12));
            assertThat(nine.getNeutralShare()).isCloseTo(1 / 3d, within(1e-12));
            assertThat(nine.getMeanSentiment()).isCloseTo(0.1, within(1e-9));
        }
    }

    @Test
    void momentumComparesWithTheWindowOneSizeEarlier() {
        try (ScoringDriver driver = new ScoringDriver(CONFIG)) {
            driver.pipe(article("a", "2026-10-04T08:10:00Z").signal(-0.5, 1.0, "closed"),
                    article("b", "2026-10-04T09:10:00Z").signal(0.25, 1.0, "open"),
                    article("c", "2026-10-04T12:00:00Z").signal(0.0, 1.0, "neutral"));
            Map<String, NarrativeScore> finals = driver.narrativeFinals();
            assertThat(finals.get(key("2026-10-04T08:00:00Z")).getMomentum()).isNull();
            assertThat(finals.get(key("2026-10-04T09:00:00Z")).getMomentum()).isCloseTo(0.75, within(1e-9));
            // 08:30-09:30 holds only b; the window one size earlier, 07:30-08:30, holds a.
            assertThat(finals.get(key("2026-10-04T08:30:00Z")).getMomentum()).isCloseTo(0.75, within(1e-9));
            assertThat(finals.get(key("2026-10-04T07:30:00Z")).getMomentum()).isNull();
        }
    }

    @Test
    void ranksTopEntitiesByMentionsThenName() {
        try (ScoringDriver driver = new ScoringDriver(CONFIG)) {
            driver.pipe(article("a", "2026-10-04T09:10:00Z").signal(0.5, 1.0, "open")
                            .entity("Mistral", 3, 0.1, "open").entity("Meta", 3, 0.2, "open")
                            .entity("OpenAI", 2, -0.1, "closed"),
                    article("b", "2026-10-04T09:20:00Z").signal(-0.5, 1.0, "closed").entity("OpenAI", 1, 0, "closed"),
                    article("c", "2026-10-04T11:00:00Z").signal(0.0, 1.0, "neutral"));
            NarrativeScore nine = driver.narrativeFinals().get(key("2026-10-04T09:00:00Z"));
            assertThat(nine.getTopEntities()).extracting(e -> e.getName() + ":" + e.getMentions())
                    .containsExactly("Meta:3", "Mistral:3");
            List<EntityScore> openAi = driver.entityRecords().stream().map(kv -> kv.value)
                    .filter(s -> s.getFinal$() && s.getEntity().equals("OpenAI")
                            && s.getWindowStart().toString().equals("2026-10-04T09:00:00Z")).toList();
            assertThat(openAi).singleElement().satisfies(score -> {
                assertThat(score.getArticleCount()).isEqualTo(2);
                assertThat(score.getMentions()).isEqualTo(3);
                assertThat(score.getMeanStance()).isCloseTo(0.0, within(1e-9));
                assertThat(score.getCamp()).isEqualTo("closed");
            });
        }
    }

    @Test
    void countsArticlesLaterThanGraceAndRoutesFullyLateOnesToDeadLetter() {
        AggregateMetrics metrics = new AggregateMetrics(CONFIG);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        metrics.bindTo(registry);
        try (ScoringDriver driver = new ScoringDriver(CONFIG, metrics)) {
            driver.pipe(article("a", "2026-10-04T09:10:00Z").signal(0.5, 1.0, "open"),
                    article("b", "2026-10-04T11:00:00Z").signal(0.0, 1.0, "neutral"),
                    article("late", "2026-10-04T09:20:00Z").signal(-1.0, 1.0, "closed"),
                    article("partly", "2026-10-04T10:20:00Z").signal(1.0, 1.0, "open"),
                    article("c", "2026-10-04T13:00:00Z").signal(0.0, 1.0, "neutral"));
            Map<String, NarrativeScore> finals = driver.narrativeFinals();
            assertThat(finals.get(key("2026-10-04T09:00:00Z")).getArticleCount()).isEqualTo(1);
            // Both late arrivals happened at stream time 11:00, inside the 10:30 and 11:00 windows.
            assertThat(finals.get(key("2026-10-04T10:30:00Z")).getLateArticles()).isEqualTo(2);
            assertThat(finals.get(key("2026-10-04T10:30:00Z")).getArticleCount()).isEqualTo(1);
            // "partly" missed the closed 09:30 window but still counts in the open 10:00 one.
            assertThat(finals.get(key("2026-10-04T10:00:00Z")).getArticleCount()).isEqualTo(1);
            assertThat(finals).doesNotContainKey(key("2026-10-04T09:30:00Z"));
            List<DeadLetter> letters = driver.deadLetters();
            assertThat(letters).singleElement().satisfies(letter -> {
                assertThat(letter.getReason()).isEqualTo("late");
                assertThat(letter.getStage()).isEqualTo("aggregate");
                assertThat(new String(letter.getOriginalKey().array(), StandardCharsets.UTF_8)).isEqualTo("late");
            });
            assertThat(registry.get("bellwether.aggregate.late.articles").tag("narrative", NARRATIVE)
                    .functionCounter().count()).isEqualTo(2.0);
        }
    }

    @Test
    void throttlesEarlyUpdatesToTheStreamTimeInterval() {
        try (ScoringDriver driver = new ScoringDriver(CONFIG)) {
            driver.pipe(article("a", "2026-10-04T09:00:00Z").signal(0.5, 1.0, "open"),
                    article("b", "2026-10-04T09:03:00Z").signal(0.5, 1.0, "open"),
                    article("c", "2026-10-04T09:06:00Z").signal(0.5, 1.0, "open"));
            List<KeyValue<String, NarrativeScore>> first = driver.narrativeRecords();
            assertThat(first).extracting(kv -> kv.key + ":" + kv.value.getArticleCount() + ":" + kv.value.getFinal$())
                    .containsExactlyInAnyOrder(key("2026-10-04T09:00:00Z") + ":1:false",
                            key("2026-10-04T08:30:00Z") + ":1:false");
            driver.pipe(article("d", "2026-10-04T09:10:00Z").signal(0.5, 1.0, "open"));
            assertThat(driver.narrativeRecords())
                    .extracting(kv -> kv.key + ":" + kv.value.getArticleCount() + ":" + kv.value.getFinal$())
                    .containsExactlyInAnyOrder(key("2026-10-04T09:00:00Z") + ":4:false",
                            key("2026-10-04T08:30:00Z") + ":4:false");
        }
    }

    @Test
    void countsAnArticleOnceWhenItRepeatsANarrativeSignal() {
        try (ScoringDriver driver = new ScoringDriver(CONFIG)) {
            driver.pipe(article("twice", "2026-10-04T09:10:00Z").signal(0.5, 1.0, "open").signal(-0.5, 1.0, "closed"),
                    article("later", "2026-10-04T11:00:00Z").signal(0.0, 1.0, "neutral"));
            NarrativeScore nine = driver.narrativeFinals().get(key("2026-10-04T09:00:00Z"));
            assertThat(nine.getArticleCount()).isEqualTo(1);
            assertThat(nine.getMeanStance()).isEqualTo(0.5);
        }
    }

    @Test
    void routesUndecodableInputToDeadLetter() {
        try (ScoringDriver driver = new ScoringDriver(CONFIG)) {
            driver.pipeRaw("bad", "not avro".getBytes(StandardCharsets.UTF_8));
            assertThat(driver.deadLetters()).singleElement().satisfies(letter -> {
                assertThat(letter.getReason()).isEqualTo("undecodable");
                assertThat(letter.getSourceTopic()).isEqualTo("news.articles.enriched");
            });
            assertThat(driver.narrativeRecords()).isEmpty();
        }
    }
}
