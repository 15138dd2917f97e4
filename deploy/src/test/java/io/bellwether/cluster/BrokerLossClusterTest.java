package io.bellwether.cluster;

import io.bellwether.aggregate.AggregateApp;
import io.bellwether.aggregate.AggregateKeys;
import io.bellwether.avro.Article;
import io.bellwether.avro.EnrichedArticle;
import io.bellwether.bench.BenchCorpus;
import io.bellwether.enrich.EnrichApp;
import io.bellwether.enrich.EnrichKeys;
import io.bellwether.enrich.analysis.AnalyzerSettings;
import io.bellwether.enrich.analysis.ArticleAnalyzer;
import io.bellwether.enrich.corenlp.CoreNlpPipeline;
import io.bellwether.enrich.narrative.NarrativeFile;
import io.bellwether.ingest.ArticleIngest;
import io.bellwether.ingest.IngestChannel;
import io.bellwether.ingest.IngestKeys;
import io.bellwether.runtime.config.ConfigSources;
import io.bellwether.runtime.config.RuntimeKeys;
import io.bellwether.runtime.config.Settings;
import io.bellwether.runtime.kafka.KafkaSettings;
import io.bellwether.runtime.kafka.TopicCreator;
import io.bellwether.runtime.metrics.ServiceMetrics;
import io.bellwether.runtime.service.StreamsService;
import io.bellwether.runtime.testing.TestKafka;
import io.bellwether.schemas.Topics;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pipeline on a three-broker KRaft cluster with replication 3 and {@code min.insync.replicas} 2 from config:
 * corpus articles through ingest, the real CoreNLP enrich stream and aggregate, one broker stopped halfway. Every
 * article then sits exactly once in the read_committed articles and enriched topics, and aggregate keeps scoring.
 */
class BrokerLossClusterTest {
    private static final int ARTICLES = 30;

    @TempDir
    Path dir;

    @Test
    void losesNothingAndDuplicatesNothingWhenOneOfThreeBrokersStopsMidRun() throws Exception {
        List<Article> articles = datedArticles();
        Topics topics = new Topics();
        try (TestKafka kafka = TestKafka.startCluster(3);
             ClusterLayout layout = new ClusterLayout(kafka.bootstrapServers());
             ServiceMetrics metrics = new ServiceMetrics("cluster-test")) {
            Settings settings = settings(kafka.bootstrapServers());
            TopicCreator.from(settings).create(topics.all());
            assertThat(layout.replicationAndMinInsync(topics)).containsExactly("replicas 3, min.insync.replicas 2");

            ArticleAnalyzer analyzer = CoreNlpPipeline.analyzer(NarrativeFile.defaults(), AnalyzerSettings.defaults());
            StreamsService enrich = new EnrichApp(settings, EnrichKeys.config(settings), analyzer, topics, metrics)
                    .service();
            StreamsService aggregate = new AggregateApp(settings, AggregateKeys.config(settings), topics, metrics, 0)
                    .service();
            enrich.start((name, reason) -> { });
            aggregate.start((name, reason) -> { });
            try (ArticleIngest ingest = ArticleIngest.open(IngestKeys.config(settings, IngestChannel.FILES),
                    new KafkaSettings(settings), metrics.registry(), Clock.systemUTC(), line -> { })) {
                publish(ingest, articles.subList(0, ARTICLES / 2));
                int before = kafka.read(topics.enriched(), ARTICLES / 3, Duration.ofMinutes(3)).size();
                assertThat(before).isGreaterThanOrEqualTo(ARTICLES / 3);

                int victim = layout.busiestLeader(topics, kafka.brokerIds(), kafka.controllerIds());
                kafka.stopBroker(victim);
                System.out.printf("cluster drill: stopped broker %d of %s with %d of %d articles enriched%n", victim,
                        kafka.brokerIds(), before, ARTICLES);

                publish(ingest, articles.subList(ARTICLES / 2, ARTICLES));
                kafka.read(topics.enriched(), ARTICLES, Duration.ofMinutes(4));
                // One more than expected: the reads wait out their timeout, so a late duplicate would show.
                List<ConsumerRecord<String, Article>> published = kafka.read(topics.articles(), ARTICLES + 1,
                        Duration.ofSeconds(10));
                List<ConsumerRecord<String, EnrichedArticle>> enriched = kafka.read(topics.enriched(),
                        ARTICLES + 1, Duration.ofSeconds(10));

                List<String> ids = articles.stream().map(Article::getId).toList();
                assertThat(published).extracting(ConsumerRecord::key).containsExactlyInAnyOrderElementsOf(ids);
                assertThat(enriched).extracting(ConsumerRecord::key).containsExactlyInAnyOrderElementsOf(ids);
                assertThat(layout.transactionStateReplication()).isEqualTo(3);
                assertThat(kafka.read(topics.narrativeScores(), 1, Duration.ofMinutes(2))).isNotEmpty();
                assertThat(enrich.health().up()).as(enrich.health().toString()).isTrue();
                assertThat(aggregate.health().up()).as(aggregate.health().toString()).isTrue();
            } finally {
                aggregate.close();
                enrich.close();
            }
        }
    }

    private Settings settings(String bootstrap) {
        return RuntimeKeys.definition().plus(EnrichKeys.all()).plus(AggregateKeys.all()).plus(IngestKeys.all())
                .resolve(ConfigSources.flagsOnly(Map.of(
                        "bootstrap.servers", bootstrap,
                        "topics.replication", "3",
                        "state.dir", dir.resolve("state").toString(),
                        "streams.threads", "2",
                        "aggregate.grace", "P30D",
                        "ingest.batch-size", "5")));
    }

    /** The first development-set texts, a minute apart in event time (the set itself carries no dates). */
    private static List<Article> datedArticles() throws Exception {
        List<Article> texts = new BenchCorpus().readDevSet(Path.of("..", "corpus", "eval", "dev.jsonl"));
        Instant first = Instant.parse("2026-10-04T09:00:00Z");
        return IntStream.range(0, ARTICLES).mapToObj(i -> Article.newBuilder(texts.get(i))
                .setPublishedAt(first.plusSeconds(60L * i)).setIngestedAt(first.plusSeconds(60L * i)).build())
                .toList();
    }

    private static void publish(ArticleIngest ingest, List<Article> articles) {
        articles.forEach(ingest::publish);
        ingest.flush();
    }
}
