package io.bellwether.runtime.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.bellwether.runtime.kafka.HeldPartitions.Held;
import io.bellwether.runtime.kafka.PartitionEnds.Ends;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class HeldPartitionsTest {
    private static final TopicPartition P0 = new TopicPartition("news.articles.enriched", 0);
    private static final TopicPartition P1 = new TopicPartition("news.articles.enriched", 1);
    private static final long SECOND = 1_000_000_000L;

    private final HeldPartitions partitions = new HeldPartitions(Duration.ofSeconds(10));

    @Test
    void aPartitionStuckAtOneOffsetBelowItsEndIsHeldOnceTheTimeHasPassed() {
        assertThat(partitions.observe(Map.of(P0, new Ends(15, 10)), 0)).isEmpty();
        assertThat(partitions.observe(Map.of(P0, new Ends(17, 10)), 9 * SECOND)).isEmpty();

        List<Held> held = partitions.observe(Map.of(P0, new Ends(18, 10)), 10 * SECOND);

        assertThat(held).containsExactly(new Held(P0, 10, 18, Duration.ofSeconds(10)));
        assertThat(held.get(0)).hasToString("news.articles.enriched-0 at offset 10 (end 18) for 10 s");
    }

    @Test
    void aBusyTransactionalInputIsNeverHeldThoughEveryReadingFindsATransactionOpen() {
        for (int i = 0; i < 20; i++) {
            assertThat(partitions.observe(Map.of(P0, new Ends(10L * i + 5, 10L * i)), i * 5 * SECOND)).isEmpty();
        }
    }

    @Test
    void aPartitionIsReleasedWhenItsStableOffsetMovesOrReachesTheEnd() {
        partitions.observe(Map.of(P0, new Ends(15, 10), P1, new Ends(8, 3)), 0);
        assertThat(partitions.observe(Map.of(P0, new Ends(15, 10), P1, new Ends(8, 3)), 11 * SECOND))
                .extracting(Held::partition).containsExactly(P0, P1);

        List<Held> after = partitions.observe(Map.of(P0, new Ends(16, 16), P1, new Ends(9, 4)), 12 * SECOND);

        assertThat(after).isEmpty();
        assertThat(partitions.observe(Map.of(P0, new Ends(16, 16), P1, new Ends(9, 4)), 21 * SECOND)).isEmpty();
        assertThat(partitions.observe(Map.of(P0, new Ends(16, 16), P1, new Ends(9, 4)), 22 * SECOND))
                .extracting(Held::partition).containsExactly(P1);
    }

    @Test
    void aPartitionMissingFromAReadingStartsOverWhenItComesBack() {
        partitions.observe(Map.of(P0, new Ends(15, 10)), 0);
        partitions.observe(Map.of(), 5 * SECOND);

        assertThat(partitions.observe(Map.of(P0, new Ends(15, 10)), 11 * SECOND)).isEmpty();
        assertThat(partitions.observe(Map.of(P0, new Ends(15, 10)), 21 * SECOND)).hasSize(1);
    }
}
