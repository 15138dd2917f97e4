package io.bellwether.runtime.http;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.bellwether.runtime.config.ConfigException;
import io.bellwether.runtime.config.RuntimeKeys;
import io.bellwether.runtime.config.Settings;
import io.bellwether.runtime.metrics.ServiceMetrics;
import io.bellwether.runtime.service.FailureListener;
import io.bellwether.runtime.service.Health;
import io.bellwether.runtime.service.HealthChecks;
import io.bellwether.runtime.service.Service;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The HTTP side of a service (JDK {@link HttpServer}): {@code /health} (JSON, 200 when every check is UP, else
 * 503), {@code /metrics} (Prometheus text) and handlers mounted under path prefixes, such as {@code /api/}. A
 * client that does not finish sending its headers within the {@link HeaderDeadline} is disconnected.
 */
public final class HttpEndpoint implements Service {
    private final String host;
    private final int requestedPort;
    private final Duration headerDeadline;
    private final Map<String, HttpHandler> mounts = new LinkedHashMap<>();
    private HttpServer server;
    private HeaderDeadline workers;

    public HttpEndpoint(String host, int port, HealthChecks health, ServiceMetrics metrics) {
        this(host, port, health, metrics, HeaderDeadline.DEFAULT);
    }

    /** An endpoint that disconnects clients whose headers take longer than {@code headerDeadline} to arrive. */
    public HttpEndpoint(String host, int port, HealthChecks health, ServiceMetrics metrics, Duration headerDeadline) {
        this.host = host;
        this.requestedPort = port;
        this.headerDeadline = headerDeadline;
        mounts.put("/health", new HealthHandler(health));
        mounts.put("/metrics", new MetricsHandler(metrics.prometheus()));
        mounts.put("/", new NotFoundHandler());
    }

    /** An endpoint on {@code http.host}:{@code http.port}. */
    public static HttpEndpoint from(Settings settings, HealthChecks health, ServiceMetrics metrics) {
        return new HttpEndpoint(settings.get(RuntimeKeys.HTTP_HOST), settings.get(RuntimeKeys.HTTP_PORT), health,
                metrics);
    }

    /** Serves every path starting with {@code prefix} (e.g. {@code /api/}) with {@code handler}; before or after start. */
    public synchronized HttpEndpoint mount(String prefix, HttpHandler handler) {
        mounts.put(prefix, handler);
        if (server != null) {
            workers.guard(server.createContext(prefix, handler));
        }
        return this;
    }

    @Override
    public String name() {
        return "http";
    }

    /**
     * Binds and starts serving.
     *
     * @throws ConfigException when the port is taken or the host cannot be bound
     */
    @Override
    public synchronized void start(FailureListener failures) {
        try {
            server = HttpServer.create(new InetSocketAddress(host, requestedPort), 0);
        } catch (BindException e) {
            throw new ConfigException("cannot listen on " + host + ":" + requestedPort + ": " + e.getMessage()
                    + " (choose another http.port or http.host)", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start HTTP endpoint on " + host + ":" + requestedPort, e);
        }
        workers = new HeaderDeadline("bellwether-http", HeaderDeadline.DEFAULT_WORKERS, headerDeadline);
        mounts.forEach((prefix, handler) -> workers.guard(server.createContext(prefix, handler)));
        server.setExecutor(workers);
        server.start();
    }

    /** The bound port (the ephemeral one when 0 was asked for). */
    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("HTTP endpoint not started");
        }
        return server.getAddress().getPort();
    }

    @Override
    public synchronized Health health() {
        return server == null ? Health.down("not started") : Health.up("listening on " + host + ":" + port());
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(1);
            workers.close();
            server = null;
        }
    }
}
