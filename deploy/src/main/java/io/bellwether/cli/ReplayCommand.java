package io.bellwether.cli;

import io.bellwether.aggregate.AggregateKeys;
import io.bellwether.enrich.EnrichApp;
import io.bellwether.enrich.EnrichConfig;
import io.bellwether.enrich.EnrichKeys;
import io.bellwether.replay.InPlaceReset;
import io.bellwether.replay.ReplayRun;
import io.bellwether.replay.TimeRange;
import io.bellwether.runtime.config.ConfigException;
import io.bellwether.runtime.config.RuntimeKeys;
import io.bellwether.runtime.config.Settings;
import io.bellwether.runtime.kafka.KafkaSettings;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Re-enriches and re-aggregates an event-time range of news.articles into suffixed topics, or rewinds the live apps. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Re-run enrich and aggregate over the articles of [--from, --to) into"
                + " news.articles.enriched.NAME, news.narrative-scores.NAME and news.entity-scores.NAME, with fresh"
                + " application ids; the live topics and services are not touched. Exits when every article of the"
                + " range is enriched (or dead-lettered) and aggregated.",
            "--in-place instead rewinds the STOPPED live applications to --from (Kafka's StreamsResetter): they"
                + " reprocess everything from there when restarted. Read docs/replay.md first.",
            "Takes the enrich.* and aggregate.* keys."})
final class ReplayCommand implements Callable<Integer> {
    @Option(names = "--from", required = true, paramLabel = "ISO", description = "first instant, e.g. 2026-10-01T00:00:00Z")
    Instant from;

    @Option(names = "--to", paramLabel = "ISO", description = "end instant (exclusive); not with --in-place")
    Instant to;

    @Option(names = "--target-suffix", paramLabel = "NAME",
            description = "suffix of the output topics and application ids (letters, digits, '_', '-')")
    String suffix;

    @Option(names = "--in-place", description = "reset the stopped live applications to --from instead")
    boolean inPlace;

    @Mixin
    ConfigOptions config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        Consumer<String> lines = line -> {
            out.println(line);
            out.flush();
        };
        Settings settings = config.resolve(RuntimeKeys.definition().plus(EnrichKeys.all()).plus(AggregateKeys.all()));
        if (inPlace == (suffix != null) || inPlace == (to != null)) {
            throw new ConfigException("give either --to and --target-suffix (a side replay) or --in-place alone");
        }
        if (inPlace) {
            new InPlaceReset(new KafkaSettings(settings).admin(), settings.get(RuntimeKeys.STATE_DIR), lines).reset(from, settings.get(EnrichKeys.APPLICATION_ID), AggregateKeys.config(settings).applicationId());
            return 0;
        }
        TimeRange range = new TimeRange(from, to);
        ReplayRun.checkName(suffix);
        EnrichConfig enrichConfig = EnrichKeys.config(settings);
        out.println("replay: loading CoreNLP models (10-30 s)...");
        out.flush();
        ReplayRun replay = new ReplayRun(settings, suffix, EnrichApp.analyzer(enrichConfig), enrichConfig,
                AggregateKeys.config(settings), lines);
        replay.run(range);
        return 0;
    }
}
