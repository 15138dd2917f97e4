package io.bellwether.aggregate.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Forwards a query to the instance that owns the data ({@code application.server} of a peer) and returns its
 * answer unchanged; an unreachable peer becomes a 502 reply, not an exception.
 */
public final class PeerClient {
    private final HttpClient http;
    private final Duration timeout;
    private final ObjectMapper json = new ObjectMapper();

    public PeerClient(Duration timeout) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.timeout = timeout;
    }

    Reply get(URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET()
                .header("Accept", "application/json").build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body());
        } catch (IOException e) {
            return Reply.error(502, "peer " + uri.getHost() + ":" + uri.getPort() + " unreachable: " + e, json);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Reply.error(502, "interrupted while asking peer " + uri.getHost() + ":" + uri.getPort(), json);
        }
    }
}
