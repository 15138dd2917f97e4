package io.bellwether.enrich.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bellwether.enrich.story.BandQuery;
import io.bellwether.enrich.story.StorySettings;
import io.bellwether.enrich.story.StorySignature;
import io.bellwether.enrich.story.StoryText;
import io.bellwether.enrich.story.StoryTexts;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.Test;

/** How an article's band probes are grouped into one query per partition and where each query goes. */
class BandBucketsTest {
    private final StorySettings settings = StorySettings.defaults();
    private final BandBuckets buckets = new BandBuckets(settings, 6);
    private final StorySignature signature = new StoryText(settings).signature(StoryTexts.WIRE_BODY);

    private Analysed analysed() {
        return new Analysed(EnrichedArticles.of("wire-1", Instant.parse("2026-03-02T08:00:00Z")), signature,
                "3-41/wire-1");
    }

    @Test
    void everyBandIsAskedExactlyOnceInTheQueryOfThePartitionThatOwnsItsBucket() {
        List<KeyValue<String, BandQuery>> queries = buckets.queries(analysed());
        assertThat(queries).hasSizeBetween(2, 6);
        long asked = 0;
        for (KeyValue<String, BandQuery> query : queries) {
            assertThat(asked & query.value.bands()).as("no band in two queries").isZero();
            asked |= query.value.bands();
            int partition = buckets.partition(query.key);
            for (long bands = query.value.bands(); bands != 0; bands &= bands - 1) {
                int band = Long.numberOfTrailingZeros(bands);
                assertThat(buckets.partition(buckets.bucket(band, signature))).isEqualTo(partition);
            }
            assertThat(buckets.partitioner().partitions("probes", query.key, query.value, 6))
                    .isEqualTo(Optional.of(Set.of(partition)));
            assertThat(query.value.replyTo()).isEqualTo("3-41/wire-1");
            assertThat(query.value.probe().signature()).isEqualTo(signature);
        }
        assertThat(asked).isEqualTo((1L << settings.bands()) - 1);
    }

    @Test
    void aBucketLivesWhereTheProducersDefaultPartitionerPutItsKeyBeforeQueriesWereGrouped() {
        for (int band = 0; band < settings.bands(); band++) {
            String bucket = buckets.bucket(band, signature);
            assertThat(buckets.partition(bucket)).isEqualTo(
                    BuiltInPartitioner.partitionForKey(bucket.getBytes(StandardCharsets.UTF_8), 6));
        }
    }

    @Test
    void aTopicOfAnotherPartitionCountIsRefusedWithTheReasonAndOneOfOnePartitionHoldsEverything() {
        KeyValue<String, BandQuery> query = buckets.queries(analysed()).get(0);
        assertThat(buckets.partitioner().partitions("probes", query.key, query.value, 1))
                .isEqualTo(Optional.of(Set.of(0)));
        assertThatThrownBy(() -> buckets.partitioner().partitions("probes", query.key, query.value, 3))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("probes has 3 partitions")
                .hasMessageContaining("expects 6");
    }
}
