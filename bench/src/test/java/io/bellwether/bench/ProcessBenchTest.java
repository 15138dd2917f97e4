package io.bellwether.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bellwether.avro.Article;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessBenchTest {
    private final StringWriter printed = new StringWriter();

    @Test
    void runsEachToolAsAProcessOnOneAndOnNTextsAndPrintsTheRatios() throws InterruptedException {
        List<Article> articles = List.of(article("a", "One", "First body, four words."),
                article("b", "One", "First body, four words."), article("c", "Two", "Second body."),
                article("d", "Blank", " "), article("e", "Three", "Third body here."));

        bench(articles, 2, List.of()).run();

        String report = printed.toString();
        assertThat(report).contains("(d) whole processes, 3 distinct texts", "stock command line on 1 text(s)",
                "stock command line on 2 text(s)", "analyze on 1 text(s)", "analyze on 2 text(s)",
                "analyze on 3 text(s)", "analyze on 6 text(s)").containsPattern("d/stock = ([0-9.]+x|n/a) ");
    }

    @Test
    void aToolThatFailsStopsThePhaseWithTheEndOfItsLog() {
        List<Article> articles = List.of(article("a", "One", "Body one."), article("b", "Two", "Body two."));

        assertThatThrownBy(() -> bench(articles, 2, List.of("fail")).run())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("analyze exited with 1").hasMessageContaining("refused on purpose");
    }

    @Test
    void refusesTooFewTexts() {
        assertThatThrownBy(() -> bench(List.of(article("a", "One", "Body.")), 2, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 2");
    }

    @Test
    void writesEachDistinctTextWithABodyOnceAsTitleLineThenBody() {
        List<String> texts = ProcessBench.distinctTexts(List.of(article("a", " A  title ", "Body.\n"),
                article("b", " A  title ", "Body."), article("c", "", "Other."), article("d", "Empty", "")));

        assertThat(texts).containsExactly("A title\n\nBody.\n", "Untitled\n\nOther.\n");
        assertThat(ProcessBench.words(texts)).isEqualTo(5);
    }

    @Test
    void theChildLeavesOutArchiveAndAgentOptions() {
        assertThat(ChildJvm.inherited("-Xmx5g")).isTrue();
        assertThat(ChildJvm.inherited("-XX:+UseTransparentHugePages")).isTrue();
        assertThat(ChildJvm.inherited("-XX:ArchiveClassesAtExit=/tmp/a.jsa")).isFalse();
        assertThat(ChildJvm.inherited("-XX:SharedArchiveFile=/tmp/a.jsa")).isFalse();
        assertThat(ChildJvm.inherited("-agentlib:jdwp=transport=dt_socket")).isFalse();
    }

    @Test
    void perArticleAndPerWordCostsTakeTheOneTextRunOff() {
        ProcessBench.Run one = new ProcessBench.Run(1, 100, 5_000_000_000L);
        ProcessBench.Run many = new ProcessBench.Run(11, 1_100, 25_000_000_000L);

        assertThat(many.secondsPerArticle(one)).isEqualTo(2.0);
        assertThat(many.secondsPerThousandWords(one)).isEqualTo(20.0);
        assertThat(ProcessBench.ratio(3.0, many.secondsPerArticle(one))).isEqualTo("1.5x");
    }

    @Test
    void saysNotApplicableWhenTheLongerRunWasNotSlower() {
        ProcessBench.Run one = new ProcessBench.Run(1, 100, 5_000_000_000L);
        ProcessBench.Run noisy = new ProcessBench.Run(3, 300, 4_900_000_000L);

        assertThat(ProcessBench.seconds(noisy.secondsPerArticle(one))).isEqualTo("n/a");
        assertThat(ProcessBench.ratio(3.0, noisy.secondsPerArticle(one))).isEqualTo("n/a");
        assertThat(ProcessBench.seconds(0.0254)).isEqualTo("0.025 s");
    }

    private ProcessBench bench(List<Article> articles, int stockArticles, List<String> analyzeArgs) {
        return new ProcessBench(new ProcessBench.Plan(articles, stockArticles, FixtureTools.Analyze.class.getName(),
                analyzeArgs, 1), ChildJvm.likeThisOne(), FixtureTools.Stock.class.getName(),
                new PrintWriter(printed, true));
    }

    private static Article article(String id, String title, String body) {
        return Article.newBuilder().setId(id).setSource("test").setTitle(title).setBody(body)
                .setPublishedAt(Instant.EPOCH).setIngestedAt(Instant.EPOCH).build();
    }
}
