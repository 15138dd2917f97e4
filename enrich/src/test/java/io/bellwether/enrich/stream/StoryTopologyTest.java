package io.bellwether.enrich.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static io.bellwether.enrich.story.StoryTexts.OTHER;
import static io.bellwether.enrich.story.StoryTexts.OTHER_BODY;
import static io.bellwether.enrich.story.StoryTexts.REWRITE;
import static io.bellwether.enrich.story.StoryTexts.REWRITE_BODY;
import static io.bellwether.enrich.story.StoryTexts.WIRE;
import static io.bellwether.enrich.story.StoryTexts.WIRE_BODY;

import io.bellwether.avro.Article;
import io.bellwether.avro.EnrichedArticle;
import io.bellwether.enrich.EnrichConfig;
import io.bellwether.enrich.analysis.AnalysisResult;
import io.bellwether.enrich.story.EchoAnalyzer;
import io.bellwether.enrich.story.StoryIndex;
import io.bellwether.enrich.story.StorySettings;
import io.bellwether.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The story stage in a {@link TopologyTestDriver}: first articles, copies, rewrites, the horizon, determinism. */
class StoryTopologyTest {
    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    private final Topics topics = new Topics();
    private TopologyTestDriver driver;
    private TestInputTopic<byte[], byte[]> input;
    private TestOutputTopic<String, EnrichedArticle> output;

    private void start() {
        start(StorySettings.defaults());
    }

    private void start(StorySettings stories) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "story-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        // One input partition, as the driver has (see EnrichDriver).
        driver = new TopologyTestDriver(new EnrichTopology(topics, new EchoAnalyzer(), EnrichConfig.defaults(),
                new EnrichMetrics(), stories).build(topics.articles().name(), 1), props);
        input = driver.createInputTopic(topics.articles().name(), Serdes.ByteArray().serializer(),
                Serdes.ByteArray().serializer());
        output = driver.createOutputTopic(topics.enriched().name(), Serdes.String().deserializer(),
                topics.enriched().valueSerde().deserializer());
    }

    @AfterEach
    void stop() {
        if (driver != null) {
            driver.close();
        }
    }

    private EnrichedArticle send(String id, String title, String body, Instant at) {
        return send(article(id, title, body, at));
    }

    private EnrichedArticle send(Article article) {
        Instant at = article.getPublishedAt();
        input.pipeInput(new TestRecord<>(article.getId().getBytes(StandardCharsets.UTF_8),
                topics.articles().valueSerde().serializer().serialize(topics.articles().name(), article), at));
        TestRecord<String, EnrichedArticle> out = output.readRecord();
        assertThat(out.key()).isEqualTo(article.getId());
        assertThat(out.timestamp()).isEqualTo(at.toEpochMilli());
        assertThat(output.isEmpty()).as("one enriched record per article").isTrue();
        return out.value();
    }

    /** The wire story at T0, then {@code id} {@code age} later; returns what the second became. */
    private EnrichedArticle afterTheWire(String id, String title, String body, Duration age) {
        start();
        send("wire-1", WIRE, WIRE_BODY, T0);
        return send(id, title, body, T0.plus(age));
    }

    @Test
    void aRecordWithoutAKeyComesOutWithoutOneAndWithItsStory() {
        start();
        Article article = article("keyless-1", WIRE, WIRE_BODY, T0);
        input.pipeInput(new TestRecord<>((byte[]) null,
                topics.articles().valueSerde().serializer().serialize(topics.articles().name(), article), T0));

        TestRecord<String, EnrichedArticle> out = output.readRecord();
        assertThat(out.key()).isNull();
        assertThat(out.value().getStoryId()).isEqualTo("keyless-1");
        assertThat(output.isEmpty()).isTrue();
    }

    @Test
    void switchedOffTheStageLooksUpNoStoryAndHasNoStoryTopicOrStore() {
        Topology topology = new EnrichTopology(topics, new EchoAnalyzer(), EnrichConfig.defaults(),
                new EnrichMetrics(), StorySettings.defaults().disabled()).build();
        assertThat(topology.describe().toString()).doesNotContain("story-probes", "story-bands", "story-pending")
                .contains("enrich-story-off");
        start(StorySettings.defaults().disabled());
        send("wire-1", WIRE, WIRE_BODY, T0);
        EnrichedArticle copy = send("wire-2", WIRE, WIRE_BODY, T0.plusSeconds(60));
        assertThat(copy.getStoryId()).as("not looked up: read as the article's own").isNull();
        assertThat(copy.getSimilarity()).isEqualTo(1.0);
        assertThat(copy.getNovelty()).isEqualTo(1.0);
    }

    @Test
    void theFirstArticleOfAStoryIsItsOwnStoryWithFullNovelty() {
        start();
        EnrichedArticle first = send("wire-1", WIRE, WIRE_BODY, T0);

        assertThat(first.getStoryId()).isEqualTo("wire-1");
        assertThat(first.getSimilarity()).isEqualTo(1.0);
        assertThat(first.getNovelty()).isEqualTo(1.0);
    }

    @Test
    void anExactCopyJoinsTheStoryWithNoveltyDecayedByItsAge() {
        EnrichedArticle copy = afterTheWire("copy-1", WIRE, WIRE_BODY, Duration.ofHours(6));

        assertThat(copy.getStoryId()).isEqualTo("wire-1");
        assertThat(copy.getSimilarity()).isEqualTo(1.0);
        // 1 - similarity * (1 - age / horizon) = 1 - (1 - 6/24)
        assertThat(copy.getNovelty()).isCloseTo(0.25, within(1e-9));
    }

    @Test
    void aLightRewriteJoinsTheStoryWithASimilarityBelowOne() {
        EnrichedArticle rewrite = afterTheWire("rewrite-1", REWRITE, REWRITE_BODY, Duration.ofHours(1));

        assertThat(rewrite.getStoryId()).isEqualTo("wire-1");
        assertThat(rewrite.getSimilarity()).isBetween(0.5, 0.999);
        assertThat(rewrite.getNovelty()).isGreaterThan(1 - rewrite.getSimilarity()).isLessThan(1.0);
    }

    @Test
    void aDifferentStoryAndAVeryShortTextStayTheirOwn() {
        start();
        send("wire-1", WIRE, WIRE_BODY, T0);
        EnrichedArticle other = send("other-1", OTHER, OTHER_BODY, T0.plus(Duration.ofMinutes(5)));
        EnrichedArticle brief = send("brief-1", WIRE, "", T0.plus(Duration.ofMinutes(6)));
        EnrichedArticle brief2 = send("brief-2", WIRE, "", T0.plus(Duration.ofMinutes(7)));

        assertThat(other.getStoryId()).isEqualTo("other-1");
        assertThat(brief.getStoryId()).isEqualTo("brief-1");
        assertThat(brief2.getStoryId()).as("a headline alone is too short to match").isEqualTo("brief-2");
    }

    @Test
    void theEarliestCloseArticleIsTheStoryEvenWhenALaterCopyIsCloser() {
        start();
        send("wire-b", WIRE, WIRE_BODY, T0);
        EnrichedArticle tie = send("wire-a", WIRE, WIRE_BODY, T0);
        send("copy-1", WIRE, WIRE_BODY, T0.plus(Duration.ofHours(1)));
        EnrichedArticle third = send("copy-2", WIRE, WIRE_BODY, T0.plus(Duration.ofHours(2)));

        assertThat(tie.getStoryId()).as("same event time: the smaller id is not before it").isEqualTo("wire-a");
        assertThat(third.getStoryId()).isEqualTo("wire-a");
    }

    /** The known limit (enrich/README.md, Stories): a bucket answers in arrival order, not in event-time order. */
    @Test
    void aCopyThatArrivesBeforeItsEarlierOriginalCannotNameItAndBothStartStories() {
        start();
        EnrichedArticle copy = send("copy-1", WIRE, WIRE_BODY, T0.plus(Duration.ofHours(1)));
        EnrichedArticle original = send("wire-1", WIRE, WIRE_BODY, T0);

        assertThat(copy.getStoryId()).isEqualTo("copy-1");
        assertThat(original.getStoryId()).as("the later copy is not before it").isEqualTo("wire-1");
    }

    @Test
    void aRepeatPastTheHorizonStartsAStoryOfItsOwnAndTheBucketsForgetTheFirst() {
        start();
        send("wire-1", WIRE, WIRE_BODY, T0);
        EnrichedArticle late = send("late-1", WIRE, WIRE_BODY, T0.plus(Duration.ofHours(25)));
        send("other-1", OTHER, OTHER_BODY, T0.plus(Duration.ofDays(4)));

        assertThat(late.getStoryId()).isEqualTo("late-1");
        assertThat(late.getNovelty()).isEqualTo(1.0);
        List<String> remembered = new ArrayList<>();
        try (KeyValueIterator<Object, Object> all = driver.getKeyValueStore(EnrichTopology.STORY_BAND_STORE).all()) {
            all.forEachRemaining(entry -> remembered.add(entry.key.toString()));
        }
        // 32 bands, a bucket entry and a time-index entry each: only the article within the horizon is left.
        assertThat(remembered).hasSize(64).allMatch(key -> key.endsWith("|other-1"));
        try (KeyValueIterator<Object, Object> waiting = driver.getKeyValueStore(EnrichTopology.STORY_PENDING_STORE)
                .all()) {
            assertThat(waiting.hasNext()).as("no article left waiting for its story").isFalse();
        }
    }

    @Test
    void theSameInputGivesTheSameStoriesInAFreshRun() {
        List<KeyValue<String, String>> first = run();
        driver.close();
        List<KeyValue<String, String>> second = run();

        assertThat(second).isEqualTo(first);
        assertThat(first).extracting(kv -> kv.value).containsExactly(
                "wire-1 1.0 1.0", "other-1 1.0 1.0", "wire-1 1.0 0.5", "other-1 1.0 0.25");
    }

    @Test
    void theOfflineIndexGivesTheStoriesOfTheStreamForTheSameOrder() {
        List<KeyValue<String, String>> streamed = run();
        StoryIndex index = new StoryIndex(StorySettings.defaults());
        List<KeyValue<String, String>> offline = new ArrayList<>();
        for (Article article : runInput()) {
            EnrichedArticle enriched = ((AnalysisResult.Enriched) new EchoAnalyzer().analyze(article)).article();
            index.resolve(enriched, index.text().signature(article));
            offline.add(story(enriched));
        }

        assertThat(offline).isEqualTo(streamed);
    }

    private static List<Article> runInput() {
        return List.of(article("wire-1", WIRE, WIRE_BODY, T0),
                article("other-1", OTHER, OTHER_BODY, T0.plus(Duration.ofHours(1))),
                article("copy-1", WIRE, WIRE_BODY, T0.plus(Duration.ofHours(12))),
                article("copy-2", OTHER, OTHER_BODY, T0.plus(Duration.ofHours(7))));
    }

    private static Article article(String id, String title, String body, Instant at) {
        return Article.newBuilder().setId(id).setSource("test").setTitle(title).setBody(body)
                .setPublishedAt(at).setIngestedAt(at).build();
    }

    private List<KeyValue<String, String>> run() {
        start();
        return runInput().stream().map(article -> story(send(article))).toList();
    }

    private static KeyValue<String, String> story(EnrichedArticle article) {
        return KeyValue.pair(article.getId(), article.getStoryId() + " " + article.getSimilarity() + " "
                + article.getNovelty());
    }
}
