package io.bellwether.reliability;

import io.bellwether.cli.Bellwether;
import io.bellwether.schemas.Topics;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import picocli.CommandLine;

/**
 * A pipeline of separate JVMs on this machine, as a user runs it: {@code bellwether broker} on a fixed port and data
 * directory, and {@code enrich}, {@code aggregate} and {@code replay} processes against it, all under one work
 * directory. Scores are made replay-stable: a grace longer than the input's event-time spread (no article is late
 * whatever the partitions' interleaving) and an analysis time budget no article reaches.
 */
final class LocalPipeline implements AutoCloseable {
    /** Longer than the spread of the input's event times, so no article is ever late. */
    static final String GRACE = "P6D";
    private static final Pattern PUBLISHED = Pattern.compile("done: published (\\d+)");
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    /**
     * A transaction every 100 ms instead of the service's 1 s: the first commit, where the drills strike, then holds
     * a few articles rather than a second's worth, so most of the input is still to do when the fault comes. The
     * largest time budget enrich accepts: the drills compare finals with a clean run, so no article may be cut short
     * by the budget on a loaded machine. The shortest story horizon: which of two near-duplicates from different
     * partitions a band bucket sees first decides whether the later one joins the earlier's story
     * (enrich/README.md, Stories), and with the whole input waiting in the topic that order is the partitions'
     * interleaving, which differs between the drill and its one-partition clean replay. The input's syndicated copy
     * comes 45 minutes after its original, so with PT1M neither run groups it and stories stay out of the comparison
     * of crash recovery (StoryRestartBrokerTest covers the story state across a restart). No story order wait:
     * the drills' drain check reads committed offsets, which cannot see queries the band buckets hold for a quiet
     * partition (StoryBacklogBrokerTest covers the wait).
     */
    private static final List<String> ENRICH_SETTINGS = List.of("--set", "enrich.time-budget-ms=120000",
            "--set", "kafka.commit.interval.ms=100", "--set", "enrich.story.horizon=PT1M",
            "--set", "enrich.story.order-wait=PT0S");
    private static final List<String> AGGREGATE_SETTINGS = List.of("--set", "aggregate.grace=" + GRACE);

    /**
     * The broker logs its log recovery, truncation, leader changes and transaction markers at INFO, so that a drill
     * which fails after a kill keeps what the broker did in {@code broker-N.log}.
     */
    private static final String BROKER_LOGGING = "-Dlogback.configurationFile="
            + resourcePath("drill-broker-logback.xml");

    private final Path dir;
    private final int brokerPort;
    private final List<CliJvm> started = new ArrayList<>();
    private CliJvm broker;
    private int published;

    private LocalPipeline(Path dir, int brokerPort) {
        this.dir = dir;
        this.brokerPort = brokerPort;
    }

    /** Starts a broker on a free port with its data under {@code dir}. */
    static LocalPipeline start(Path dir) throws InterruptedException {
        LocalPipeline pipeline = new LocalPipeline(dir, freePort());
        pipeline.startBroker();
        return pipeline;
    }

    String bootstrapServers() {
        return "127.0.0.1:" + brokerPort;
    }

    Properties clientProperties() {
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrapServers());
        return props;
    }

    PipelineWatch watch() {
        return new PipelineWatch(clientProperties());
    }

    CommittedRecords committed() {
        return new CommittedRecords(clientProperties());
    }

    /** Starts (or restarts) the broker process on the same port and data directory; returns once it serves. */
    void startBroker() throws InterruptedException {
        broker = track(CliJvm.start("broker-" + started.size(), dir, "1g", List.of(BROKER_LOGGING), List.of("broker",
                "--port", Integer.toString(brokerPort), "--data-dir", dir.resolve("broker-data").toString())));
        broker.awaitOutput("broker: ready", START_TIMEOUT);
    }

    CliJvm broker() {
        return broker;
    }

    /** {@code bellwether enrich} with its state under the work directory; {@code httpPort} serves /health. */
    CliJvm startEnrich(String name, int httpPort) {
        return startEnrich(name, httpPort, List.of());
    }

    /** As {@link #startEnrich(String, int)} with {@code extra} arguments (e.g. {@code --set KEY=VALUE}) last. */
    CliJvm startEnrich(String name, int httpPort, List<String> extra) {
        List<String> args = service("enrich", httpPort);
        args.addAll(ENRICH_SETTINGS);
        args.addAll(extra);
        return track(CliJvm.start(name, dir, "3g", args));
    }

    CliJvm startAggregate(String name) {
        List<String> args = service("aggregate", 0);
        args.addAll(AGGREGATE_SETTINGS);
        return track(CliJvm.start(name, dir, "512m", args));
    }

    /** {@code bellwether replay} of [from, to) into the {@code suffix} topics, with the services' settings. */
    CliJvm startReplay(String suffix, Instant from, Instant to) {
        List<String> args = new ArrayList<>(List.of("replay", "--from", from.toString(), "--to", to.toString(),
                "--target-suffix", suffix, "--bootstrap-servers", bootstrapServers(), "--http-port", "0",
                "--set", "state.dir=" + dir.resolve("replay-state")));
        args.addAll(ENRICH_SETTINGS);
        args.addAll(AGGREGATE_SETTINGS);
        return track(CliJvm.start("replay-" + suffix, dir, "3g", args));
    }

    /**
     * {@code bellwether ingest files PATHS} in this JVM (it must exit 0); returns how many articles it published once
     * read_committed readers see them all (commit markers land a moment after the commit returns).
     */
    int ingest(List<Path> paths) throws InterruptedException {
        List<String> args = new ArrayList<>(List.of("ingest", "files"));
        paths.forEach(path -> args.add(path.toString()));
        args.addAll(List.of("--bootstrap-servers", bootstrapServers(), "--http-port", "0"));
        StringWriter text = new StringWriter();
        CommandLine line = Bellwether.commandLine();
        line.setOut(new PrintWriter(text, true));
        line.setErr(new PrintWriter(text, true));
        int code = line.execute(args.toArray(String[]::new));
        Matcher published = PUBLISHED.matcher(text.toString());
        if (code != 0 || !published.find()) {
            throw new IllegalStateException("ingest files exited " + code + ":\n" + text);
        }
        int count = Integer.parseInt(published.group(1));
        this.published += count;
        watch().awaitCommitted(new Topics().articles(), this.published, broker, START_TIMEOUT);
        return count;
    }

    /**
     * Publishes one article at {@code at} whose text signals every shipped narrative: it moves each narrative's stream
     * time past the input's windows plus grace, so each of them emits its final record. It holds cue phrases of each
     * narrative and is shorter than the learned layers' 30 words, so the threshold rule labels it (a layer may call
     * an article "not about this narrative"; the rule never does when the cues are there).
     */
    void ingestClosingArticle(Instant at) throws IOException, InterruptedException {
        Path file = dir.resolve("closing.json");
        Files.writeString(file, "{\"title\": \"Open weights, the AI Act, hyperscaler capex\","
                + " \"body\": \"Open-weight models keep research honest, labs say. The AI Act wants a licensing"
                + " regime. Every hyperscaler raises capex.\","
                + " \"url\": \"https://news.example/reliability/closing\", \"source\": \"reliability-drill\","
                + " \"publishedAt\": \"" + at + "\"}");
        ingest(List.of(file));
    }

    /** Deletes the state directory of {@code command}'s services (stopped first); returns how many files it held. */
    long deleteState(String command) throws IOException {
        Path state = dir.resolve(command + "-state");
        if (!Files.exists(state)) {
            return 0;
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(state)) {
            paths = walk.sorted(Comparator.reverseOrder()).toList();
        }
        long files = paths.stream().filter(Files::isRegularFile).count();
        for (Path path : paths) {
            Files.delete(path);
        }
        return files;
    }

    private List<String> service(String command, int httpPort) {
        return new ArrayList<>(List.of(command, "--bootstrap-servers", bootstrapServers(),
                "--http-port", Integer.toString(httpPort), "--set", "state.dir=" + dir.resolve(command + "-state")));
    }

    private CliJvm track(CliJvm jvm) {
        started.add(jvm);
        return jvm;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }

    /** Kills whatever is still running, services before the broker. */
    @Override
    public void close() throws InterruptedException {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).close();
        }
    }

    private static String resourcePath(String name) {
        try {
            return Path.of(LocalPipeline.class.getResource(name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate " + name, e);
        }
    }
}
