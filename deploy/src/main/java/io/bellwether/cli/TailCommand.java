package io.bellwether.cli;

import io.bellwether.runtime.kafka.KafkaSettings;
import io.bellwether.runtime.tail.TailOptions;
import io.bellwether.runtime.tail.TopicTail;
import io.bellwether.runtime.config.SchemaRegistryKeys;
import io.bellwether.runtime.config.Settings;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Prints a pipeline topic as JSON lines, decoded with the catalog's serdes, read_committed. */
@Command(name = "tail", mixinStandardHelpOptions = true,
        description = {"Decode a pipeline topic to JSON lines (one record per line), reading only committed records.",
            "Undecodable records are printed as a line with an \"error\" field."})
final class TailCommand implements Callable<Integer> {
    @Parameters(paramLabel = "TOPIC", description = "a catalog topic, e.g. news.articles (replay suffixes allowed)")
    String topic;

    @Option(names = "--from-beginning", description = "start at the earliest record (default: only new records)")
    boolean fromBeginning;

    @Option(names = "--max", paramLabel = "N", defaultValue = "0", description = "stop after N records (0 = no limit)")
    long max;

    @Option(names = "--idle-ms", paramLabel = "MS", defaultValue = "0",
            description = "stop after this long without a record (0 = follow until Ctrl-C)")
    long idleMs;

    @Mixin
    ConfigOptions config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Settings settings = config.resolveCommon();
        TopicTail tail = new TopicTail(new KafkaSettings(settings).reader(), SchemaRegistryKeys.forSettings(settings),
                line -> {
            out.println(line);
            out.flush();
        });
        Runtime.getRuntime().addShutdownHook(new Thread(tail::stop, "tail-shutdown"));
        tail.run(new TailOptions(topic, fromBeginning, max, Duration.ofMillis(idleMs)));
        return 0;
    }
}
