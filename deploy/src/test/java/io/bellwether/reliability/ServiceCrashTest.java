package io.bellwether.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.bellwether.avro.EnrichedArticle;
import io.bellwether.avro.NarrativeScore;
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
 * kill -9 of the enrich process in the middle of the sample corpus, of the aggregate process while it scores, and
 * of the aggregate again while the closing article makes every window emit its final record; each time a restart
 * with the same command and state directory, except that the last aggregate finds its state directory deleted. The read_committed outputs then hold every article once and the final
 * scores equal those of a clean run (a replay of the same articles, with no kill, into {@code *.clean} topics).
 */
class ServiceCrashTest {
    /** Five days of the sample corpus (58 distinct articles), enough that enrich is far from done at its kill. */
    static final List<Path> INPUT = List.of(sampleDay("2026-10-01"), sampleDay("2026-10-02"),
            sampleDay("2026-10-03"), sampleDay("2026-10-04"), sampleDay("2026-10-05"));
    /** After every window of the input plus {@link LocalPipeline#GRACE}: it closes them all. */
    private static final Instant CLOSING = Instant.parse("2026-10-13T00:00:00Z");
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

            // enrich alone, killed at its first committed transaction: the rest of the input is still to do.
            CliJvm enrich = pipeline.startEnrich("enrich-1", 0);
            int enrichedAtKill = watch.awaitCommitted(live.enriched(), 1, enrich, STAGE_TIMEOUT);
            enrich.kill();
            assertThat(enrichedAtKill).as("enrich killed mid-stream").isLessThan(articles);

            CliJvm enrichAgain = pipeline.startEnrich("enrich-2", 0);
            CliJvm aggregate = pipeline.startAggregate("aggregate-1");
            int scoresAtKill = watch.awaitCommitted(live.narrativeScores(), 1, aggregate, STAGE_TIMEOUT);
            aggregate.kill();
            CliJvm aggregateAgain = pipeline.startAggregate("aggregate-2");
            watch.awaitDrained(true, STAGE_TIMEOUT);

            // The closing article makes every window final; the aggregate dies as soon as it is enriched, before or
            // while the finals are written (which of the two is printed below).
            pipeline.ingestClosingArticle(CLOSING);
            watch.awaitCommitted(live.enriched(), articles + 1, enrichAgain, STAGE_TIMEOUT);
            aggregateAgain.kill();
            int finalsAtKill = committed.narrativeFinals(live.narrativeScores()).size();
            // Its state directory goes too: the last aggregate restores every store from the changelogs.
            long stateFiles = pipeline.deleteState("aggregate");
            CliJvm aggregateLast = pipeline.startAggregate("aggregate-3");
            watch.awaitDrained(true, STAGE_TIMEOUT);
            enrichAgain.stop();
            aggregateLast.stop();

            CliJvm replay = pipeline.startReplay("clean", CLOSING.minus(Duration.ofDays(30)), CLOSING.plusSeconds(1));
            assertThat(replay.awaitExit(STAGE_TIMEOUT)).as(replay.output()).isZero();

            Topics clean = new Topics("clean");
            Delivery delivery = watch.awaitDelivery(committed.keys(live.articles()), live.enriched());
            Map<String, List<NarrativeScore>> finals = committed.narrativeFinals(live.narrativeScores());
            System.out.printf("ServiceCrashTest: %d articles; enrich killed at %d enriched, aggregate at %d score "
                    + "records, aggregate again at %d of %d narrative finals, its state directory deleted (%d files); after restarts %d duplicates, %d "
                    + "missing%n", articles, enrichedAtKill, scoresAtKill, finalsAtKill, finals.size(), stateFiles,
                    delivery.duplicates().size(), delivery.missing().size());
            assertThat(delivery.duplicates()).isEmpty();
            assertThat(delivery.missing())
                    .as(() -> watch.explain(delivery, live.enriched(), live.deadLetter())).isEmpty();
            Map<String, EnrichedArticle> enriched = values(committed, live);
            assertThat(enriched).isEqualTo(values(committed, clean));
            assertClosesEveryNarrative(enriched);
            assertFinalsOnceAndEqual(finals, committed.narrativeFinals(clean.narrativeScores()));
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
