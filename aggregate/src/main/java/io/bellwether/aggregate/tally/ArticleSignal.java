package io.bellwether.aggregate.tally;

import io.bellwether.avro.EnrichedArticle;
import io.bellwether.avro.Entity;
import io.bellwether.avro.NarrativeSignal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one article contributes to one narrative's windows: its signal in fixed-point units, its story and the
 * entities it mentions (merged by name, filtered by type). {@code confidence} is the article's weight in
 * {@code weightedStance}: its confidence, times its novelty under {@link StanceWeight#NOVELTY}.
 */
public record ArticleSignal(long stance, long weightedStance, long confidence, String label, long sentiment,
                           List<EntityMention> entities, String storyId) {

    /** One entity of the article, as it counts towards the narrative. */
    public record EntityMention(String name, String type, String camp, long mentions, long sentiment) {
    }

    public ArticleSignal {
        entities = List.copyOf(entities);
    }

    /** The article's contribution to {@code narrative}, or empty when the article carries no signal for it. */
    public static Optional<ArticleSignal> of(EnrichedArticle article, String narrative, Set<String> entityTypes,
                                             StanceWeight weight) {
        for (NarrativeSignal signal : article.getNarratives()) {
            if (signal.getId().equals(narrative)) {
                return Optional.of(from(article, signal, entityTypes, weight));
            }
        }
        return Optional.empty();
    }

    private static ArticleSignal from(EnrichedArticle article, NarrativeSignal signal, Set<String> entityTypes,
                                      StanceWeight weight) {
        long stance = Fixed.of(signal.getStance(), -1, 1);
        double factor = clamp(signal.getConfidence(), 0) * weight.factor(article.getNovelty());
        long confidence = Fixed.of(factor, 0, 1);
        long weighted = Fixed.of(clamp(signal.getStance(), -1) * factor, -1, 1);
        Map<String, EntityMention> byName = new LinkedHashMap<>();
        for (Entity entity : article.getEntities()) {
            String type = entity.getType().toUpperCase(Locale.ROOT);
            if (!entityTypes.contains(type)) {
                continue;
            }
            EntityMention mention = new EntityMention(entity.getName(), type,
                    entity.getCamp().toLowerCase(Locale.ROOT), Math.max(0, entity.getMentions()),
                    Fixed.of(entity.getSentiment(), -1, 1));
            byName.merge(entity.getName(), mention, (a, b) -> new EntityMention(a.name(), a.type(), a.camp(),
                    a.mentions() + b.mentions(), a.sentiment()));
        }
        return new ArticleSignal(stance, weighted, confidence, signal.getLabel().toLowerCase(Locale.ROOT),
                Fixed.of(article.getSentiment(), -1, 1), List.copyOf(byName.values()),
                article.getStoryId() == null ? article.getId() : article.getStoryId());
    }

    private static double clamp(double value, double low) {
        return Double.isNaN(value) ? 0d : Math.max(low, Math.min(1d, value));
    }
}
