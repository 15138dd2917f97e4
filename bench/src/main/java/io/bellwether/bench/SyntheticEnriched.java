package io.bellwether.bench;

import io.bellwether.avro.EnrichedArticle;
import io.bellwether.avro.Entity;
import io.bellwether.avro.NarrativeSignal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic synthetic enriched articles for the aggregate benchmark: one every {@code spacing} of event time (10 s
 * by default; a GDELT-sized feed of about 730 000 articles a day is one every 0.12 s), one to three narrative signals
 * and three to six entities drawn from a pool of 60 names, as the enrich stream would write them. Each article is
 * its own story.
 */
public final class SyntheticEnriched {
    private static final List<String> NARRATIVES = List.of("open-vs-closed-ai", "ai-regulation",
            "ai-compute-concentration");
    private static final List<String> LABELS = List.of("open", "closed", "neutral");
    private static final Instant START = Instant.parse("2026-10-01T00:00:00Z");

    private final SplittableRandom random = new SplittableRandom(7);
    private final Duration spacing;

    public SyntheticEnriched(Duration spacing) {
        if (spacing.isNegative() || spacing.isZero()) {
            throw new IllegalArgumentException("the spacing of synthetic articles must be positive, not " + spacing);
        }
        this.spacing = spacing;
    }

    public EnrichedArticle article(int index) {
        List<NarrativeSignal> signals = new ArrayList<>();
        int narratives = 1 + random.nextInt(NARRATIVES.size());
        for (int n = 0; n < narratives; n++) {
            double stance = random.nextDouble(-1, 1);
            signals.add(NarrativeSignal.newBuilder().setId(NARRATIVES.get(n)).setStance(stance)
                    .setConfidence(random.nextDouble()).setLabel(LABELS.get(random.nextInt(LABELS.size())))
                    .setRelevance(random.nextDouble()).setEvidence(List.of()).build());
        }
        List<Entity> entities = new ArrayList<>();
        int count = 3 + random.nextInt(4);
        for (int e = 0; e < count; e++) {
            entities.add(Entity.newBuilder().setName("Entity " + random.nextInt(60)).setType("ORGANIZATION")
                    .setMentions(1 + random.nextInt(5)).setFirstSentence(e).setRelevance(random.nextInt(101))
                    .setSentiment(random.nextDouble(-1, 1)).setCamp(e % 3 == 0 ? "open" : "").build());
        }
        return EnrichedArticle.newBuilder().setId("synthetic-" + index).setSource("source-" + index % 12)
                .setTitle("Synthetic article " + index).setPublishedAt(START.plus(spacing.multipliedBy(index)))
                .setLanguage("en").setWordCount(400 + random.nextInt(800)).setSentiment(random.nextDouble(-1, 1))
                .setEntities(entities).setNarratives(signals).setPipelineVersion("bench").build();
    }
}
