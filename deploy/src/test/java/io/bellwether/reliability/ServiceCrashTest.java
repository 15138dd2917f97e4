package io.bellwether.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.bellwether.avro.EnrichedArticle;
import io.bellwether.avro.NarrativeSignal;
import io.bellwether.schemas.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of the enrich and the aggregate processes in the middle of the sample corpus, then a restart: the
 * read_committed outputs hold every article once and the final scores equal those of a clean run (a replay of the
 * same articles, with no kill, into {@code *.clean} topics).
 */
class ServiceCrashTest {
    static final List<Path> INPUT = List.of(sampleDay("2026-10-01"), sampleDay("2026-10-02"), sampleDay("2026-10-03"));
    private static final Instant CLOSING = Instant.parse("2026-10-10T00:00:00Z");
    private static final Duration STAGE_TIMEOUT = Duration.ofMinutes(5);

    /** Kept when the test fails: the broker's and each service's log are in it. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    @Test
    void restartedServicesAfterKillNineWriteEveryArticleOnceAndTheFinalScoresOfACleanRun() throws Exception {
        Topics live = new Topics();
        try (LocalPipeline pipeline = LocalPipeline.start(dir)) {
            int articles = pipeline.ingest(INPUT);
            PipelineWatch watch = pipeline.watch();
            CommittedRecords committed = pipeline.committed();

            CliJvm aggregate = pipeline.startAggregate("aggregate-1");
            CliJvm enrich = pipeline.startEnrich("enrich-1", 0);
            watch.awaitCommitted(live.narrativeScores(), 1, aggregate, STAGE_TIMEOUT);
            aggregate.kill();
            int enrichedAtKill = watch.awaitCommitted(live.enriched(), articles / 2, enrich, STAGE_TIMEOUT);
            enrich.kill();
            assertThat(enrichedAtKill).as("enrich killed mid-stream").isLessThan(articles);

            CliJvm aggregateAgain = pipeline.startAggregate("aggregate-2");
            CliJvm enrichAgain = pipeline.startEnrich("enrich-2", 0);
            watch.awaitDrained(true, STAGE_TIMEOUT);
            pipeline.ingestClosingArticle(CLOSING);
            watch.awaitDrained(true, STAGE_TIMEOUT);
            enrichAgain.stop();
            aggregateAgain.stop();

            CliJvm replay = pipeline.startReplay("clean", CLOSING.minus(Duration.ofDays(30)), CLOSING.plusSeconds(1));
            assertThat(replay.awaitExit(STAGE_TIMEOUT)).as(replay.output()).isZero();

            Topics clean = new Topics("clean");
            Delivery delivery = watch.awaitDelivery(committed.keys(live.articles()), live.enriched());
            assertThat(delivery.duplicates()).isEmpty();
            assertThat(delivery.missing())
                    .as(() -> watch.explain(delivery, live.enriched(), live.deadLetter())).isEmpty();
            Map<String, EnrichedArticle> enriched = values(committed, live);
            assertThat(enriched).isEqualTo(values(committed, clean));
            assertClosesEveryNarrative(enriched);
            assertFinalsOnceAndEqual(committed.narrativeFinals(live.narrativeScores()),
                    committed.narrativeFinals(clean.narrativeScores()));
            assertFinalsOnceAndEqual(committed.entityFinals(live.entityScores()),
                    committed.entityFinals(clean.entityScores()));
        }
    }

    private static <V> void assertFinalsOnceAndEqual(Map<String, List<V>> finals, Map<String, List<V>> cleanFinals) {
        assertThat(cleanFinals).isNotEmpty();
        assertThat(finals).allSatisfy((key, records) -> assertThat(records).as(key).hasSize(1));
        Set<String> windows = new TreeSet<>(finals.keySet());
        windows.addAll(cleanFinals.keySet());
        Map<String, String> differing = new TreeMap<>();
        windows.stream().filter(key -> !Objects.equals(finals.get(key), cleanFinals.get(key)))
                .forEach(key -> differing.put(key, "after kills " + finals.get(key) + ", clean " + cleanFinals.get(key)));
        assertThat(differing).as("%d of %d windows differ", differing.size(), windows.size()).isEmpty();
    }

    /** Without a signal for a narrative the closing article would leave that narrative's windows open, unchecked. */
    private static void assertClosesEveryNarrative(Map<String, EnrichedArticle> enriched) {
        Set<String> narratives = enriched.values().stream().flatMap(article -> article.getNarratives().stream())
                .map(NarrativeSignal::getId).collect(Collectors.toSet());
        EnrichedArticle closing = enriched.values().stream()
                .filter(article -> article.getPublishedAt().equals(CLOSING)).findFirst().orElseThrow();
        assertThat(closing.getNarratives()).extracting(NarrativeSignal::getId).containsAll(narratives);
    }

    private static Map<String, EnrichedArticle> values(CommittedRecords committed, Topics topics) {
        return committed.read(topics.enriched()).stream()
                .collect(Collectors.toMap(CommittedRecords.Keyed::key, CommittedRecords.Keyed::value, (a, b) -> a));
    }

    static Path sampleDay(String day) {
        return Path.of("..", "corpus", "sample", day);
    }
}
