package io.bellwether.enrich.entity;

import io.bellwether.avro.Entity;
import io.bellwether.enrich.narrative.NarrativeFile;
import io.bellwether.enrich.text.Sentiment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns merged entities into the Avro entities of an article, with relevance, sentiment and camp.
 *
 * <p>Relevance in 0-100 = round(100 (0.35 position + 0.35 frequency + 0.30 narrative)), where
 * position = 1 - firstSentence / sentenceCount (the title scores 1), frequency = min(1, mentions / 5), and
 * narrative = share of the sentences mentioning the entity that carry a narrative cue. Sentiment is the mean score of
 * the scored sentences that mention it (0 when none was scored). Camp comes from the narrative file.
 * Entities are listed by relevance, then by first mention. At most {@link #MAX_ENTITIES} are kept: those with the
 * most mentions, then the earliest first mention, then the name, so the same article always keeps the same ones
 * (an article naming thousands of people, a list or a directory page, would otherwise carry them all downstream).
 */
public final class EntityRanker {
    public static final int MAX_ENTITIES = 100;
    private static final Comparator<EntityMerger.MergedEntity> KEPT_FIRST =
            Comparator.comparingInt(EntityMerger.MergedEntity::mentions).reversed()
                    .thenComparingInt(EntityMerger.MergedEntity::firstSentence)
                    .thenComparing(EntityMerger.MergedEntity::name);

    private final NarrativeFile file;

    public EntityRanker(NarrativeFile file) {
        this.file = file;
    }

    public List<Entity> rank(List<EntityMerger.MergedEntity> entities, int sentenceCount, Set<Integer> cueSentences,
                             Map<Integer, Sentiment> sentiments) {
        List<Entity> ranked = new ArrayList<>();
        for (EntityMerger.MergedEntity entity : kept(entities)) {
            ranked.add(new Entity(entity.name(), entity.type(), entity.mentions(), entity.firstSentence(),
                    relevance(entity, sentenceCount, cueSentences), sentiment(entity, sentiments),
                    file.campOf(entity.name())));
        }
        ranked.sort(Comparator.comparingInt(Entity::getRelevance).reversed()
                .thenComparingInt(Entity::getFirstSentence));
        return ranked;
    }

    static List<EntityMerger.MergedEntity> kept(List<EntityMerger.MergedEntity> entities) {
        if (entities.size() <= MAX_ENTITIES) {
            return entities;
        }
        return entities.stream().sorted(KEPT_FIRST).limit(MAX_ENTITIES).toList();
    }

    static int relevance(EntityMerger.MergedEntity entity, int sentenceCount, Set<Integer> cueSentences) {
        double position = 1.0 - (double) entity.firstSentence() / Math.max(1, sentenceCount);
        double frequency = Math.min(1.0, entity.mentions() / 5.0);
        long inNarrative = entity.sentences().stream().filter(cueSentences::contains).count();
        double narrative = (double) inNarrative / Math.max(1, entity.sentences().size());
        return (int) Math.round(100.0 * (0.35 * position + 0.35 * frequency + 0.30 * narrative));
    }

    private static double sentiment(EntityMerger.MergedEntity entity, Map<Integer, Sentiment> sentiments) {
        return entity.sentences().stream().filter(sentiments::containsKey)
                .mapToDouble(index -> sentiments.get(index).score()).average().orElse(0.0);
    }
}
