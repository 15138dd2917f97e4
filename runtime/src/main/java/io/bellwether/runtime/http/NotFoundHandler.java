package io.bellwether.runtime.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;

/** Every path nothing else serves: 404 with the paths that exist. */
final class NotFoundHandler implements HttpHandler {

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        Responses.send(exchange, 404, "text/plain; charset=utf-8", "not found; try /health or /metrics\n");
    }
}
