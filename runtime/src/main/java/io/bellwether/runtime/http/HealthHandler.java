package io.bellwether.runtime.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.bellwether.runtime.service.Health;
import io.bellwether.runtime.service.HealthChecks;
import java.io.IOException;
import java.util.Map;

/**
 * {@code /health}: {@code {"status":"UP","checks":{"NAME":{"status":"UP","detail":"RUNNING"}}}}, HTTP 200 when
 * every check is UP and 503 otherwise.
 */
final class HealthHandler implements HttpHandler {
    private final ObjectMapper json = new ObjectMapper();
    private final HealthChecks health;

    HealthHandler(HealthChecks health) {
        this.health = health;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        if (Responses.rejected(exchange)) {
            return;
        }
        Map<String, Health> states = health.snapshot();
        boolean up = states.values().stream().allMatch(Health::up);
        ObjectNode body = json.createObjectNode();
        body.put("status", up ? "UP" : "DOWN");
        ObjectNode checks = body.putObject("checks");
        states.forEach((name, state) -> checks.putObject(name)
                .put("status", state.status())
                .put("detail", state.detail()));
        Responses.send(exchange, up ? 200 : 503, "application/json", json.writeValueAsString(body) + "\n");
    }
}
