package io.bellwether.replay;

import io.bellwether.runtime.config.ConfigException;
import io.bellwether.schemas.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.tools.StreamsResetter;

/**
 * Rewinds the live enrich and aggregate applications so that, once restarted, they reprocess everything from an
 * instant on: application ids and the instant in, reset offsets, deleted internal topics and local state out.
 * Refuses while either group has active members. Enrich restarts at the first article at or after the instant;
 * aggregate starts empty at the end of {@code news.articles.enriched}, so it counts only the re-enriched records
 * and never an article twice. See docs/replay.md for what this costs.
 */
public final class InPlaceReset {
    private static final DateTimeFormatter RESETTER_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX").withZone(ZoneOffset.UTC);

    private final Properties admin;
    private final Path stateDir;
    private final Consumer<String> out;

    /** @param stateDir this machine's {@code state.dir}; the applications' directories in it are deleted */
    public InPlaceReset(Properties adminProperties, Path stateDir, Consumer<String> out) {
        this.admin = adminProperties;
        this.stateDir = stateDir;
        this.out = out;
    }

    /**
     * @throws ConfigException when an application still has active members
     */
    public void reset(Instant from, String enrichId, String aggregateId) throws InterruptedException {
        requireStopped(List.of(enrichId, aggregateId));
        resetter(enrichId, "--input-topics", Topics.ARTICLES, "--to-datetime", RESETTER_TIME.format(from));
        resetter(aggregateId, "--input-topics", Topics.ENRICHED, "--to-latest");
        deleteLocalState(enrichId);
        deleteLocalState(aggregateId);
        out.accept("replay --in-place: " + enrichId + " rewound to " + from + "; " + aggregateId
                + " emptied and moved to the end of " + Topics.ENRICHED + ". Start enrich and aggregate again.");
    }

    private void requireStopped(List<String> groups) throws InterruptedException {
        try (Admin client = Admin.create(admin)) {
            for (String group : groups) {
                int members = activeMembers(client, group);
                if (members > 0) {
                    throw new ConfigException(group + " is running (" + members + " active member(s)): stop every"
                            + " enrich and aggregate instance before an in-place replay");
                }
            }
        }
    }

    private static int activeMembers(Admin client, String group) throws InterruptedException {
        try {
            Map<String, ConsumerGroupDescription> found = client.describeConsumerGroups(List.of(group)).all().get();
            return found.get(group).members().size();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return 0;
            }
            throw new IllegalStateException("cannot describe group " + group + ": " + e.getCause().getMessage(), e);
        }
    }

    private void resetter(String applicationId, String... options) {
        List<String> args = new ArrayList<>(List.of("--bootstrap-server",
                admin.getProperty("bootstrap.servers"), "--application-id", applicationId));
        args.addAll(List.of(options));
        int code = new StreamsResetter().execute(args.toArray(String[]::new), admin);
        if (code != 0) {
            throw new IllegalStateException("StreamsResetter failed for " + applicationId + " (exit " + code + ")");
        }
    }

    private void deleteLocalState(String applicationId) {
        Path dir = stateDir.resolve(applicationId);
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete local state " + dir, e);
        }
        out.accept("replay --in-place: deleted local state " + dir);
    }
}
