package io.bellwether.enrich.stream;

import io.bellwether.avro.EnrichedArticle;
import io.bellwether.enrich.story.BandQuery;
import io.bellwether.enrich.story.StoryProbe;
import io.bellwether.enrich.story.StorySettings;
import io.bellwether.enrich.story.StorySignature;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * Where the LSH band buckets live: a bucket is named {@code band:hash} (the band's hash in hex) and belongs to
 * the partition of the probe topic that the murmur2 hash of its name picks, as Kafka's default partitioner
 * would pick it for that key. An article sends one {@link BandQuery} per partition with all its bands that
 * live there (about 6 records instead of 32 at 6 partitions), keyed by the first of those buckets.
 */
final class BandBuckets {
    private final StorySettings settings;
    private final int partitions;

    BandBuckets(StorySettings settings, int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("the story probe topic needs at least one partition: " + partitions);
        }
        this.settings = settings;
        this.partitions = partitions;
    }

    int partitions() {
        return partitions;
    }

    String bucket(int band, StorySignature signature) {
        return String.format(Locale.ROOT, "%02d:%016x", band, signature.bandHash(band, settings.rows()));
    }

    int partition(String bucket) {
        return Utils.toPositive(Utils.murmur2(bucket.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /** The article's queries: one per partition that owns at least one of its buckets, in partition order. */
    List<KeyValue<String, BandQuery>> queries(Analysed value) {
        long[] bands = new long[partitions];
        String[] firstBucket = new String[partitions];
        for (int band = 0; band < settings.bands(); band++) {
            String bucket = bucket(band, value.signature());
            int partition = partition(bucket);
            bands[partition] |= 1L << band;
            if (firstBucket[partition] == null) {
                firstBucket[partition] = bucket;
            }
        }
        EnrichedArticle article = value.article();
        List<KeyValue<String, BandQuery>> queries = new ArrayList<>(Math.min(partitions, settings.bands()));
        for (int partition = 0; partition < partitions; partition++) {
            if (bands[partition] != 0) {
                StoryProbe probe = new StoryProbe(Long.numberOfTrailingZeros(bands[partition]), article.getId(),
                        article.getPublishedAt().toEpochMilli(), value.signature());
                queries.add(KeyValue.pair(firstBucket[partition],
                        new BandQuery(value.instance(), bands[partition], probe)));
            }
        }
        return queries;
    }

    /**
     * Sends a query to the partition of the bucket it is keyed by. Streams gives the topic the input topic's
     * count, which the stage was built with; a topic of one partition (a replay's, the test driver's) holds every
     * bucket, which is consistent too; any other count is refused with the reason.
     */
    StreamPartitioner<String, BandQuery> partitioner() {
        return (topic, bucket, query, count) -> {
            if (count == 1) {
                return Optional.of(Set.of(0));
            }
            if (count != partitions) {
                throw new IllegalStateException(topic + " has " + count + " partitions, the story stage expects "
                        + partitions + " (those of its input topic: topics.partitions, else the catalog's); set"
                        + " topics.partitions to the input's count, or reset the enrich application"
                        + " (kafka-streams-application-reset) after changing it");
            }
            return Optional.of(Set.of(partition(bucket)));
        };
    }
}
