package io.bellwether.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bellwether.avro.EnrichedArticle;
import io.bellwether.avro.NarrativeScore;
import io.bellwether.cli.Bellwether;
import io.bellwether.runtime.testing.TestKafka;
import io.bellwether.schemas.Topics;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The demo end to end, once per test class: the bundled corpus through ingest, CoreNLP enrichment and
 * aggregation on a real broker, scraped by a real Prometheus. Then: the storyline shows in the final daily
 * scores, and every Grafana panel's query returns data.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoEndToEndTest {
    private static final String OPEN_VS_CLOSED = "open-vs-closed-ai";

    private TestKafka kafka;
    private PrometheusServer prometheus;
    private final StringWriter output = new StringWriter();
    private int exitCode;
    private Instant started;
    private Instant finished;
    private int demoPort;
    private Set<Path> scratchBefore;

    @BeforeAll
    void runTheDemoUntilIdle(@TempDir Path dir) throws Exception {
        kafka = TestKafka.start();
        demoPort = PrometheusServer.freePort();
        prometheus = PrometheusServer.scraping("127.0.0.1:" + demoPort, dir);
        scratchBefore = demoScratchDirs();
        started = Instant.now();
        CommandLine demo = Bellwether.commandLine();
        demo.setOut(new PrintWriter(output, true));
        demo.setErr(new PrintWriter(output, true));
        exitCode = CompletableFuture.supplyAsync(() -> demo.execute("demo", "--until-idle",
                "--bootstrap-servers", kafka.bootstrapServers(), "--http-port", Integer.toString(demoPort),
                "--corpus", Path.of("..", "corpus", "sample").toString(),
                "--set", "state.dir=" + dir.resolve("state"))).get(15, TimeUnit.MINUTES);
        finished = Instant.now();
    }

    @AfterAll
    void stop() throws Exception {
        if (prometheus != null) {
            prometheus.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void printsTheNarrativePageAddressFirst() {
        assertThat(output.toString().lines().findFirst())
                .hasValue("demo: narrative page http://127.0.0.1:" + demoPort + "/");
    }

    @Test
    void leavesNoScratchDirectoryBehind() throws IOException {
        assertThat(demoScratchDirs()).as("the demo's temporary state and broker directories after it ended")
                .containsExactlyInAnyOrderElementsOf(scratchBefore);
    }

    private static Set<Path> demoScratchDirs() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(path -> path.getFileName().toString().startsWith("bellwether-demo-"))
                    .collect(Collectors.toSet());
        }
    }

    @Test
    void scoresTheWholeCorpusAndPrintsTheFinalTable() {
        assertThat(exitCode).as(output.toString()).isZero();
        assertThat(output.toString())
                .contains("progress: ingested 172 (8 duplicates)", "scored 172", "dead-lettered 6", "corpus fully scored")
                .contains("open-vs-closed-ai", "ai-regulation");
    }

    @Test
    void finalDailyScoresShowTheStoryline() {
        Map<String, NarrativeScore> days = finalDailyScores(OPEN_VS_CLOSED);

        double baseline = meanStance(days, "2026-10-01", "2026-10-02", "2026-10-03");
        double releaseWeek = meanStance(days, "2026-10-04", "2026-10-05", "2026-10-06", "2026-10-07");
        double scare = meanStance(days, "2026-10-08", "2026-10-09", "2026-10-10", "2026-10-11");

        assertThat(releaseWeek).as("release week vs baseline, days %s", days.keySet()).isGreaterThan(baseline);
        assertThat(baseline).as("baseline vs regulation scare").isGreaterThan(scare);
        String busiestRegulationDay = finalDailyScores("ai-regulation").entrySet().stream()
                .max(Map.Entry.comparingByValue((a, b) -> Long.compare(a.getArticleCount(), b.getArticleCount())))
                .map(Map.Entry::getKey).orElseThrow();
        assertThat(busiestRegulationDay).as("ai-regulation peaks in the scare").isBetween("2026-10-08", "2026-10-11");
    }

    @Test
    void theSyndicatedCopiesJoinTheirOriginalsStoriesAndCountOnceInTheScores() {
        Map<String, List<EnrichedArticle>> byStory = new TreeMap<>();
        for (ConsumerRecord<String, EnrichedArticle> record
                : kafka.read(new Topics().enriched(), Integer.MAX_VALUE, Duration.ofSeconds(10))) {
            byStory.computeIfAbsent(record.value().getStoryId(), story -> new ArrayList<>()).add(record.value());
        }
        // corpus/sample/README.md: four originals with one syndicated copy each (45-180 minutes later), and the
        // 10-14 burst, a wire item with six word-for-word copies and two light rewrites.
        List<List<EnrichedArticle>> stories = byStory.values().stream().filter(story -> story.size() > 1)
                .map(story -> story.stream().sorted(Comparator.comparing(EnrichedArticle::getPublishedAt)).toList())
                .toList();
        assertThat(stories).extracting(List::size).containsExactlyInAnyOrder(2, 2, 2, 2, 9);
        assertThat(stories).allSatisfy(story -> {
            assertThat(story.get(0).getStoryId()).as("the story is its first article's").isEqualTo(story.get(0).getId());
            assertThat(story.get(0).getNovelty()).isEqualTo(1.0);
        });
        assertThat(stories).filteredOn(story -> story.size() == 2).allSatisfy(pair -> {
            assertThat(pair.get(1).getTitle()).isEqualTo(pair.get(0).getTitle());
            // Novelty = age / 24 h for an exact copy.
            assertThat(pair.get(1).getNovelty()).isBetween(0.02, 0.13);
        });
        List<EnrichedArticle> burst = stories.stream().filter(story -> story.size() == 9).findFirst().orElseThrow();
        assertThat(burst.stream().map(EnrichedArticle::getTitle).distinct()).as("the original's title and two rewrites'")
                .hasSize(3);
        // In weightedStance an article weighs confidence x novelty: the nine weigh less than two first articles.
        assertThat(burst.stream().mapToDouble(EnrichedArticle::getNovelty).sum())
                .as("the burst's novelty summed over its nine articles").isLessThan(2.0);

        // The last day's window is still open when the demo goes idle: its latest update holds the whole day.
        Map<String, NarrativeScore> latest = latestDailyScores(OPEN_VS_CLOSED);
        NarrativeScore burstDay = latest.get("2026-10-14");
        assertThat(burstDay.getStoryCount()).as("10-14: the burst's nine articles count one story")
                .isEqualTo(burstDay.getArticleCount() - 8);
        assertThat(finals(latest).values())
                .allSatisfy(day -> assertThat(day.getStoryCount()).isLessThanOrEqualTo(day.getArticleCount()));
        System.out.printf("DemoEndToEndTest: 10-14 open-vs-closed-ai %d articles, %d stories, meanStance %.3f,"
                + " weightedStance %.3f%n", burstDay.getArticleCount(), burstDay.getStoryCount(),
                burstDay.getMeanStance(), burstDay.getWeightedStance());
    }

    @Test
    void everyDashboardPanelQueryReturnsData() throws Exception {
        JsonNode dashboard = new ObjectMapper().readTree(
                Path.of("grafana", "dashboards", "bellwether.json").toFile());
        List<String> empty = new ArrayList<>();
        int queries = 0;
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                queries++;
                String expr = target.path("expr").asText();
                if (prometheus.queryRange(expr, started, finished).isEmpty()) {
                    empty.add(panel.path("title").asText() + ": " + expr);
                }
            }
        }
        assertThat(queries).isGreaterThan(10);
        assertThat(empty).as("panel queries without data").isEmpty();
    }

    /** Final 24 h windows starting at midnight UTC, by day. */
    private Map<String, NarrativeScore> finalDailyScores(String narrative) {
        return finals(latestDailyScores(narrative));
    }

    private static Map<String, NarrativeScore> finals(Map<String, NarrativeScore> days) {
        Map<String, NarrativeScore> finals = new TreeMap<>(days);
        finals.values().removeIf(score -> !score.getFinal$());
        return finals;
    }

    /** The last record of each 24 h window starting at midnight UTC (its final one once it closed), by day. */
    private Map<String, NarrativeScore> latestDailyScores(String narrative) {
        Map<String, NarrativeScore> days = new TreeMap<>();
        for (ConsumerRecord<String, NarrativeScore> record
                : kafka.read(new Topics().narrativeScores(), Integer.MAX_VALUE, Duration.ofSeconds(10))) {
            NarrativeScore score = record.value();
            String start = score.getWindowStart().toString();
            if (score.getNarrative().equals(narrative) && score.getWindowSize().equals("PT24H")
                    && start.endsWith("T00:00:00Z")) {
                days.merge(start.substring(0, 10), score, (earlier, later) -> earlier.getFinal$() ? earlier : later);
            }
        }
        return days;
    }

    private static double meanStance(Map<String, NarrativeScore> days, String... dates) {
        double sum = 0;
        long articles = 0;
        for (String date : dates) {
            NarrativeScore score = days.get(date);
            if (score != null) {
                sum += score.getMeanStance() * score.getArticleCount();
                articles += score.getArticleCount();
            }
        }
        assertThat(articles).as("articles scored on %s", List.of(dates)).isPositive();
        return sum / articles;
    }
}
