package io.bellwether.replay;

import io.bellwether.runtime.config.ConfigException;
import io.bellwether.schemas.Topic;
import io.bellwether.schemas.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * The topics of one replay: its private input {@code news.articles.replay.NAME} and the suffixed outputs. The
 * input and the enriched output have ONE partition, so the articles pass enrich and aggregate in event-time
 * order and no window sees an article late; the score and dead-letter topics keep the catalog's partitions, and
 * the score topics keep every record (not compacted).
 */
final class ReplayTopics {
    /** The private input's partitions: one, so that enrich and aggregate see the articles in event-time order. */
    static final int INPUT_PARTITIONS = 1;

    private final Topics topics;
    private final String input;
    private final short replication;

    ReplayTopics(Topics suffixed, String name, int replication) {
        this.topics = suffixed;
        this.input = Topics.ARTICLES + ".replay." + name;
        this.replication = (short) replication;
    }

    String input() {
        return input;
    }

    Topics outputs() {
        return topics;
    }

    /**
     * Creates the replay's topics.
     *
     * @throws ConfigException when the input or enriched topic exists: the name was used by an earlier replay
     */
    void create(Properties adminProperties) {
        try (Admin admin = Admin.create(adminProperties)) {
            Set<String> existing = admin.listTopics().names().get();
            for (String name : List.of(input, topics.enriched().name())) {
                if (existing.contains(name)) {
                    throw new ConfigException("topic " + name + " exists: a replay of that name ran before;"
                            + " choose another --target-suffix or delete the replay's topics");
                }
            }
            List<NewTopic> wanted = new ArrayList<>();
            wanted.add(newTopic(topics.articles().renamed(input), INPUT_PARTITIONS));
            wanted.add(newTopic(topics.enriched(), 1));
            for (Topic<String, ?> output : List.of(uncompacted(topics.narrativeScores()),
                    uncompacted(topics.entityScores()), topics.deadLetter())) {
                if (!existing.contains(output.name())) {
                    wanted.add(newTopic(output, output.partitions()));
                }
            }
            admin.createTopics(wanted).all().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating the replay topics", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create the replay topics: " + e.getCause().getMessage(), e);
        }
    }

    /**
     * A replay's score topic keeps every record, early updates included, so that two replays compare record for
     * record. Compacted like the live topic, it lost early updates at the log cleaner's whim: the records carry
     * window starts as timestamps, often weeks old, so the broker rolls the first segment at once (its age is
     * counted from the oldest timestamp in it) and the cleaner may drop every update that has a later final.
     */
    private static <V> Topic<String, V> uncompacted(Topic<String, V> scores) {
        return scores.withCleanupPolicy("delete");
    }

    private NewTopic newTopic(Topic<String, ?> topic, int partitions) {
        return new NewTopic(topic.name(), partitions, replication).configs(topic.configs());
    }
}
