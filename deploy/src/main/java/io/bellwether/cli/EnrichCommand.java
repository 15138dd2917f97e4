package io.bellwether.cli;

import io.bellwether.enrich.EnrichApp;
import io.bellwether.enrich.EnrichConfig;
import io.bellwether.enrich.EnrichKeys;
import io.bellwether.enrich.analysis.Analyzer;
import io.bellwether.runtime.config.RuntimeKeys;
import io.bellwether.runtime.config.SchemaRegistryKeys;
import io.bellwether.runtime.config.Settings;
import io.bellwether.schemas.Topics;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Runs the enrichment service: news.articles to news.articles.enriched, failures to news.dead-letter. */
@Command(name = "enrich", mixinStandardHelpOptions = true,
        description = {"Enrich articles with CoreNLP (entities, sentence sentiment, narrative stance): Kafka Streams,"
                + " exactly-once, news.articles -> news.articles.enriched; undecodable records and analysis failures"
                + " go to news.dead-letter with the reason.",
            "Keys: enrich.max.chars, enrich.parse.maxlen, enrich.time-budget-ms, enrich.narratives, streams.threads."})
final class EnrichCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        Settings settings = config.resolve(RuntimeKeys.definition().plus(EnrichKeys.all()));
        EnrichConfig enrichConfig = EnrichKeys.config(settings);
        Topics topics = SchemaRegistryKeys.forSettings(settings);
        try (ServiceProcess process = new ServiceProcess("enrich", settings)) {
            process.ensureTopics(topics, out);
            out.println("enrich: loading CoreNLP models (10-30 s)...");
            out.flush();
            Analyzer analyzer = EnrichApp.analyzer(enrichConfig);
            EnrichApp app = new EnrichApp(settings, enrichConfig, analyzer, topics, process.metrics());
            out.println("enrich: pipeline version " + app.pipelineVersion() + ", "
                    + settings.get(RuntimeKeys.STREAMS_THREADS) + " stream thread(s)");
            return process.run(process.withHeldInputWatch(List.of(app.service()), List.of(topics.articles().name())),
                    out);
        }
    }
}
