package io.bellwether.cli;

import io.bellwether.runtime.config.RuntimeKeys;
import io.bellwether.runtime.config.Settings;
import io.bellwether.runtime.http.HttpEndpoint;
import io.bellwether.runtime.kafka.KafkaSettings;
import io.bellwether.runtime.metrics.ServiceMetrics;
import io.bellwether.runtime.service.HealthChecks;
import io.bellwether.runtime.service.HeldInputWatch;
import io.bellwether.runtime.service.Service;
import io.bellwether.runtime.service.ServiceRunner;
import io.bellwether.schemas.Topics;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What every long-running command shares: one metrics registry, health checks, the HTTP endpoint
 * ({@code /health}, {@code /metrics}, mounted APIs), the catalog topics ensured, and a runner that closes
 * everything on SIGTERM or Ctrl-C.
 */
public final class ServiceProcess implements AutoCloseable {
    private final Settings settings;
    private final ServiceMetrics metrics;
    private final HealthChecks health = new HealthChecks();
    private final HttpEndpoint http;
    private volatile ServiceRunner runner;

    public ServiceProcess(String name, Settings settings) {
        this.settings = settings;
        this.metrics = new ServiceMetrics(name);
        this.http = HttpEndpoint.from(settings, health, metrics);
    }

    public ServiceMetrics metrics() {
        return metrics;
    }

    public HealthChecks health() {
        return health;
    }

    public HttpEndpoint http() {
        return http;
    }

    public int httpPort() {
        return settings.get(RuntimeKeys.HTTP_PORT);
    }

    /** Creates missing catalog topics (idempotent) so a service can start on a fresh cluster. */
    public void ensureTopics(Topics topics, PrintWriter out) {
        new CatalogTopics(settings).ensure(topics, out);
    }

    /**
     * {@code services} and, unless {@code input.held-after} is PT0S, a watch on {@code inputTopics} for a partition
     * held by a transaction that does not end (deploy/README.md, Known broker issues).
     */
    public List<Service> withHeldInputWatch(List<Service> services, List<String> inputTopics) {
        Duration after = settings.get(RuntimeKeys.INPUT_HELD_AFTER);
        if (after.isZero()) {
            return services;
        }
        List<Service> all = new ArrayList<>(services);
        all.add(new HeldInputWatch(new KafkaSettings(settings).admin(), inputTopics, after, metrics.registry()));
        return all;
    }

    /** Starts the HTTP endpoint then {@code services}, blocks until a signal or a failure; the exit code. */
    public int run(List<Service> services, PrintWriter out) throws InterruptedException {
        List<Service> all = new ArrayList<>();
        all.add(http);
        all.addAll(services);
        runner = new ServiceRunner(all, health);
        if (httpPort() != 0) {
            out.println("http: /health, /metrics and /api on " + settings.get(RuntimeKeys.HTTP_HOST) + ":" + httpPort());
        }
        out.flush();
        ServiceRunner.Outcome outcome = runner.run();
        if (outcome instanceof ServiceRunner.Outcome.Failed failed) {
            out.println(failed.service() + " failed: " + failed.reason());
        }
        return outcome.exitCode();
    }

    /** Asks a running {@link #run} to close everything and return 0 (e.g. once the demo is idle). */
    public void stop() {
        ServiceRunner current = runner;
        if (current != null) {
            current.stop();
        }
    }

    @Override
    public void close() {
        metrics.close();
    }
}
