package io.bellwether.cli;

import io.bellwether.replay.ExportFormat;
import io.bellwether.replay.RangeExport;
import io.bellwether.replay.TimeRange;
import io.bellwether.runtime.config.SchemaRegistryKeys;
import io.bellwether.runtime.config.Settings;
import io.bellwether.runtime.kafka.KafkaSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Dumps the committed records of a topic in an event-time range to a JSON Lines or Avro container file. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Export the records of a pipeline topic whose timestamp (event time) is in [--from, --to),"
                + " read_committed, to JSON Lines (the bare record per line: `ingest files` reads news.articles"
                + " exports back with their ids and event times) or to an Avro object container file.",
            "Progress goes to stderr; the counts to stdout."})
final class ExportCommand implements Callable<Integer> {
    @Option(names = "--topic", required = true, paramLabel = "TOPIC",
            description = "a catalog topic with Avro values, e.g. news.articles (replay suffixes allowed)")
    String topic;

    @Option(names = "--from", required = true, paramLabel = "ISO", description = "first instant, e.g. 2026-10-01T00:00:00Z")
    Instant from;

    @Option(names = "--to", required = true, paramLabel = "ISO", description = "end instant (exclusive)")
    Instant to;

    @Option(names = "--format", defaultValue = "jsonl", paramLabel = "jsonl|avro", description = "default: jsonl")
    ExportFormat format;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "file to write (replaced)")
    Path out;

    @Mixin
    ConfigOptions config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Settings settings = config.resolveCommon();
        TimeRange range = new TimeRange(from, to);
        PrintWriter err = spec.commandLine().getErr();
        RangeExport export = new RangeExport(new KafkaSettings(settings).reader(),
                SchemaRegistryKeys.forSettings(settings));
        RangeExport.Result result = export.export(topic, range, format, out, progress -> {
            err.println(progress.line("export"));
            err.flush();
        });
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println("export: wrote " + result.written() + " records of " + topic + " " + range + " to " + out
                + (result.undecodable() > 0 ? "; skipped " + result.undecodable() + " undecodable" : ""));
        return 0;
    }
}
