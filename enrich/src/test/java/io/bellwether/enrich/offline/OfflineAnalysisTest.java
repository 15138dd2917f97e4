package io.bellwether.enrich.offline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bellwether.avro.Article;
import io.bellwether.avro.EnrichedArticle;
import io.bellwether.avro.NarrativeSignal;
import io.bellwether.enrich.analysis.AnalysisResult;
import io.bellwether.enrich.analysis.Analyzer;
import io.bellwether.enrich.story.StorySettings;
import io.bellwether.enrich.story.StoryTexts;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OfflineAnalysisTest {

    /** Labels by title: "open", "closed", "neutral" give that signal, "fail" fails, anything else no signal. */
    private static final Analyzer BY_TITLE = new Analyzer() {
        @Override
        public AnalysisResult analyze(Article article) {
            String title = article.getTitle();
            if ("fail".equals(title)) {
                return new AnalysisResult.Failed("analysis-failed", "said \"no\"", 1);
            }
            List<NarrativeSignal> signals = List.of("open", "closed", "neutral").contains(title)
                    ? List.of(new NarrativeSignal("open-vs-closed-ai", 0.0, 0.5, title, 0.5, List.of()))
                    : List.of();
            EnrichedArticle out = EnrichedArticle.newBuilder().setId(article.getId()).setSource(article.getSource())
                    .setUrl(null).setTitle(title).setPublishedAt(article.getPublishedAt()).setLanguage("en")
                    .setWordCount(1).setSentiment(0.0).setEntities(List.of()).setSentences(List.of())
                    .setNarratives(signals).setPipelineVersion("v").build();
            return new AnalysisResult.Enriched(out, new AnalysisResult.RunStats(1, 0, 0, false), 1);
        }

        @Override
        public String pipelineVersion() {
            return "v";
        }
    };

    private static Article article(String id, String title) {
        return Article.newBuilder().setId(id).setSource("s").setTitle(title).setBody("b").setPublishedAt(Instant.EPOCH)
                .setIngestedAt(Instant.EPOCH).build();
    }

    @Test
    void writesOneJsonLinePerArticleIncludingFailures() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        int failures = new OfflineAnalysis(BY_TITLE).run(List.of(article("a", "open"), article("b", "fail")),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));

        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        ObjectMapper json = new ObjectMapper();
        assertThat(failures).isEqualTo(1);
        assertThat(lines).hasSize(2);
        assertThat(json.readTree(lines[0]).path("narratives").get(0).path("label").asText()).isEqualTo("open");
        JsonNode failed = json.readTree(lines[1]);
        assertThat(failed.path("id").asText()).isEqualTo("b");
        assertThat(failed.path("detail").asText()).isEqualTo("said \"no\"");
    }

    @Test
    void printsTheSameBytesOnFourThreadsAsOnOne() {
        List<Article> articles = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            articles.add(article("a" + i, List.of("open", "closed", "neutral", "fail", "other").get(i % 5)));
        }
        ByteArrayOutputStream one = new ByteArrayOutputStream();
        ByteArrayOutputStream four = new ByteArrayOutputStream();
        ByteArrayOutputStream progress = new ByteArrayOutputStream();

        int failedOnOne = new OfflineAnalysis(BY_TITLE).run(articles, new PrintStream(one, true, StandardCharsets.UTF_8));
        int failedOnFour = new OfflineAnalysis(BY_TITLE, 4, new PrintStream(progress, true, StandardCharsets.UTF_8),
                StorySettings.defaults())
                .run(articles, new PrintStream(four, true, StandardCharsets.UTF_8));

        assertThat(four.toByteArray()).isEqualTo(one.toByteArray());
        assertThat(failedOnFour).isEqualTo(failedOnOne).isEqualTo(60);
        assertThat(progress.toString(StandardCharsets.UTF_8)).contains("analyze: 100 articles", "analyze: 300 articles");
    }

    @Test
    void mapsSignalsToGoldLabelsAndCountsThem() {
        String gold = """
                {"id":"1","title":"open","text":"x","label":"pro_open"}
                {"id":"2","title":"closed","text":"x","label":"pro_closed"}
                {"id":"3","title":"other","text":"x","label":"irrelevant"}
                {"id":"4","title":"neutral","text":"x","label":"pro_open"}
                """;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        ConfusionMatrix matrix = new Evaluation(BY_TITLE).run(new BufferedReader(new StringReader(gold)),
                new PrintStream(bytes, true, StandardCharsets.UTF_8)).matrix(Evaluation.NARRATIVE);

        assertThat(matrix.total()).isEqualTo(4);
        assertThat(matrix.count("pro_open", "neutral")).isEqualTo(1);
        assertThat(matrix.count("irrelevant", "irrelevant")).isEqualTo(1);
        assertThat(matrix.accuracy()).isEqualTo(0.75);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("accuracy=0.750");
    }

    @Test
    void givesACopyTheStoryOfTheEarlierArticleBeforeItInTheInput() throws Exception {
        Instant first = Instant.parse("2026-03-02T08:00:00Z");
        List<Article> articles = List.of(story("wire-1", StoryTexts.WIRE_BODY, first),
                story("other-1", StoryTexts.OTHER_BODY, first.plusSeconds(60)),
                story("copy-1", StoryTexts.WIRE_BODY, first.plusSeconds(6 * 3600)));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new OfflineAnalysis(BY_TITLE).run(articles, new PrintStream(bytes, true, StandardCharsets.UTF_8));

        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0)).contains("\"storyId\":\"wire-1\"", "\"novelty\":1.0");
        assertThat(lines.get(1)).contains("\"storyId\":\"other-1\"");
        assertThat(lines.get(2)).contains("\"storyId\":\"wire-1\"", "\"similarity\":1.0", "\"novelty\":0.25");
    }

    private static Article story(String id, String body, Instant at) {
        return Article.newBuilder().setId(id).setSource("s").setTitle("a story").setBody(body).setPublishedAt(at)
                .setIngestedAt(at).build();
    }
}
