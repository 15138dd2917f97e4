package io.bellwether.enrich.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.bellwether.avro.Article;
import io.bellwether.avro.EnrichedArticle;
import io.bellwether.avro.Entity;
import io.bellwether.avro.NarrativeSignal;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Real CoreNLP, one shared pipeline: pins entity types and the stance sign of the two reference sentences. */
@Tag("corenlp")
@ExtendWith(SharedCoreNlp.class)
class ArticleAnalyzerTest {

    static Article article(String id, String title, String body) {
        return Article.newBuilder().setId(id).setSource("test").setTitle(title).setBody(body)
                .setPublishedAt(Instant.parse("2026-01-05T08:00:00Z")).setIngestedAt(Instant.EPOCH).build();
    }

    private static EnrichedArticle enrich(ArticleAnalyzer analyzer, Article article) {
        AnalysisResult result = analyzer.analyze(article);
        assertThat(result).isInstanceOf(AnalysisResult.Enriched.class);
        return ((AnalysisResult.Enriched) result).article();
    }

    private static Optional<Entity> entity(EnrichedArticle article, String name) {
        return article.getEntities().stream().filter(entity -> entity.getName().equals(name)).findFirst();
    }

    private static NarrativeSignal openVsClosed(EnrichedArticle article) {
        return article.getNarratives().stream().filter(signal -> signal.getId().equals("open-vs-closed-ai"))
                .findFirst().orElseThrow();
    }

    @Test
    void tagsGazetteerNamesAndPeopleWithTheirTypes(ArticleAnalyzer analyzer) {
        EnrichedArticle out = enrich(analyzer, article("e1", "Labs trade places",
                "DeepSeek and Anthropic both shipped new models this week. Paolo Ardoino, who runs Tether, praised "
                        + "the release. Ardoino said developers in Lisbon were already testing it."));

        assertThat(entity(out, "DeepSeek")).get().extracting(Entity::getType).isEqualTo("ORGANIZATION");
        assertThat(entity(out, "Anthropic")).get().satisfies(anthropic -> {
            assertThat(anthropic.getType()).isEqualTo("ORGANIZATION");
            assertThat(anthropic.getCamp()).isEqualTo("closed");
        });
        assertThat(entity(out, "Paolo Ardoino")).get().satisfies(person -> {
            assertThat(person.getType()).isEqualTo("PERSON");
            assertThat(person.getMentions()).isEqualTo(2);
        });
        assertThat(entity(out, "Lisbon")).get().extracting(Entity::getType).isEqualTo("LOCATION");
        assertThat(out.getLanguage()).isEqualTo("en");
        assertThat(out.getPipelineVersion()).isEqualTo(analyzer.pipelineVersion()).hasSize(12);
    }

    @Test
    void typesCryptoAssetsAsProductsAndLeavesNationalityWordsOut(ArticleAnalyzer analyzer) {
        EnrichedArticle out = enrich(analyzer, article("e3", "Bitcoin and Ethereum slip as regulators meet",
                "Bitcoin fell four percent on Tuesday and Ethereum followed. German and American regulators met in"
                        + " Frankfurt to discuss stablecoins, and European banks said they would wait for the rules."));

        assertThat(entity(out, "Bitcoin")).get().extracting(Entity::getType).isEqualTo("PRODUCT");
        assertThat(entity(out, "Ethereum")).get().extracting(Entity::getType).isEqualTo("PRODUCT");
        assertThat(out.getEntities()).extracting(Entity::getName).doesNotContain("German", "American", "European");
    }

    @Test
    void typesAModelNamePresentedAsAProductAsProductAndNeverTagsApi(ArticleAnalyzer analyzer) {
        EnrichedArticle out = enrich(analyzer, article("e2", "Halcyon Labs keeps its new model private",
                "Halcyon Labs finished training its new model, codenamed Kestrel, in March. Customers reach it only "
                        + "through the API. Kestrel answered most questions correctly, said Marta Quiroga, who tested it."));

        assertThat(entity(out, "Kestrel")).get().extracting(Entity::getType).isEqualTo("PRODUCT");
        assertThat(entity(out, "Marta Quiroga")).get().extracting(Entity::getType).isEqualTo("PERSON");
        assertThat(out.getEntities()).extracting(Entity::getName).doesNotContain("API");
    }

    @Test
    void readsAnAttackByClosedAiOnOpenModelsAsProOpen(ArticleAnalyzer analyzer) {
        EnrichedArticle out = enrich(analyzer, article("s1", "A warning from the builders",
                "Big Tech's closed AI is attacking open models."));

        NarrativeSignal signal = openVsClosed(out);
        assertThat(signal.getStance()).isPositive();
        assertThat(signal.getLabel()).isEqualTo("open");
        assertThat(signal.getEvidence()).isNotEmpty();
        assertThat(out.getSentences()).isNotEmpty();
    }

    @Test
    void readsDangerousOpenWeightsAsProClosed(ArticleAnalyzer analyzer) {
        EnrichedArticle out = enrich(analyzer, article("s2", "A warning from the labs",
                "Open weights hand dangerous capabilities to anyone."));

        NarrativeSignal signal = openVsClosed(out);
        assertThat(signal.getStance()).isNegative();
        assertThat(signal.getLabel()).isEqualTo("closed");
    }

    @Test
    void givesNoSignalForAnArticleOffTheNarrative(ArticleAnalyzer analyzer) {
        EnrichedArticle out = enrich(analyzer, article("s3", "Harbour festival draws crowds",
                "Thousands of visitors walked the harbour on Sunday. Stalls sold fish, bread and cider."));

        assertThat(out.getNarratives()).isEmpty();
        assertThat(out.getSentences()).isEmpty();
        assertThat(out.getWordCount()).isGreaterThan(10);
    }

    @Test
    void givesTheSameRecordForTheSameArticle(ArticleAnalyzer analyzer) {
        Article article = article("r1", "Open models gain ground",
                "Hugging Face said open-weight models now rival proprietary systems on many tasks.");

        assertThat(enrich(analyzer, article)).isEqualTo(enrich(analyzer, article));
    }

    @Test
    void givesTheSameRecordWhenThreadsShareThePipeline(ArticleAnalyzer analyzer) throws Exception {
        Article article = article("c1", "Closed labs tighten their grip",
                "Proprietary models now dominate enterprise sales. Critics say open-weight releases keep prices honest.");
        EnrichedArticle alone = enrich(analyzer, article);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<AnalysisResult>> runs = pool.invokeAll(
                    Collections.nCopies(4, () -> analyzer.analyze(article)));
            for (Future<AnalysisResult> run : runs) {
                assertThat(((AnalysisResult.Enriched) run.get()).article()).isEqualTo(alone);
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void givesASyndicatedCopyFromTheSentenceCacheTheRecordAParseGives(ArticleAnalyzer analyzer) {
        String body = "Meta released the weights of its newest Llama model under an open licence. "
                + "OpenAI keeps its frontier systems closed and sells access through an API.";
        SentenceCache cache = new SentenceCache(100);
        ArticleAnalyzer cached = analyzer.withSentenceCache(cache);
        enrich(cached, article("wire-1", "Open weights again", body));
        long missesAfterOriginal = cache.stats().misses();

        EnrichedArticle copy = enrich(cached, article("wire-2", "Open weights again", body));

        assertThat(cache.stats().hits()).isEqualTo(missesAfterOriginal).isPositive();
        assertThat(cache.stats().misses()).isEqualTo(missesAfterOriginal);
        assertThat(copy).isEqualTo(enrich(analyzer, article("wire-2", "Open weights again", body)));
    }

    @Test
    void printsThroughputOfTheSelectiveAnalysis(ArticleAnalyzer analyzer) {
        String body = String.join(" ", Collections.nCopies(4,
                "Open-weight models let hospitals run AI on their own servers. Critics say the releases are risky. "
                        + "The company reported quarterly revenue of four billion dollars. Shares rose in early trading. "
                        + "Big Tech labs keep their best systems behind an API."));
        int sentences = 0;
        int parsed = 0;
        long started = System.nanoTime();
        for (int i = 0; i < 3; i++) {
            AnalysisResult.Enriched result = (AnalysisResult.Enriched) analyzer.analyze(article("t" + i, "Bench", body));
            sentences += result.stats().sentences();
            parsed += result.stats().parsed();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("selective analysis: %d sentences (%d parsed) in %.2f s = %.1f sentences/s%n",
                sentences, parsed, seconds, sentences / seconds);
        assertThat(parsed).isLessThan(sentences);
    }
}
