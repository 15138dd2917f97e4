package io.bellwether.cli.demo;

import io.bellwether.aggregate.AggregateApp;
import io.bellwether.aggregate.AggregateConfig;
import io.bellwether.aggregate.AggregateKeys;
import io.bellwether.cli.ServiceProcess;
import io.bellwether.enrich.EnrichApp;
import io.bellwether.enrich.EnrichConfig;
import io.bellwether.enrich.EnrichKeys;
import io.bellwether.ingest.ArticleIngest;
import io.bellwether.ingest.IngestChannel;
import io.bellwether.ingest.IngestKeys;
import io.bellwether.runtime.config.RuntimeKeys;
import io.bellwether.runtime.config.SchemaRegistryKeys;
import io.bellwether.runtime.config.Settings;
import io.bellwether.runtime.kafka.KafkaSettings;
import io.bellwether.schemas.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Wires one demo process: the three stages, the HTTP endpoint with the query API, and the monitor. */
final class DemoRun {
    private final Settings settings;
    private final Function<MeterRegistry, CorpusIngest.Feeder> feeder;
    private final boolean untilIdle;
    private final String window;
    private final PrintWriter out;

    DemoRun(Settings settings, Function<MeterRegistry, CorpusIngest.Feeder> feeder, boolean untilIdle, String window, PrintWriter out) {
        this.settings = settings;
        this.feeder = feeder;
        this.untilIdle = untilIdle;
        this.window = window;
        this.out = out;
    }

    int run() throws InterruptedException {
        EnrichConfig enrichConfig = EnrichKeys.config(settings);
        AggregateConfig aggregateConfig = AggregateKeys.config(settings);
        Topics topics = SchemaRegistryKeys.forSettings(settings);
        try (ServiceProcess process = new ServiceProcess("demo", settings)) {
            process.ensureTopics(topics, out);
            say("demo: Kafka at " + settings.get(RuntimeKeys.BOOTSTRAP_SERVERS) + "; loading CoreNLP models (10-30 s)...");
            EnrichApp enrich = new EnrichApp(settings, enrichConfig, EnrichApp.analyzer(enrichConfig), topics,
                    process.metrics());
            AggregateApp aggregate = new AggregateApp(settings, aggregateConfig, topics, process.metrics(),
                    process.httpPort());
            process.http().mount("/api/", aggregate.queryApi()).mount("/", aggregate.page());
            CorpusIngest ingest = new CorpusIngest(feeder.apply(process.metrics().registry()), () -> ArticleIngest.open(
                    IngestKeys.config(settings, IngestChannel.FILES), topics, new KafkaSettings(settings),
                    process.metrics().registry(), Clock.systemUTC(), this::say));
            String host = settings.get(RuntimeKeys.HTTP_HOST);
            ScoreTable table = new ScoreTable(host, () -> process.http().port(), window);
            DemoMonitor monitor = new DemoMonitor(process.metrics().registry(), table, ingest::done, out,
                    untilIdle ? Optional.of(process::stop) : Optional.empty(),
                    () -> "http://" + host + ":" + process.http().port());
            say("demo: pipeline version " + enrich.pipelineVersion() + "; Ctrl-C stops the demo");
            return process.run(process.withHeldInputWatch(List.of(enrich.service(), aggregate.service(), ingest,
                    monitor), List.of(topics.articles().name(), topics.enriched().name())), out);
        }
    }

    private void say(String line) {
        out.println(line);
        out.flush();
    }
}
