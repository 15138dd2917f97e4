package io.bellwether.enrich.offline;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Runs a function over a stream of inputs on several threads and hands the results on in input order, with at most
 * a few inputs per thread in flight, so an archive of any size is read, worked and written with bounded memory, and
 * the output of N threads is the output of one.
 */
public final class OrderedPool implements AutoCloseable {
    private static final int PER_THREAD = 4;

    private final ExecutorService pool;
    private final int window;

    public OrderedPool(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        this.pool = Executors.newFixedThreadPool(threads, work -> {
            Thread thread = new Thread(work, "bellwether-offline");
            thread.setDaemon(true);
            return thread;
        });
        this.window = threads * PER_THREAD;
    }

    /** Applies {@code work} to every input and calls {@code sink} with each input and its result, in input order. */
    public <T, R> void map(Iterator<T> inputs, Function<T, R> work, BiConsumer<T, R> sink) {
        Deque<Pending<T, R>> pending = new ArrayDeque<>();
        while (inputs.hasNext()) {
            T input = inputs.next();
            pending.add(new Pending<>(input, pool.submit(() -> work.apply(input))));
            if (pending.size() >= window) {
                deliver(pending.removeFirst(), sink);
            }
        }
        while (!pending.isEmpty()) {
            deliver(pending.removeFirst(), sink);
        }
    }

    private record Pending<T, R>(T input, Future<R> result) {
    }

    private static <T, R> void deliver(Pending<T, R> next, BiConsumer<T, R> sink) {
        try {
            sink.accept(next.input(), next.result().get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
