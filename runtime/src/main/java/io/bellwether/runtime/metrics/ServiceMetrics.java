package io.bellwether.runtime.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayDeque;
import java.util.Deque;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.streams.KafkaStreams;

/**
 * A service's Prometheus meter registry, every meter tagged {@code service=NAME}, with the JVM binders bound;
 * Kafka producers, consumers and Streams instances are bound on request. Closing it unbinds them all.
 */
public final class ServiceMetrics implements AutoCloseable {
    private static final Duration REFRESH = Duration.ofSeconds(5);

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Deque<AutoCloseable> bindings = new ArrayDeque<>();
    /**
     * Kafka creates per-topic client metrics only after the first fetch or send; the binders look for new ones
     * on this schedule. Micrometer's default (60 s) hides them from short runs and from the first minute.
     */
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "kafka-metrics-refresh");
        thread.setDaemon(true);
        return thread;
    });

    public ServiceMetrics(String service) {
        registry.config().commonTags(List.of(Tag.of("service", service)));
        List<MeterBinder> jvm = List.of(new JvmMemoryMetrics(), new JvmThreadMetrics(), new ClassLoaderMetrics(),
                new ProcessorMetrics(), new UptimeMetrics());
        jvm.forEach(binder -> binder.bindTo(registry));
        JvmGcMetrics gc = new JvmGcMetrics();
        gc.bindTo(registry);
        bindings.push(gc);
    }

    /** The registry services add their own meters to. */
    public MeterRegistry registry() {
        return registry;
    }

    public PrometheusMeterRegistry prometheus() {
        return registry;
    }

    /** The Prometheus text exposition of every meter. */
    public String scrape() {
        return registry.scrape();
    }

    /** Binds a producer's client metrics ({@code kafka.producer.*}) until this object is closed. */
    public void bindProducer(Producer<?, ?> producer) {
        bind(new KafkaClientMetrics(producer, List.of(), refresher, REFRESH));
    }

    /** Binds a consumer's client metrics ({@code kafka.consumer.*}) until this object is closed. */
    public void bindConsumer(Consumer<?, ?> consumer) {
        bind(new KafkaClientMetrics(consumer, List.of(), refresher, REFRESH));
    }

    /** Binds a Streams instance's metrics ({@code kafka.stream.*} and its clients) until this object is closed. */
    public void bindStreams(KafkaStreams streams) {
        bind(new KafkaStreamsMetrics(streams, List.of(), refresher, REFRESH));
    }

    private synchronized <B extends MeterBinder & AutoCloseable> void bind(B binder) {
        binder.bindTo(registry);
        bindings.push(binder);
    }

    @Override
    public synchronized void close() {
        while (!bindings.isEmpty()) {
            try {
                bindings.pop().close();
            } catch (Exception e) {
                // A binder that fails to close only leaks meters of a client that is going away anyway.
            }
        }
        refresher.shutdownNow();
        registry.close();
    }
}
