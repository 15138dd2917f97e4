package io.bellwether.enrich.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.bellwether.avro.Article;
import io.bellwether.avro.EnrichedArticle;
import io.bellwether.avro.Entity;
import io.bellwether.enrich.entity.EntityRanker;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Real CoreNLP on inputs that used to cost seconds, gigabytes or the whole heap: each is analysed within the caps
 * and prints its time and the heap's peak (figures, not assertions: the machine is shared).
 */
@Tag("corenlp")
@ExtendWith(SharedCoreNlp.class)
class PathologicalArticleTest {
    private static final String PROSE = "Meta released the weights of its newest Llama model under an open licence. "
            + "OpenAI keeps its frontier systems closed and sells access through an API.";
    private final Random random = new Random(19);

    private static Article article(String id, String title, String body) {
        return Article.newBuilder().setId(id).setSource("test").setTitle(title).setBody(body)
                .setPublishedAt(Instant.parse("2026-12-04T08:00:00Z")).setIngestedAt(Instant.EPOCH).build();
    }

    private static EnrichedArticle enrich(ArticleAnalyzer analyzer, String what, Article article) {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        long started = System.nanoTime();
        AnalysisResult result = analyzer.analyze(article);
        long peak = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).mapToLong(pool -> pool.getPeakUsage().getUsed())
                .sum() >> 20;
        System.out.printf("pathological input: %-40s %6.2f s, heap peak (sum of pools) %5d MB%n", what,
                (System.nanoTime() - started) / 1e9, peak);
        assertThat(result).isInstanceOf(AnalysisResult.Enriched.class);
        return ((AnalysisResult.Enriched) result).article();
    }

    private String letters(int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append((char) ('a' + random.nextInt(26)));
        }
        return out.toString();
    }

    private static Set<String> names(Random random, int count) {
        String[] syllables = {"ka", "do", "mi", "ran", "vel", "tor", "sen", "ba", "lu", "gor", "fi", "nes", "pa", "ri",
            "sto", "wen", "ha", "zel", "mon", "ti"};
        Set<String> names = new LinkedHashSet<>();
        while (names.size() < count) {
            String name = syllables[random.nextInt(20)] + syllables[random.nextInt(20)] + syllables[random.nextInt(20)];
            names.add(Character.toUpperCase(name.charAt(0)) + name.substring(1));
        }
        return names;
    }

    @Test
    void analysesAOneWordTitleOfTwoHundredThousandCharactersAsItsCutFirstThousand(ArticleAnalyzer analyzer) {
        EnrichedArticle out = enrich(analyzer, "200 000-char one-word title", article("p1", letters(200_000), PROSE));

        assertThat(out.getTitle()).hasSize(ArticleAnalyzer.MAX_TITLE_CHARS);
        assertThat(out.getTruncated()).isTrue();
        assertThat(out.getEntities()).extracting(Entity::getName).contains("Meta", "OpenAI");
    }

    @Test
    void analysesTheProseAroundAWordOfTwentyThousandCharacters(ArticleAnalyzer analyzer) {
        EnrichedArticle out = enrich(analyzer, "20 000-char word in the body",
                article("p2", "A long word", letters(19_000) + " " + PROSE));

        assertThat(out.getTruncated()).isTrue();
        assertThat(out.getEntities()).extracting(Entity::getName).contains("Meta", "OpenAI");
    }

    @Test
    void analysesBase64BlobsInOneTokenAndInMimeLines(ArticleAnalyzer analyzer) {
        byte[] blob = new byte[14_250];
        random.nextBytes(blob);

        EnrichedArticle oneToken = enrich(analyzer, "19 000 chars of base64, one token",
                article("p3", "An attachment", PROSE + " " + Base64.getEncoder().encodeToString(blob)));
        EnrichedArticle lines = enrich(analyzer, "19 000 chars of base64, MIME lines",
                article("p4", "An attachment", PROSE + "\n" + Base64.getMimeEncoder().encodeToString(blob)));

        assertThat(oneToken.getTruncated()).isTrue();
        assertThat(oneToken.getEntities()).extracting(Entity::getName).contains("Meta");
        assertThat(lines.getEntities()).extracting(Entity::getName).contains("Meta");
    }

    @Test
    void keepsAHundredEntitiesOfAnArticleNamingThreeThousandPeople(ArticleAnalyzer analyzer) {
        StringBuilder body = new StringBuilder();
        names(random, 3_000).forEach(name -> body.append("Present was ").append(name).append(". "));

        EnrichedArticle out = enrich(analyzer, "3 000 distinct surnames", article("p5", "The delegates",
                body.toString()));

        assertThat(out.getEntities()).hasSizeLessThanOrEqualTo(EntityRanker.MAX_ENTITIES).isNotEmpty();
    }

    @Test
    void deadLettersAnArticleWhoseCheapPassOutlastsATinyBudgetAndLeavesTheThreadFree(ArticleAnalyzer analyzer) {
        String body = (PROSE + " ").repeat(80);
        AnalysisResult result;
        try (ArticleAnalyzer hurried = analyzer.withTimeBudget(Duration.ofMillis(1))) {
            result = hurried.analyze(article("p6", "Open weights, again and again", body));
        }

        assertThat(result).isInstanceOfSatisfying(AnalysisResult.Failed.class,
                failed -> assertThat(failed.reason()).isEqualTo("analysis-timeout"));
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
        assertThat(analyzer.analyze(article("p7", "Open weights", PROSE))).isInstanceOf(AnalysisResult.Enriched.class);
    }
}
