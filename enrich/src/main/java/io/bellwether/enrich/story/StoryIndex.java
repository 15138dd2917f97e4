package io.bellwether.enrich.story;

import io.bellwether.avro.EnrichedArticle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The story stage in memory, for enrichment without Kafka ({@code bellwether analyze}): the same bands, rules and
 * fields as the topology, with articles taken in the order given. Not thread-safe; keeps every article it saw
 * (an offline input is finite).
 */
public final class StoryIndex {
    private final StorySettings settings;
    private final StoryText text;
    private final StoryMatcher matcher;
    private final Map<String, List<StoryProbe>> buckets = new HashMap<>();

    public StoryIndex(StorySettings settings) {
        this.settings = settings;
        this.text = new StoryText(settings);
        this.matcher = new StoryMatcher(settings);
    }

    /** Gives {@code enriched} its story, reading the text from {@code signature}, then remembers it. */
    public void resolve(EnrichedArticle enriched, StorySignature signature) {
        long time = enriched.getPublishedAt().toEpochMilli();
        StoryMatch match = null;
        List<StoryProbe> probes = new ArrayList<>(settings.bands());
        for (int band = 0; band < settings.bands(); band++) {
            StoryProbe probe = new StoryProbe(band, enriched.getId(), time, signature);
            String bucket = band + ":" + signature.bandHash(band, settings.rows());
            match = matcher.earliest(probe, buckets.getOrDefault(bucket, List.of()), match);
            probes.add(probe);
        }
        matcher.apply(enriched, match);
        if (signature.shingles() >= settings.minShingles()) {
            for (StoryProbe probe : probes) {
                buckets.computeIfAbsent(probe.band() + ":" + signature.bandHash(probe.band(), settings.rows()),
                        key -> new ArrayList<>()).add(probe);
            }
        }
    }

    public StoryText text() {
        return text;
    }
}
