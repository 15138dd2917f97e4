package io.bellwether.replay;

import io.bellwether.avro.Article;
import io.bellwether.avro.DeadLetter;
import io.bellwether.avro.EnrichedArticle;
import io.bellwether.avro.EntityScore;
import io.bellwether.avro.NarrativeScore;
import io.bellwether.schemas.Topics;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;

/** The Avro schema of a catalog topic's values, by topic name (replay suffixes allowed); empty for non-Avro topics. */
final class ValueSchemas {
    private static final Map<String, Schema> BY_TOPIC = Map.of(
            Topics.ARTICLES, Article.getClassSchema(),
            Topics.ENRICHED, EnrichedArticle.getClassSchema(),
            Topics.NARRATIVE_SCORES, NarrativeScore.getClassSchema(),
            Topics.ENTITY_SCORES, EntityScore.getClassSchema(),
            Topics.DEAD_LETTER, DeadLetter.getClassSchema());

    private ValueSchemas() {
    }

    /** The longest catalog name that is {@code topic} or a dotted prefix of it decides. */
    static Optional<Schema> of(String topic) {
        String best = null;
        for (String name : BY_TOPIC.keySet()) {
            boolean matches = topic.equals(name) || topic.startsWith(name + ".");
            if (matches && (best == null || name.length() > best.length())) {
                best = name;
            }
        }
        return Optional.ofNullable(best).map(BY_TOPIC::get);
    }
}
