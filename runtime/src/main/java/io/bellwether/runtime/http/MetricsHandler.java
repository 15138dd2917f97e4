package io.bellwether.runtime.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;

/** {@code /metrics}: the registry's meters in the Prometheus text exposition format. */
final class MetricsHandler implements HttpHandler {
    private static final String TEXT_FORMAT = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;

    MetricsHandler(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        if (Responses.rejected(exchange)) {
            return;
        }
        Responses.send(exchange, 200, TEXT_FORMAT, registry.scrape(TEXT_FORMAT));
    }
}
