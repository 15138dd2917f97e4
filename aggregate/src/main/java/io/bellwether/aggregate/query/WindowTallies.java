package io.bellwether.aggregate.query;

import io.bellwether.aggregate.WindowSpec;
import io.bellwether.aggregate.tally.NarrativeTally;
import io.bellwether.aggregate.tally.Panes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;

/**
 * The windows of one family as queries see them, from its two stores: a closed window as its final record had it,
 * an open one as the sum of its panes. A window exists when an article or a late arrival reached it while it was
 * open; one that was closed empty stays absent even when later articles fill the panes it covers.
 */
public final class WindowTallies {
    private final WindowSpec spec;
    private final ReadOnlyWindowStore<String, NarrativeTally> panes;
    private final ReadOnlyWindowStore<String, NarrativeTally> closed;

    /** One window of one narrative. */
    public record Window(String narrative, long start, NarrativeTally tally) {
    }

    public WindowTallies(WindowSpec spec, ReadOnlyWindowStore<String, NarrativeTally> panes,
                         ReadOnlyWindowStore<String, NarrativeTally> closed) {
        this.spec = spec;
        this.panes = panes;
        this.closed = closed;
    }

    /** The window of {@code narrative} starting at {@code start}, or null when it does not exist. */
    public NarrativeTally window(String narrative, long start) {
        NarrativeTally done = closed.fetch(narrative, start);
        if (done != null) {
            return done.blank() ? null : done;
        }
        return Panes.byNarrative(spec, panes.fetch(narrative, narrative, instant(start),
                instant(spec.endOf(start) - 1))).values().stream().findFirst().map(its -> its.window(start))
                .orElse(null);
    }

    /** Windows starting in [{@code from}, {@code to}] of one narrative or of all held here, by narrative then start. */
    public List<Window> windows(Optional<String> narrative, long from, long to) {
        List<Window> windows = new ArrayList<>();
        Set<KeyValue<String, Long>> done = new HashSet<>();
        try (KeyValueIterator<Windowed<String>, NarrativeTally> it = narrative
                .map(key -> closed.fetch(key, key, instant(from), instant(to)))
                .orElseGet(() -> closed.fetchAll(instant(from), instant(to)))) {
            it.forEachRemaining(window -> {
                done.add(KeyValue.pair(window.key.key(), window.key.window().start()));
                if (!window.value.blank()) {
                    windows.add(new Window(window.key.key(), window.key.window().start(), window.value));
                }
            });
        }
        long paneTo = to > Long.MAX_VALUE - spec.size().toMillis() ? Long.MAX_VALUE : spec.endOf(to) - 1;
        SortedMap<String, Panes> open = Panes.byNarrative(spec, narrative
                .map(key -> panes.fetch(key, key, instant(from), instant(paneTo)))
                .orElseGet(() -> panes.fetchAll(instant(from), instant(paneTo))));
        open.forEach((key, its) -> {
            for (long start : its.windowStarts(from, to)) {
                if (!done.contains(KeyValue.pair(key, start))) {
                    windows.add(new Window(key, start, its.window(start)));
                }
            }
        });
        windows.sort(Comparator.comparing(Window::narrative).thenComparingLong(Window::start));
        return windows;
    }

    private static Instant instant(long millis) {
        return Instant.ofEpochMilli(Math.max(0, millis));
    }
}
