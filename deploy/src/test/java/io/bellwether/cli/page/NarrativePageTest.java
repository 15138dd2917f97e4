package io.bellwether.cli.page;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.bellwether.aggregate.AggregateKeys;
import io.bellwether.avro.EnrichedArticle;
import io.bellwether.avro.Evidence;
import io.bellwether.avro.NarrativeSignal;
import io.bellwether.enrich.narrative.Narrative;
import io.bellwether.enrich.narrative.NarrativeFile;
import io.bellwether.runtime.testing.EnrichedSample;
import io.bellwether.runtime.testing.TestKafka;
import io.bellwether.schemas.Topic;
import io.bellwether.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The narrative page in headless Chromium, once per class: two aggregate instances on a real broker score the
 * sample corpus as enrich analysed it ({@link EnrichedSample}) plus one hostile article and one undecodable record;
 * the page is opened on the first instance, which answers from both. Screenshot: target/narrative-page.png.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NarrativePageTest {
    static final String OPEN_VS_CLOSED = "open-vs-closed-ai";
    static final String HOSTILE_ID = "hostile-script-title";
    static final String HOSTILE_TITLE = "<script>window.pwned = 1</script><img src=x onerror=\"window.pwned = 2\">"
            + " Open weights win";
    // The whole fixture is on the input's six partitions before the instances start, and their tasks read them
    // at unrelated speeds: a grace longer than the corpus keeps every article in its windows, so the scores do not
    // depend on that interleaving (the demo paces its ingest instead).
    static final Map<String, String> KEYS = Map.of(AggregateKeys.GRACE.name(), "P30D",
            AggregateKeys.HISTORY.name(), "P90D", AggregateKeys.APPLICATION_ID.name(), "page-test");

    private TestKafka kafka;
    private final List<AggregateInstance> instances = new ArrayList<>();
    private HeadlessChromium browser;
    private final List<String> shipped = NarrativeFile.defaults().narratives().stream().map(Narrative::id).toList();

    @BeforeAll
    void scoreTheSampleAndOpenThePage(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(HeadlessChromium.missing() == null, () -> "skipped: " + HeadlessChromium.missing());
        kafka = TestKafka.start();
        Topics topics = new Topics();
        kafka.createTopics(topics.all());
        List<EnrichedArticle> articles = new ArrayList<>(EnrichedSample.articles());
        articles.add(hostile());
        articles.sort(Comparator.comparing(EnrichedArticle::getPublishedAt));
        produce(topics.enriched(), articles);
        kafka.sendRaw(topics.enriched().name(), "broken".getBytes(StandardCharsets.UTF_8), new byte[] {9, 9, 9});
        for (int i = 0; i < 2; i++) {
            instances.add(AggregateInstance.start(kafka.bootstrapServers(), dir.resolve("state-" + i), KEYS));
        }
        new ScoredSample(instances.get(0).page() + "api/").awaitLastArticles(articles, shipped);
        browser = HeadlessChromium.start(dir, 1400, 2000);
        browser.open(instances.get(0).page() + "?window=24h");
        NarrativePage.awaitCharts(browser, shipped);
    }

    @AfterAll
    void stop() throws Exception {
        if (browser != null) {
            browser.screenshot(Path.of("target", "narrative-page.png"));
            browser.close();
        }
        instances.forEach(AggregateInstance::close);
        if (kafka != null) {
            kafka.close();
        }
    }

    /** Dated in the release week, with markup in its title, its evidence and its URL. */
    static EnrichedArticle hostile() {
        String sentence = "Critics said <b>open-weight</b> models <script>window.pwned = 3</script> will spread.";
        int start = sentence.indexOf("open-weight");
        Evidence cue = Evidence.newBuilder().setSentence(1).setStart(500 + start).setEnd(500 + start + 11)
                .setCue("open-weight").setSide("open").setSentiment(0.1).setText(sentence).setTextStart(500).build();
        NarrativeSignal signal = NarrativeSignal.newBuilder().setId(OPEN_VS_CLOSED).setStance(0.4).setConfidence(0.7)
                .setLabel("open").setRelevance(0.5).setEvidence(List.of(cue)).build();
        return EnrichedArticle.newBuilder().setId(HOSTILE_ID).setSource("<i>Hostile Wire</i>")
                .setUrl("javascript:window.pwned = 4").setTitle(HOSTILE_TITLE)
                .setPublishedAt(Instant.parse("2026-10-05T12:00:00Z")).setLanguage("en").setWordCount(40)
                .setSentiment(0.0).setEntities(List.of()).setNarratives(List.of(signal)).setPipelineVersion("test")
                .build();
    }

    private void produce(Topic<String, EnrichedArticle> topic, List<EnrichedArticle> articles) {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                kafka.bootstrapServers(), "enable.idempotence", true, "acks", "all"),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            for (EnrichedArticle article : articles) {
                producer.send(new ProducerRecord<>(topic.name(), null, article.getPublishedAt().toEpochMilli(),
                        article.getId().getBytes(StandardCharsets.UTF_8),
                        topic.valueSerde().serializer().serialize(topic.name(), article)));
            }
        }
    }

    @Test
    void chartsPointsForEveryShippedNarrative() throws Exception {
        for (String narrative : shipped) {
            JsonNode chart = NarrativePage.chart(browser, narrative);
            assertThat(chart.path("points").asInt()).as(narrative).isGreaterThan(24);
            assertThat(chart.path("stances")).as(narrative).allSatisfy(stance -> assertThat(stance.isNumber()).isTrue());
        }
    }

    @Test
    void showsTheStorylineReleaseWeekAboveTheBaselineAndTheScareBelow() throws Exception {
        Map<String, Double> days = NarrativePage.midnightStances(browser, OPEN_VS_CLOSED);

        double baseline = NarrativePage.mean(days, "2026-10-01", "2026-10-02", "2026-10-03");
        double release = NarrativePage.mean(days, "2026-10-04", "2026-10-05", "2026-10-06", "2026-10-07");
        double scare = NarrativePage.mean(days, "2026-10-08", "2026-10-09", "2026-10-10", "2026-10-11");
        System.out.printf("page, %s daily 24 h stance: baseline %+.3f, release week %+.3f, scare %+.3f%n",
                OPEN_VS_CLOSED, baseline, release, scare);
        assertThat(release).as("release week vs baseline, days %s", days).isGreaterThan(baseline);
        assertThat(baseline).as("baseline vs the scare").isGreaterThan(scare);
    }

    @Test
    void clickingAWindowListsItsArticlesWithTheCueHighlighted() throws Exception {
        JsonNode detail = NarrativePage.clickWindow(browser, OPEN_VS_CLOSED, "2026-10-05T06:00:00Z");

        assertThat(Instant.parse(detail.path("start").asText()))
                .isBetween(Instant.parse("2026-10-05T03:00:00Z"), Instant.parse("2026-10-05T09:00:00Z"));
        assertThat(detail.path("articles").asInt()).isEqualTo(detail.path("apiTotal").asInt()).isGreaterThan(3);
        assertThat(detail.path("ids")).extracting(JsonNode::asText).contains(HOSTILE_ID);
        assertThat(detail.path("marks")).as("highlighted cues").hasSizeGreaterThan(3)
                .allSatisfy(mark -> assertThat(mark.path("cue").asText()).isNotBlank())
                .anySatisfy(mark -> assertThat(mark.path("cue").asText()).containsIgnoringCase("open"))
                .anySatisfy(mark -> assertThat(mark.path("sentence").asText().length())
                        .isGreaterThan(mark.path("cue").asText().length() + 20));
        assertThat(detail.path("entities").asInt()).isPositive();
    }

    @Test
    void showsAScriptTitleAsTextAndRunsNothingFromTheArticle() throws Exception {
        NarrativePage.clickWindow(browser, OPEN_VS_CLOSED, "2026-10-05T06:00:00Z");

        JsonNode hostile = NarrativePage.article(browser, HOSTILE_ID);
        assertThat(hostile.path("title").asText()).isEqualTo(HOSTILE_TITLE);
        assertThat(hostile.path("link").isNull()).as("a javascript: URL is not linked").isTrue();
        assertThat(hostile.path("evidence").asText()).contains("<b>open-weight</b>", "<script>");
        assertThat(hostile.path("mark").asText()).isEqualTo("open-weight");
        assertThat(hostile.path("markupInList").asInt()).as("script/img/b/i elements in the article list").isZero();
        assertThat(hostile.path("pwned").isNull()).as("window.pwned").isTrue();
    }

    @Test
    void showsDeadLettersAndLatenessAndTheSameChartsOnTheOtherInstance() throws Exception {
        assertThat(NarrativePage.text(browser, "#dead-letters tbody", "undecodable")).contains("aggregate");
        assertThat(NarrativePage.text(browser, "#lateness", OPEN_VS_CLOSED)).contains("Late arrivals");
        List<Integer> here = new ArrayList<>();
        for (String narrative : shipped) {
            here.add(NarrativePage.chart(browser, narrative).path("points").asInt());
        }
        try (HeadlessChromium other = HeadlessChromium.start(Path.of("target"), 1000, 800)) {
            other.open(instances.get(1).page() + "?window=24h");
            NarrativePage.awaitCharts(other, shipped);
            List<Integer> there = new ArrayList<>();
            for (String narrative : shipped) {
                there.add(NarrativePage.chart(other, narrative).path("points").asInt());
            }
            assertThat(there).isEqualTo(here);
        }
    }
}
