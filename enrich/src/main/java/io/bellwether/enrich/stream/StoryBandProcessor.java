package io.bellwether.enrich.stream;

import io.bellwether.enrich.story.BandQuery;
import io.bellwether.enrich.story.StoryAnswer;
import io.bellwether.enrich.story.StoryMatch;
import io.bellwether.enrich.story.StoryMatcher;
import io.bellwether.enrich.story.StoryProbe;
import io.bellwether.enrich.story.StorySettings;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * One LSH band bucket's side of the story lookup, keyed by band bucket: answers each probe with the earliest article
 * of the bucket (event time, then id) that comes before it within the horizon and is close enough, then remembers
 * the probe. Every {@link #expiryInterval} of stream time it forgets what lies more than the horizon behind, so
 * the store holds one horizon of articles; answers never depend on when that ran, since the lookup reads the
 * horizon only.
 */
final class StoryBandProcessor implements Processor<String, BandQuery, String, StoryAnswer> {
    private final StorySettings settings;
    private final StoryMatcher matcher;
    private ProcessorContext<String, StoryAnswer> context;
    private BandMemory memory;

    StoryBandProcessor(StorySettings settings) {
        this.settings = settings;
        this.matcher = new StoryMatcher(settings);
    }

    /** A 24th of the horizon, at least a minute: the store exceeds the horizon by at most that much. */
    Duration expiryInterval() {
        return Duration.ofMillis(Math.max(60_000, settings.horizon().toMillis() / 24));
    }

    @Override
    public void init(ProcessorContext<String, StoryAnswer> context) {
        this.context = context;
        this.memory = new BandMemory(context.getStateStore(StoryStage.BAND_STORE));
        // Stream time, not the wall clock: a replay expires the same entries at the same points.
        context.schedule(expiryInterval(), PunctuationType.STREAM_TIME,
                streamTime -> memory.forget(streamTime - settings.horizon().toMillis()));
    }

    @Override
    public void process(Record<String, BandQuery> record) {
        StoryProbe probe = record.value().probe();
        long from = Math.max(0, probe.time() - settings.horizon().toMillis());
        List<StoryProbe> bucketed = memory.between(record.key(), from, probe.time());
        StoryMatch best = matcher.earliest(probe, bucketed, null);
        boolean known = bucketed.stream().anyMatch(other -> other.articleId().equals(probe.articleId()));
        // A replayed article is already in the bucket: remember it once. A text too short to match stays out.
        if (!known && probe.signature().shingles() >= settings.minShingles()) {
            memory.remember(record.key(), probe);
        }
        context.forward(new Record<>(record.value().replyTo(), new StoryAnswer(probe.articleId(), probe.band(), best),
                record.timestamp(), record.headers()));
    }
}
