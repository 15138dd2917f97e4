package io.bellwether.cluster;

import io.bellwether.schemas.Topic;
import io.bellwether.schemas.Topics;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/** What a cluster's metadata says about the catalog topics: replicas, min.insync.replicas, partition leaders. */
final class ClusterLayout implements AutoCloseable {
    private static final String TRANSACTION_STATE = "__transaction_state";

    private final Admin admin;

    ClusterLayout(String bootstrapServers) {
        this.admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers));
    }

    /** Each catalog topic's replicas and {@code min.insync.replicas}, as distinct lines. */
    Set<String> replicationAndMinInsync(Topics topics) throws ExecutionException, InterruptedException {
        Set<String> seen = new TreeSet<>();
        for (TopicDescription topic : describe(names(topics.all()))) {
            Config config = topicConfig(topic.name());
            for (TopicPartitionInfo partition : topic.partitions()) {
                seen.add("replicas " + partition.replicas().size() + ", min.insync.replicas "
                        + config.get("min.insync.replicas").value());
            }
        }
        return seen;
    }

    /** A new topic's configs, once the broker asked knows the topic. */
    private Config topicConfig(String name) throws ExecutionException, InterruptedException {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, name);
        return onceKnown(() -> admin.describeConfigs(List.of(resource)).all().get().get(resource));
    }

    /** A call about new topics, repeated while the broker asked does not know them yet. */
    private static <T> T onceKnown(MetadataCall<T> call) throws ExecutionException, InterruptedException {
        // Metadata reaches brokers one by one: a broker that has not yet applied a topic's creation answers
        // UnknownTopicOrPartition for a topic that exists (seen in CI right after TopicCreator returned).
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || attempt == 50) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
    }

    /** An Admin call whose future may fail while the topics' creation spreads. */
    private interface MetadataCall<T> {
        T get() throws ExecutionException, InterruptedException;
    }

    /** Replicas of the transaction coordinators' state topic, the one every exactly-once commit goes through. */
    int transactionStateReplication() throws ExecutionException, InterruptedException {
        return describe(List.of(TRANSACTION_STATE)).get(0).partitions().get(0).replicas().size();
    }

    /** The broker outside {@code spared} (e.g. the KRaft controllers) that leads the most partitions of the catalog topics. */
    int busiestLeader(Topics topics, List<Integer> brokers, Set<Integer> spared) throws ExecutionException,
            InterruptedException {
        Map<Integer, Integer> led = new HashMap<>();
        for (TopicDescription topic : describe(names(topics.all()))) {
            for (TopicPartitionInfo partition : topic.partitions()) {
                led.merge(partition.leader().id(), 1, Integer::sum);
            }
        }
        return brokers.stream().filter(id -> !spared.contains(id))
                .max(Comparator.comparingInt(id -> led.getOrDefault(id, 0))).orElseThrow();
    }

    private List<TopicDescription> describe(List<String> names) throws ExecutionException, InterruptedException {
        return onceKnown(() -> List.copyOf(admin.describeTopics(names).allTopicNames().get().values()));
    }

    private static List<String> names(List<? extends Topic<?, ?>> topics) {
        return topics.stream().map(Topic::name).toList();
    }

    @Override
    public void close() {
        admin.close();
    }
}
