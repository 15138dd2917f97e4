package io.bellwether.runtime.kafka;

/** What {@link TopicCreator} did with one topic: created it, or found it already there. */
public record TopicOutcome(String topic, boolean created, int partitions, int replication) {

    /** {@code created news.articles (6 partitions, replication 1)} or {@code exists  news.articles}. */
    public String line() {
        return created
                ? "created " + topic + " (" + partitions + " partitions, replication " + replication + ")"
                : "exists  " + topic;
    }
}
