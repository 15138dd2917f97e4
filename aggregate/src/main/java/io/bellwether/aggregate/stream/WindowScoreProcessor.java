package io.bellwether.aggregate.stream;

import io.bellwether.aggregate.AggregateConfig;
import io.bellwether.aggregate.AggregateMetrics;
import io.bellwether.aggregate.WindowSpec;
import io.bellwether.aggregate.tally.ArticleSignal;
import io.bellwether.aggregate.tally.NarrativeTally;
import io.bellwether.aggregate.tally.Scoring;
import io.bellwether.avro.DeadLetter;
import io.bellwether.avro.EnrichedArticle;
import io.bellwether.schemas.Topic;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Consumes one narrative's articles (key = narrative id) and keeps its window tallies. Stream time is its own,
 * kept in a store: it decides lateness, closes windows (finals) and paces early updates, never the wall clock.
 */
final class WindowScoreProcessor implements Processor<String, EnrichedArticle, String, Emission> {
    static final String STREAM_TIME = "stream-time";

    private final AggregateConfig config;
    private final AggregateMetrics metrics;
    private final Topic<String, EnrichedArticle> input;
    private final Scoring scoring;
    private final List<WindowFamily> families = new ArrayList<>();
    private ProcessorContext<String, Emission> context;
    private KeyValueStore<String, Long> progress;

    WindowScoreProcessor(AggregateConfig config, AggregateMetrics metrics, Topic<String, EnrichedArticle> input) {
        this.config = config;
        this.metrics = metrics;
        this.input = input;
        this.scoring = new Scoring(config.topEntities());
    }

    @Override
    public void init(ProcessorContext<String, Emission> context) {
        this.context = context;
        this.progress = context.getStateStore(WindowScoring.PROGRESS_STORE);
        families.clear();
        for (WindowSpec spec : config.windows()) {
            WindowStore<String, NarrativeTally> panes = context.getStateStore(spec.paneStoreName());
            WindowStore<String, NarrativeTally> closed = context.getStateStore(spec.storeName());
            WindowStore<String, List<String>> stories = context.getStateStore(spec.storyStoreName());
            families.add(new WindowFamily(spec, config.grace(), new WindowFamily.WindowStores(panes, closed, stories),
                    scoring, config.earlyEntityUpdates()));
        }
    }

    @Override
    public void process(Record<String, EnrichedArticle> record) {
        String narrative = record.key();
        Optional<ArticleSignal> signal = ArticleSignal.of(record.value(), narrative, config.entityTypes(),
                config.stanceWeight());
        if (signal.isEmpty()) {
            return;
        }
        Long before = progress.get(STREAM_TIME);
        long now = before == null ? record.timestamp() : Math.max(before, record.timestamp());
        if (before == null || now > before) {
            progress.put(STREAM_TIME, now);
        }
        if (before != null && now > before) {
            // Close first: adding this record may advance the store's segments past windows still due a final.
            families.forEach(family -> family.closeDue(before, now, this::forward));
        }
        if (addToOpenWindows(narrative, signal.get(), record.timestamp(), now) == 0) {
            forwardLate(record, now);
        }
        if (ticked(before, now)) {
            families.forEach(family -> family.flushUpdates(now, this::forward));
        }
    }

    /** Adds the article to its open windows, accounts for the closed ones it missed; returns how many took it. */
    private int addToOpenWindows(String narrative, ArticleSignal signal, long timestamp, long now) {
        int added = 0;
        for (WindowFamily family : families) {
            WindowFamily.Outcome outcome = family.add(narrative, signal, timestamp, now);
            added += outcome.added();
            if (outcome.missed() > 0) {
                metrics.lateArticle(narrative, family.spec().label());
                family.countLate(narrative, now);
            }
        }
        return added;
    }

    /** Early updates go out when stream time crosses a multiple of the update interval. */
    private boolean ticked(Long before, long now) {
        long interval = config.updateInterval().toMillis();
        return before == null || interval == 0 || Math.floorDiv(now, interval) > Math.floorDiv(before, interval);
    }

    private void forward(WindowFamily.Output output) {
        if (output.emission() instanceof Emission.Narrative narrative) {
            metrics.windowEmitted(narrative.score());
        }
        context.forward(new Record<>(output.key(), output.emission(), output.timestamp()));
    }

    private void forwardLate(Record<String, EnrichedArticle> record, long now) {
        String id = record.value().getId();
        DeadLetter letter = DeadLetter.newBuilder()
                .setStage("aggregate")
                .setReason("late")
                .setDetail("narrative " + record.key() + ": published " + Instant.ofEpochMilli(record.timestamp())
                        + " but stream time was " + Instant.ofEpochMilli(now) + "; every window had closed (grace "
                        + config.grace() + ")")
                .setSourceTopic(input.name())
                .setOriginalKey(ByteBuffer.wrap(id.getBytes(StandardCharsets.UTF_8)))
                .setOriginalValue(ByteBuffer.wrap(input.valueSerde().serializer().serialize(input.name(),
                        record.value())))
                .setFailedAt(Instant.ofEpochMilli(now))
                .build();
        context.forward(new Record<>(id, new Emission.Late(letter), record.timestamp()));
    }
}
