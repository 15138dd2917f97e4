package io.bellwether.enrich.stream;

import static io.bellwether.enrich.story.StoryTexts.OTHER;
import static io.bellwether.enrich.story.StoryTexts.OTHER_BODY;
import static io.bellwether.enrich.story.StoryTexts.WIRE;
import static io.bellwether.enrich.story.StoryTexts.WIRE_BODY;
import static org.assertj.core.api.Assertions.assertThat;

import io.bellwether.enrich.story.BandQuery;
import io.bellwether.enrich.story.StoryAnswer;
import io.bellwether.enrich.story.StoryProbe;
import io.bellwether.enrich.story.StorySettings;
import io.bellwether.enrich.story.StorySignature;
import io.bellwether.enrich.story.StoryText;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The band buckets' side alone, fed by two input partitions: a copy that ran ahead of its original waits for it,
 * a drained partition is not waited for, no query waits longer than the order wait, and held queries outlive a
 * restart.
 */
class StoryBandProcessorTest {
    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    private static final long ALL_BANDS = (1L << 32) - 1;
    private static final long WAIT = StorySettings.DEFAULT_ORDER_WAIT.toMillis();
    private final StorySettings settings = StorySettings.defaults();
    private final StorySignature wire = new StoryText(settings).signature(WIRE + "\n\n" + WIRE_BODY);
    private final StorySignature other = new StoryText(settings).signature(OTHER + "\n\n" + OTHER_BODY);
    /** The input partitions the progress says are drained. */
    private final Set<Integer> drained = new HashSet<>();
    private MockProcessorContext<String, StoryAnswer> context;
    private KeyValueStore<String, byte[]> store;
    private StoryBandProcessor processor;
    private long now = 1_000_000;

    @BeforeEach
    void start() {
        store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(StoryStage.BAND_STORE),
                Serdes.String(), Serdes.ByteArray()).withLoggingDisabled().build();
        restart(settings);
    }

    private void restart(StorySettings stories) {
        context = new MockProcessorContext<>(new Properties());
        context.setCurrentSystemTimeMs(now);
        if (processor == null) {
            store.init(context.getStateStoreContext(), store);
        }
        context.addStateStore(store);
        processor = new StoryBandProcessor(stories, new BandBuckets(stories, 2),
                (input, band) -> drained.contains(input));
        processor.init(context);
    }

    private void query(int partition, String id, Duration after, StorySignature signature) {
        long time = T0.plus(after).toEpochMilli();
        processor.process(new Record<>("bucket", new BandQuery(partition + "-" + id.length() + "/" + id, ALL_BANDS,
                new StoryProbe(0, id, time, signature)), time));
    }

    private void later(long millis) {
        now += millis;
        context.setCurrentSystemTimeMs(now);
        context.scheduledPunctuators().stream()
                .filter(punctuator -> punctuator.getType() == PunctuationType.WALL_CLOCK_TIME)
                .forEach(punctuator -> punctuator.getPunctuator().punctuate(now));
    }

    /** The answers forwarded so far, as "article: story or -", in the order they went out. */
    private List<String> answers() {
        return context.forwarded().stream().map(forward -> forward.record().value())
                .map(answer -> answer.articleId() + ": " + (answer.match() == null ? "-" : answer.match().articleId()))
                .toList();
    }

    @Test
    void aCopyThatRanAheadOfItsOriginalWaitsForItAndJoinsItsStory() {
        query(1, "copy", Duration.ofMinutes(45), wire);
        query(1, "unrelated", Duration.ofMinutes(50), other);
        assertThat(answers()).as("partition 0 has sent nothing yet").isEmpty();

        query(0, "original", Duration.ZERO, wire);
        assertThat(answers()).as("partition 0 is at the original's time only").containsExactly("original: -");

        query(0, "next", Duration.ofMinutes(60), other);
        assertThat(answers()).as("partition 1 is at 50 minutes").containsExactly("original: -", "copy: original",
                "unrelated: -");

        drained.add(1);
        later(1000);
        assertThat(answers()).as("partition 1 drained")
                .containsExactly("original: -", "copy: original", "unrelated: -", "next: unrelated");
    }

    @Test
    void aDrainedPartitionIsNotWaitedFor() {
        drained.add(0);
        query(1, "copy", Duration.ofMinutes(45), wire);
        assertThat(answers()).containsExactly("copy: -");
    }

    @Test
    void noQueryWaitsLongerThanTheOrderWait() {
        query(1, "copy", Duration.ofMinutes(45), wire);
        later(WAIT / 2);
        query(1, "again", Duration.ofMinutes(50), wire);
        later(WAIT / 2 - 1);
        assertThat(answers()).isEmpty();
        later(1);
        assertThat(answers()).as("the first held for the whole wait").containsExactly("copy: -");
        later(WAIT / 2);
        assertThat(answers()).containsExactly("copy: -", "again: copy");
    }

    @Test
    void heldQueriesAreAnsweredAfterARestartInTheirOrder() {
        query(1, "copy", Duration.ofMinutes(45), wire);
        assertThat(answers()).isEmpty();
        restart(settings);
        query(0, "original", Duration.ZERO, wire);
        assertThat(answers()).as("partition 1 is waited for again, from nothing").isEmpty();
        drained.addAll(List.of(0, 1));
        later(1000);
        assertThat(answers()).containsExactly("original: -", "copy: original");
    }

    @Test
    void withNoOrderWaitEveryQueryIsAnsweredOnArrival() {
        restart(settings.withOrderWait(Duration.ZERO));
        query(1, "copy", Duration.ofMinutes(45), wire);
        query(0, "original", Duration.ZERO, wire);
        assertThat(answers()).containsExactly("copy: -", "original: -");
    }
}
