package io.bellwether.enrich.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class OrderedPoolTest {

    @Test
    void handsResultsOnInInputOrderWhateverOrderTheyFinishIn() {
        List<Integer> inputs = IntStream.range(0, 200).boxed().toList();
        List<String> seen = new ArrayList<>();
        try (OrderedPool pool = new OrderedPool(4)) {
            pool.map(inputs.iterator(), n -> {
                sleep((7 * n) % 5);
                return "r" + n;
            }, (n, result) -> seen.add(n + ":" + result));
        }
        assertThat(seen).containsExactlyElementsOf(inputs.stream().map(n -> n + ":r" + n).toList());
    }

    @Test
    void readsAheadOnlyAFewInputsPerThread() {
        AtomicInteger read = new AtomicInteger();
        AtomicInteger delivered = new AtomicInteger();
        AtomicInteger mostAhead = new AtomicInteger();
        Iterator<Integer> inputs = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return read.get() < 1000;
            }

            @Override
            public Integer next() {
                mostAhead.accumulateAndGet(read.get() - delivered.get(), Math::max);
                return read.getAndIncrement();
            }
        };
        try (OrderedPool pool = new OrderedPool(2)) {
            pool.map(inputs, n -> n, (n, result) -> delivered.incrementAndGet());
        }
        assertThat(delivered).hasValue(1000);
        assertThat(mostAhead.get()).isLessThanOrEqualTo(8);
    }

    @Test
    void passesOnTheFirstFailureOfTheWork() {
        try (OrderedPool pool = new OrderedPool(2)) {
            assertThatThrownBy(() -> pool.map(List.of(1, 2, 3).iterator(), n -> {
                if (n == 2) {
                    throw new IllegalStateException("two");
                }
                return n;
            }, (n, result) -> { })).isInstanceOf(IllegalStateException.class).hasMessage("two");
        }
    }

    private static void sleep(int millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
