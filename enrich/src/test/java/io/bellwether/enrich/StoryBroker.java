package io.bellwether.enrich;

import io.bellwether.avro.Article;
import io.bellwether.enrich.analysis.Analyzer;
import io.bellwether.runtime.config.ConfigSources;
import io.bellwether.runtime.config.RuntimeKeys;
import io.bellwether.runtime.config.Settings;
import io.bellwether.runtime.metrics.ServiceMetrics;
import io.bellwether.runtime.service.StreamsService;
import io.bellwether.runtime.testing.TestKafka;
import io.bellwether.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/** The story broker tests' shared steps: the enrich service on a test broker, and articles sent to it raw. */
final class StoryBroker {
    private StoryBroker() {
    }

    /** The enrich service with the default settings, {@code threads} stream threads and {@code analyzer}, started. */
    static StreamsService start(TestKafka kafka, ServiceMetrics metrics, Path state, int threads, Analyzer analyzer) {
        Settings settings = RuntimeKeys.definition().plus(EnrichKeys.all()).resolve(ConfigSources.flagsOnly(Map.of(
                "bootstrap.servers", kafka.bootstrapServers(), "state.dir", state.toString(),
                "streams.threads", Integer.toString(threads))));
        StreamsService service = new EnrichApp(settings, EnrichKeys.config(settings), analyzer, new Topics(), metrics)
                .service();
        service.start((name, reason) -> { });
        return service;
    }

    /** Sends an article to {@code news.articles}, into {@code partition} (null: its key's). */
    static void send(TestKafka kafka, Topics topics, Integer partition, String id, String title, String body,
                     Instant at) throws Exception {
        Article article = Article.newBuilder().setId(id).setSource("Test Wire").setTitle(title).setBody(body)
                .setPublishedAt(at).setIngestedAt(at).build();
        kafka.sendRaw(topics.articles().name(), partition, id.getBytes(StandardCharsets.UTF_8),
                topics.articles().valueSerde().serializer().serialize(topics.articles().name(), article),
                at.toEpochMilli());
    }
}
