package io.bellwether.enrich.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.bellwether.avro.EnrichedArticle;
import io.bellwether.enrich.story.StoryAnswer;
import io.bellwether.enrich.story.StoryMatch;
import io.bellwether.enrich.story.StorySettings;
import io.bellwether.schemas.Topic;
import io.bellwether.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The story join alone: either side first, the article stored once, and a pending entry of the older layout. */
class StoryJoinProcessorTest {
    private static final Instant AT = Instant.parse("2026-03-02T08:00:00Z");
    private static final String KEY = "4-17/copy";
    private static final StoryMatch FIRST = new StoryMatch("first", AT.minusSeconds(600).toEpochMilli(), 0.9);
    private final StorySettings settings = StorySettings.defaults();
    private final Topic<String, EnrichedArticle> enriched = new Topics().enriched();
    private final MockProcessorContext<String, EnrichedArticle> context = new MockProcessorContext<>(new Properties());
    private KeyValueStore<String, StoryPending> pending;
    private StoryJoinProcessor join;

    @BeforeEach
    void start() {
        pending = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(StoryStage.PENDING_STORE),
                Serdes.String(), StoryPending.serde()).withLoggingDisabled().build();
        pending.init(context.getStateStoreContext(), pending);
        context.addStateStore(pending);
        join = new StoryJoinProcessor(settings, enriched, new EnrichMetrics());
        join.init(context);
    }

    private void article() {
        Record<String, Object> record = new Record<>(KEY, EnrichedArticles.of("copy", AT), AT.toEpochMilli());
        record.headers().add(EnrichProcessor.PROCESSING_MS_HEADER, "42".getBytes(StandardCharsets.UTF_8));
        join.process(record);
    }

    private void answer(long bands, StoryMatch match) {
        join.process(new Record<>(KEY, new StoryAnswer("copy", bands, match), AT.toEpochMilli()));
    }

    private EnrichedArticle onlyOutput() {
        List<MockProcessorContext.CapturedForward<? extends String, ? extends EnrichedArticle>> out =
                context.forwarded();
        assertThat(out).hasSize(1);
        assertThat(out.get(0).record().key()).isEqualTo("copy");
        assertThat(new String(out.get(0).record().headers().lastHeader(EnrichProcessor.PROCESSING_MS_HEADER).value(),
                StandardCharsets.UTF_8)).isEqualTo("42");
        assertThat(pending.approximateNumEntries()).as("nothing left pending").isZero();
        return out.get(0).record().value();
    }

    @Test
    void theArticleFirstIsStoredOnceAndTheAnswersRewriteOnlyTheirOwnEntry() {
        article();
        byte[] stored = pending.get(StoryPending.ARTICLE + KEY).article();
        answer(0xffffL, null);
        assertThat(pending.get(KEY).article()).as("answers are kept without the article").isNull();
        assertThat(pending.get(StoryPending.ARTICLE + KEY).article()).isEqualTo(stored);
        assertThat(context.forwarded()).isEmpty();
        answer(0xffff_0000L, FIRST);
        EnrichedArticle out = onlyOutput();
        assertThat(out.getStoryId()).isEqualTo("first");
        assertThat(out.getSimilarity()).isEqualTo(0.9);
    }

    @Test
    void answersFirstAndThenTheArticleGoOutAtOnce() {
        answer(0xffff_ffffL, null);
        assertThat(context.forwarded()).isEmpty();
        article();
        EnrichedArticle out = onlyOutput();
        assertThat(out.getStoryId()).isEqualTo("copy");
        assertThat(out.getNovelty()).isEqualTo(1.0);
    }

    @Test
    void anEntryOfTheOlderLayoutThatHoldsTheArticleWithItsAnswersStillCompletes() {
        byte[] article = enriched.valueSerde().serializer().serialize(enriched.name(), EnrichedArticles.of("copy", AT));
        pending.put(KEY, new StoryPending(article, 42, 0xffff_ffffL & ~(1L << 5), FIRST));
        answer(1L << 5, null);
        assertThat(onlyOutput().getStoryId()).isEqualTo("first");
    }
}
