package io.bellwether.cli;

import io.bellwether.aggregate.AggregateApp;
import io.bellwether.aggregate.AggregateConfig;
import io.bellwether.aggregate.AggregateKeys;
import io.bellwether.runtime.config.RuntimeKeys;
import io.bellwether.runtime.config.SchemaRegistryKeys;
import io.bellwether.runtime.config.Settings;
import io.bellwether.schemas.Topics;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Runs the aggregation service: news.articles.enriched to news.narrative-scores and news.entity-scores. */
@Command(name = "aggregate", mixinStandardHelpOptions = true,
        description = {"Aggregate enriched articles into rolling narrative and entity scores (Kafka Streams,"
                + " exactly-once), and serve the query API at /api/ on the HTTP port.",
            "Keys: aggregate.windows, aggregate.grace, aggregate.update-interval, aggregate.early-entity-updates,"
                + " aggregate.top-entities (see README)."})
final class AggregateCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        Settings settings = config.resolve(RuntimeKeys.definition().plus(AggregateKeys.all()));
        AggregateConfig aggregateConfig = AggregateKeys.config(settings);
        Topics topics = SchemaRegistryKeys.forSettings(settings);
        try (ServiceProcess process = new ServiceProcess("aggregate", settings)) {
            process.ensureTopics(topics, out);
            AggregateApp app = new AggregateApp(settings, aggregateConfig, topics, process.metrics(), process.httpPort());
            process.http().mount("/api/", app.queryApi()).mount("/", app.page());
            return process.run(process.withHeldInputWatch(List.of(app.service()), List.of(topics.enriched().name())),
                    out);
        }
    }
}
