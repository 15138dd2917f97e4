package io.bellwether.aggregate.stream;

import io.bellwether.aggregate.WindowSpec;
import java.time.Instant;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * One family's story panes, in front of its story store ({@link WindowSpec#storyStoreName()}): for a narrative and a
 * story, the panes that hold one of the story's articles, each with the entities those articles named. The panes'
 * story histograms ({@code StoryCounts}) are kept from it, so a pane's value never lists story ids: one small
 * record per story and pane, kept as long as the panes.
 */
final class StoryPanes {
    private final WindowSpec spec;
    private final WindowStore<String, List<String>> store;

    StoryPanes(WindowSpec spec, WindowStore<String, List<String>> store) {
        this.spec = spec;
        this.store = store;
    }

    /**
     * The story's panes less than one window size from {@code pane} on either side (the only ones a window holding
     * {@code pane} can share), by start, each with its entities.
     */
    NavigableMap<Long, List<String>> around(String narrative, String story, long pane) {
        long reach = spec.size().toMillis() - spec.advance().toMillis();
        NavigableMap<Long, List<String>> panes = new TreeMap<>();
        try (WindowStoreIterator<List<String>> it = store.fetch(key(narrative, story),
                Instant.ofEpochMilli(Math.max(0, pane - reach)), Instant.ofEpochMilli(pane + reach))) {
            while (it.hasNext()) {
                KeyValue<Long, List<String>> held = it.next();
                panes.put(held.key, held.value);
            }
        }
        return panes;
    }

    /** Records that {@code pane} holds an article of the story naming {@code entities}, beside {@code before}. */
    void record(String narrative, String story, long pane, List<String> before, List<String> entities) {
        TreeSet<String> names = new TreeSet<>(entities);
        if (before != null) {
            names.addAll(before);
        }
        if (before == null || names.size() > before.size()) {
            store.put(key(narrative, story), List.copyOf(names), pane);
        }
    }

    private static String key(String narrative, String story) {
        return narrative + '\u0000' + story;
    }
}
