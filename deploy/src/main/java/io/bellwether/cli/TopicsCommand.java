package io.bellwether.cli;

import io.bellwether.runtime.config.Settings;
import io.bellwether.runtime.kafka.TopicCreator;
import io.bellwether.runtime.kafka.TopicSummary;
import io.bellwether.schemas.Topic;
import io.bellwether.schemas.Topics;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Lists the topic catalog, or creates every topic of it on a cluster. */
@Command(name = "topics", mixinStandardHelpOptions = true,
        description = "The pipeline's topics: list the catalog, or create them all on a cluster.",
        subcommands = {TopicsCommand.Create.class, TopicsCommand.ListTopics.class})
final class TopicsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = {"Create every pipeline topic (partitions: --set topics.partitions=N, replication:"
                    + " --set topics.replication=N). Running it again changes nothing."})
    static final class Create implements Callable<Integer> {
        @Mixin
        ConfigOptions config;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Settings settings = config.resolveCommon();
            TopicSummary summary = TopicCreator.from(settings).create(new Topics().all());
            PrintWriter out = spec.commandLine().getOut();
            summary.lines().forEach(out::println);
            out.println(summary.changedNothing() ? "all topics exist; nothing changed"
                    : summary.createdCount() + " topic(s) created");
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Print the topic catalog.")
    static final class ListTopics implements Runnable {
        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            PrintWriter out = spec.commandLine().getOut();
            for (Topic<String, ?> topic : new Topics().all()) {
                out.printf("%-26s partitions=%d cleanup=%s retention.ms=%d  %s%n", topic.name(), topic.partitions(),
                        topic.cleanupPolicy(), topic.retentionMs(), topic.description());
            }
        }
    }
}
