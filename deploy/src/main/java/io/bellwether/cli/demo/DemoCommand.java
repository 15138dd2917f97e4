package io.bellwether.cli.demo;

import io.bellwether.aggregate.AggregateKeys;
import io.bellwether.cli.ConfigOptions;
import io.bellwether.enrich.EnrichKeys;
import io.bellwether.ingest.IngestKeys;
import io.bellwether.runtime.broker.EmbeddedBroker;
import io.bellwether.runtime.config.ConfigDef;
import io.bellwether.runtime.config.RuntimeKeys;
import io.bellwether.runtime.config.Settings;
import io.bellwether.runtime.service.ScratchDir;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The whole pipeline in one process on an embedded broker, fed the bundled corpus, with a live score table. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run everything in one process: an embedded Kafka broker (unless --bootstrap-servers),"
                + " ingest of the bundled corpus, enrich and aggregate; prints progress and the narrative table"
                + " as windows update. One HTTP port serves the narrative page /, /metrics, /health and the query"
                + " API /api/...",
            "Ctrl-C stops it cleanly. Demo defaults (override with --set): aggregate.grace=P1D, because a"
                + " replayed archive reaches the windows far faster than real time and slightly out of order;"
                + " aggregate.history=P30D, so the narrative page at / shows the whole corpus."})
public final class DemoCommand implements Callable<Integer> {
    /** Articles the demo's ingest may run ahead of enrich and aggregate: keeps both cores busy, partitions in step. */
    private static final int IN_FLIGHT = 6;
    /** Queryable history: the whole bundled corpus (14 days) stays on the page, not only its last two days. */
    private static final String HISTORY = "P30D";
    /** How long Ctrl-C waits for the pipeline and the broker to close and the scratch directories to go. */
    private static final int CLEAN_UP_WAIT_SECONDS = 60;

    @Option(names = "--until-idle", description = "exit 0 once the corpus is fully scored, after the final table")
    boolean untilIdle;

    @Option(names = "--corpus", paramLabel = "DIR", description = "article files to ingest instead of the bundled corpus")
    List<Path> corpus;

    @Option(names = "--feed", paramLabel = "URL", description = "RSS/Atom feeds to poll instead of the corpus")
    List<String> feeds;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "embedded broker data, kept (default: a new temporary directory, removed when the demo ends)")
    Path dataDir;

    @Option(names = "--window", paramLabel = "1h|24h", defaultValue = "24h",
            description = "window size the table shows (default ${DEFAULT-VALUE})")
    String window;

    @Mixin
    ConfigOptions config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        CountDownLatch cleanedUp = new CountDownLatch(1);
        Thread waitForCleanUp = new Thread(() -> awaitQuietly(cleanedUp), "demo-clean-up");
        Runtime.getRuntime().addShutdownHook(waitForCleanUp);
        try (ScratchDir state = new ScratchDir("bellwether-demo-state");
             ScratchDir brokerData = new ScratchDir("bellwether-demo-broker")) {
            return run(state.path(), dataDir != null ? dataDir : brokerData.path());
        } finally {
            cleanedUp.countDown();
            removeHook(waitForCleanUp);
        }
    }

    /**
     * One demo run. The state directory and (without --data-dir) the broker's data are scratch directories, removed
     * when the demo ends, Ctrl-C included: the hook above holds the JVM until the broker is closed and they are gone.
     */
    private int run(Path stateDir, Path brokerDir) throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        ConfigDef def = definition()
                .withDefault(AggregateKeys.GRACE.name(), "P1D")
                .withDefault(AggregateKeys.HISTORY.name(), HISTORY)
                .withDefault(RuntimeKeys.HTTP_PORT.name(), "8080")
                .withDefault(RuntimeKeys.STATE_DIR.name(), stateDir.toString());
        out.println(pageLine(config.resolve(def)));
        out.flush();
        EmbeddedBroker broker = null;
        try {
            if (config.bootstrapServers() == null) {
                out.println("demo: starting the embedded Kafka broker (data in " + brokerDir + ")");
                out.flush();
                broker = EmbeddedBroker.start(0, brokerDir);
                config.useBootstrapServers(broker.bootstrapServers());
            }
            Settings settings = config.resolve(def);
            return new DemoRun(settings, this::sources, untilIdle, window, out).run();
        } finally {
            if (broker != null) {
                broker.close();
            }
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(CLEAN_UP_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // Ctrl-C: the JVM is exiting and the hook is what holds it until the clean-up above is done.
        }
    }

    /** The first line: where the narrative page will be, so a user can open it while the pipeline starts. */
    static String pageLine(Settings settings) {
        String host = settings.get(RuntimeKeys.HTTP_HOST);
        int port = settings.get(RuntimeKeys.HTTP_PORT);
        if (port == 0) {
            return "demo: narrative page on the HTTP port chosen at start (printed with the query API below)";
        }
        return "demo: narrative page http://" + ("0.0.0.0".equals(host) ? "localhost" : host) + ":" + port + "/";
    }

    /** Feeds, or the corpus paced by what enrich and aggregate have processed so far (read from their meters). */
    private CorpusIngest.Feeder sources(MeterRegistry registry) {
        if (feeds != null && !feeds.isEmpty()) {
            return FeedFeeder.of(feeds, line -> {
                spec.commandLine().getOut().println(line);
                spec.commandLine().getOut().flush();
            });
        }
        List<Path> paths = corpus != null ? corpus : List.of(bundledCorpus());
        return new PacedCorpus(paths, () -> PipelineCounts.processedDownstream(registry), IN_FLIGHT);
    }

    /** The corpus next to the launcher ({@code bin/bellwether} sets bellwether.home), else under the working dir. */
    static Path bundledCorpus() {
        String home = System.getProperty("bellwether.home", ".");
        return Path.of(home, "corpus", "sample");
    }

    static ConfigDef definition() {
        return RuntimeKeys.definition().plus(IngestKeys.all()).plus(EnrichKeys.all()).plus(AggregateKeys.all());
    }
}
