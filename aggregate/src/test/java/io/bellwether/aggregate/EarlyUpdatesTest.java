package io.bellwether.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import io.bellwether.avro.NarrativeScore;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.Test;

class EarlyUpdatesTest {

    static List<DeterminismTest.Arrival> arrivals() {
        return DeterminismTest.corpus(5, Duration.ofMinutes(9)).stream()
                .sorted(Comparator.comparingLong(DeterminismTest.Arrival::arrivalKey)).toList();
    }

    static List<KeyValue<String, NarrativeScore>> narrativeRecords(Map<String, String> keys) {
        try (ScoringDriver driver = new ScoringDriver(AggregateKeys.config(keys))) {
            arrivals().forEach(arrival -> driver.pipe(arrival.article()));
            return driver.narrativeRecords();
        }
    }

    @Test
    void emitsAWindowsEarlyUpdateAtMostOncePerIntervalOfStreamTimeAndOnlyWhenItChanged() {
        long interval = Duration.ofMinutes(10).toMillis();
        Map<String, Set<Long>> intervals = new HashMap<>();
        Map<String, NarrativeScore> last = new HashMap<>();
        int early = 0;
        try (ScoringDriver driver = new ScoringDriver(AggregateKeys.config(Map.of(
                AggregateKeys.UPDATE_INTERVAL.name(), "PT10M")))) {
            long streamTime = 0;
            for (DeterminismTest.Arrival arrival : arrivals()) {
                driver.pipe(arrival.article());
                streamTime = Math.max(streamTime, arrival.article().build().getPublishedAt().toEpochMilli());
                for (KeyValue<String, NarrativeScore> record : driver.narrativeRecords()) {
                    if (!record.value.getFinal$()) {
                        early++;
                        assertThat(intervals.computeIfAbsent(record.key, key -> new HashSet<>())
                                .add(Math.floorDiv(streamTime, interval))).as("one update per interval: %s", record.key)
                                .isTrue();
                    }
                    assertThat(record.value).as("changed since its last record").isNotEqualTo(last.get(record.key));
                    last.put(record.key, record.value);
                }
                assertThat(driver.entityRecords()).allSatisfy(entity -> assertThat(entity.value.getFinal$()).isTrue());
            }
        }
        assertThat(early).isGreaterThan(100);
    }

    @Test
    void narrativeRecordsSlidFromPanesEqualThoseSummedWithTheirEntities() {
        List<KeyValue<String, NarrativeScore>> slid = narrativeRecords(Map.of());
        List<KeyValue<String, NarrativeScore>> summed = narrativeRecords(Map.of(
                AggregateKeys.EARLY_ENTITY_UPDATES.name(), "true"));
        assertThat(slid).filteredOn(kv -> !kv.value.getFinal$()).hasSizeGreaterThan(500);
        assertThat(slid).isEqualTo(summed);
    }
}
