package io.bellwether.runtime.testing;

import io.bellwether.avro.Article;
import io.bellwether.schemas.Topic;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Articles for tests, written to a real broker with their event time as timestamp. */
public final class TestArticles {
    public static final Instant INGESTED = Instant.parse("2026-11-01T00:00:00Z");
    private TestArticles() {
    }

    public static Article article(String id, Instant publishedAt, String title) {
        return Article.newBuilder().setId(id).setSource("test-wire").setUrl("https://news.example/" + id)
                .setGuid(null).setTitle(title).setBody(title + ". A second sentence about " + id + ".")
                .setAuthor(null).setLanguage("en").setPublishedAt(publishedAt)
                .setIngestedAt(INGESTED).setIngestChannel("files").build();
    }

    public static void produce(String bootstrap, Topic<String, Article> topic, List<Article> articles) {
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrap);
        props.put("acks", "all");
        try (KafkaProducer<String, Article> producer = new KafkaProducer<>(props, topic.keySerde().serializer(),
                topic.valueSerde().serializer())) {
            for (Article article : articles) {
                producer.send(new ProducerRecord<>(topic.name(), null, article.getPublishedAt().toEpochMilli(),
                        article.getId(), article));
            }
            producer.flush();
        }
    }
}
