package io.bellwether.schemas;

import io.bellwether.avro.Article;
import io.bellwether.avro.DeadLetter;
import io.bellwether.avro.EnrichedArticle;
import io.bellwether.avro.EntityScore;
import io.bellwether.avro.NarrativeScore;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The topic catalog: every topic Bellwether reads or writes, with its serdes and creation settings.
 * Output topics (the dead-letter topic included) can carry a suffix ({@code news.narrative-scores.NAME}) so a
 * replay never touches live data.
 */
public final class Topics {
    public static final String ARTICLES = "news.articles";
    public static final String ENRICHED = "news.articles.enriched";
    public static final String NARRATIVE_SCORES = "news.narrative-scores";
    public static final String ENTITY_SCORES = "news.entity-scores";
    public static final String DEAD_LETTER = "news.dead-letter";
    public static final String INGEST_SEEN = "news.ingest.seen";

    private static final long FOREVER = -1L;
    private static final long DAYS_30 = Duration.ofDays(30).toMillis();

    private final String suffix;
    private final ValueSerdes values;
    private final Serde<String> keys = Serdes.String();

    /** The live topics, values in single-object encoding. */
    public Topics() {
        this("");
    }

    /** Output and dead-letter topics named {@code NAME.suffix}; input topics keep their names. Empty suffix = live. */
    public Topics(String suffix) {
        this(suffix, ValueSerdes.singleObject());
    }

    /** As {@link #Topics(String)}, with the Avro values encoded by {@code values}. */
    public Topics(String suffix, ValueSerdes values) {
        this.suffix = suffix == null || suffix.isEmpty() ? "" : "." + suffix;
        this.values = values;
    }

    /** How this catalog encodes Avro values. */
    public ValueSerdes valueSerdes() {
        return values;
    }

    public Topic<String, Article> articles() {
        return new Topic<>(ARTICLES, keys, values.forType(Article.class), 6, "delete", FOREVER,
                "Articles as ingested; key = article id, timestamp = publishedAt. Kept forever for replays.");
    }

    public Topic<String, EnrichedArticle> enriched() {
        return new Topic<>(ENRICHED + suffix, keys, values.forType(EnrichedArticle.class), 6, "delete", FOREVER,
                "One enriched record per article; same key and timestamp as the article.");
    }

    public Topic<String, NarrativeScore> narrativeScores() {
        return new Topic<>(NARRATIVE_SCORES + suffix, keys, values.forType(NarrativeScore.class), 3, "compact",
                FOREVER, "Rolling narrative scores; key = narrative@windowStart/size. Compacted: the final record stays.");
    }

    public Topic<String, EntityScore> entityScores() {
        return new Topic<>(ENTITY_SCORES + suffix, keys, values.forType(EntityScore.class), 3, "compact", FOREVER,
                "Rolling entity scores; key = entity|narrative@windowStart/size. Compacted: the final record stays.");
    }

    public Topic<String, DeadLetter> deadLetter() {
        return new Topic<>(DEAD_LETTER + suffix, keys, values.forType(DeadLetter.class), 1, "delete", DAYS_30,
                "Records a stage could not process, with stage, reason and the original bytes.");
    }

    /** Ids ingest has published, compacted: makes dedup survive restarts (written in the same transaction). */
    public Topic<String, String> ingestSeen() {
        return new Topic<>(INGEST_SEEN, keys, Serdes.String(), 6, "compact", FOREVER,
                "Ids of published articles; ingest's durable dedup state.");
    }

    public List<Topic<String, ?>> all() {
        return List.of(articles(), enriched(), narrativeScores(), entityScores(), deadLetter(), ingestSeen());
    }

    /** The catalog entry named {@code name}, or the one whose name plus a replay suffix is {@code name}. */
    public Optional<Topic<String, ?>> byName(String name) {
        Topic<String, ?> best = null;
        for (Topic<String, ?> topic : new Topics("", values).all()) {
            boolean matches = topic.name().equals(name) || name.startsWith(topic.name() + ".");
            if (matches && (best == null || topic.name().length() > best.name().length())) {
                best = topic;
            }
        }
        return Optional.ofNullable(best).map(topic -> topic.renamed(name));
    }
}
