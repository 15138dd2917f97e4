package io.bellwether.bench;

import io.bellwether.avro.EnrichedArticle;
import io.bellwether.avro.Entity;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the quality comparison looks at in one enriched article: the open-vs-closed-ai label ({@code none} when the
 * article carries no signal), its stance (0 when none) and the set of entities as {@code name|type}.
 */
public record ArticleOutcome(String id, String label, double stance, Set<String> entities) {
    static final String NARRATIVE = "open-vs-closed-ai";

    public static ArticleOutcome of(EnrichedArticle article) {
        var signal = article.getNarratives().stream().filter(s -> NARRATIVE.equals(s.getId())).findFirst();
        Set<String> entities = article.getEntities().stream().map(ArticleOutcome::key).collect(Collectors.toSet());
        return new ArticleOutcome(article.getId(), signal.map(s -> s.getLabel()).orElse("none"),
                signal.map(s -> s.getStance()).orElse(0.0), entities);
    }

    private static String key(Entity entity) {
        return entity.getName() + "|" + entity.getType();
    }
}
