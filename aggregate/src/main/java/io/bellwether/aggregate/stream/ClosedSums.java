package io.bellwether.aggregate.stream;

import io.bellwether.aggregate.tally.StanceSums;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The sums of recently read closed windows, which early updates read for momentum again at every tick. A closed
 * window is written once (its final, or the marker of one that nothing reached) and never changes, so a remembered
 * value cannot go stale; a window not yet closed is not remembered. Bounded, oldest read first out.
 */
final class ClosedSums {
    private static final int CAPACITY = 4096;

    private record Key(String narrative, long start) {
    }

    private final Map<Key, StanceSums> sums = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, StanceSums> eldest) {
            return size() > CAPACITY;
        }
    };

    /** The sums of a closed window, read from {@code store} (null when absent) and remembered when present. */
    StanceSums get(String narrative, long start, Supplier<StanceSums> store) {
        Key key = new Key(narrative, start);
        StanceSums known = sums.get(key);
        if (known != null) {
            return known;
        }
        StanceSums read = store.get();
        if (read != null) {
            sums.put(key, read);
        }
        return read;
    }

    void remember(String narrative, long start, StanceSums closed) {
        sums.put(new Key(narrative, start), closed);
    }
}
