package io.bellwether.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code bellwether} command: every service, tool and the demo behind one launcher. */
@Command(name = "bellwether",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Bellwether: a streaming news-narrative pipeline on Apache Kafka and Stanford CoreNLP.",
        subcommands = {
            BrokerCommand.class,
            TopicsCommand.class,
            IngestCommand.class,
            io.bellwether.cli.demo.DemoCommand.class,
            EnrichCommand.class,
            AggregateCommand.class,
            AnalyzeCommand.class,
            EvalCommand.class,
            FitCommand.class,
            TailCommand.class,
            ExportCommand.class,
            ReplayCommand.class,
            BenchCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Bellwether implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, also used by the tests. */
    public static CommandLine commandLine() {
        return new CommandLine(new Bellwether())
                .setExecutionExceptionHandler(new FailureReporter())
                .setCaseInsensitiveEnumValuesAllowed(true);
    }
}
