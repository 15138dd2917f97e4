package io.bellwether.aggregate;

import static io.bellwether.aggregate.Articles.NARRATIVE;
import static io.bellwether.aggregate.Articles.article;
import static org.assertj.core.api.Assertions.assertThat;

import io.bellwether.aggregate.tally.ArticleSignal;
import io.bellwether.aggregate.tally.NarrativeTally;
import io.bellwether.aggregate.tally.TallySerde;
import io.bellwether.avro.EntityScore;
import io.bellwether.avro.NarrativeScore;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.Test;

/**
 * What one article with very many entities costs the aggregation: entity score records, the window tally's size,
 * the narrative record and the metric series. Enrich keeps at most 100 entities per article (its EntityRanker),
 * so 100 is the most an enriched article brings; 2 000 shows the growth the cap prevents.
 */
class EntityFloodTest {
    /** One-hour windows hopping by 30 minutes (every article is in two), early updates every 10 minutes. */
    private static final AggregateConfig CONFIG = AggregateKeys.config(Map.of(
            AggregateKeys.WINDOWS.name(), "PT1H/PT30M", AggregateKeys.UPDATE_INTERVAL.name(), "PT10M"));
    private static final int ENRICH_CAP = 100;

    private record Flood(int entities, int entityRecords, int finalEntityRecords, int tallyEntities, int tallyBytes,
                         int narrativeRecordEntities, int meterCount) {
    }

    private static Articles flooded(int entities) {
        Articles article = article("flood-" + entities, "2026-10-04T09:10:00Z").signal(0.5, 1.0, "open");
        for (int i = 0; i < entities; i++) {
            article.entity(String.format("Surname%05d", i), 1 + i % 3, 0.1, "none");
        }
        return article;
    }

    private static Flood flood(int entities) {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        AggregateMetrics metrics = new AggregateMetrics(CONFIG);
        metrics.bindTo(registry);
        try (ScoringDriver driver = new ScoringDriver(CONFIG, metrics)) {
            driver.pipe(flooded(entities), article("closer", "2026-10-04T12:00:00Z").signal(0.0, 1.0, "neutral"));
            List<KeyValue<String, EntityScore>> records = driver.entityRecords();
            List<NarrativeScore> narratives = driver.narrativeRecords().stream().map(kv -> kv.value).toList();
            NarrativeTally tally = NarrativeTally.empty().add(ArticleSignal.of(flooded(entities).build(), NARRATIVE,
                    CONFIG.entityTypes(), CONFIG.stanceWeight()).orElseThrow());
            Flood flood = new Flood(entities, records.size(),
                    (int) records.stream().filter(kv -> kv.value.getFinal$()).count(), tally.entities().size(),
                    new TallySerde().serialize("tally", tally).length,
                    narratives.stream().mapToInt(score -> score.getTopEntities().size()).max().orElse(0),
                    registry.getMeters().size());
            System.out.printf("entity flood: %5d entities -> %6d entity score records (%d finals), tally of one"
                            + " window %d entities / %d bytes, narrative record top entities %d, meters %d%n",
                    flood.entities(), flood.entityRecords(), flood.finalEntityRecords(), flood.tallyEntities(),
                    flood.tallyBytes(), flood.narrativeRecordEntities(), flood.meterCount());
            assertThat(tagValues(registry)).doesNotContain("Surname00000");
            return flood;
        }
    }

    private static Set<String> tagValues(SimpleMeterRegistry registry) {
        return registry.getMeters().stream().map(Meter::getId).flatMap(id -> id.getTags().stream())
                .map(tag -> tag.getValue()).collect(Collectors.toSet());
    }

    @Test
    void boundsTheRecordsAndTallyOfAnArticleAtTheEnrichEntityCap() {
        Flood capped = flood(ENRICH_CAP);
        Flood flood = flood(2_000);

        // Two windows, each with one final per entity; early entity updates are off by default
        // (aggregate.early-entity-updates).
        assertThat(capped.finalEntityRecords()).isEqualTo(2 * ENRICH_CAP);
        assertThat(capped.entityRecords()).isEqualTo(2 * ENRICH_CAP);
        assertThat(capped.tallyEntities()).isEqualTo(ENRICH_CAP);
        assertThat(capped.tallyBytes()).isLessThan(16 * 1024);
        // Records and tally grow linearly with the entities of an article; the narrative record and the meters do not.
        assertThat(flood.entityRecords()).isEqualTo(20 * capped.entityRecords());
        assertThat(flood.tallyEntities()).isEqualTo(2_000);
        assertThat(flood.narrativeRecordEntities()).isEqualTo(capped.narrativeRecordEntities())
                .isEqualTo(CONFIG.topEntities());
        assertThat(flood.meterCount()).isEqualTo(capped.meterCount());
    }
}
