package io.bellwether.ingest;

import java.util.Optional;

/**
 * The HTTP push endpoint: where it listens (loopback by default), the largest body it reads, and the bearer
 * token callers must present when one is configured.
 */
public record PushOptions(String bindAddress, int port, int maxBodyBytes, Optional<String> bearerToken) {
    public static final int ONE_MIB = 1 << 20;

    public PushOptions {
        Checks.notBlank("ingest.http.bind-address", bindAddress);
        Checks.range("ingest.http.port", port, 0, 65_535);
        Checks.range("ingest.http.max-body-bytes", maxBodyBytes, 1, 256 * ONE_MIB);
        if (bearerToken == null) {
            bearerToken = Optional.empty();
        }
        bearerToken.ifPresent(token -> Checks.notBlank("ingest.http.token", token));
    }

    public static PushOptions defaults() {
        return new PushOptions("127.0.0.1", 8081, ONE_MIB, Optional.empty());
    }

    public PushOptions withPort(int newPort) {
        return new PushOptions(bindAddress, newPort, maxBodyBytes, bearerToken);
    }

    public PushOptions withMaxBodyBytes(int bytes) {
        return new PushOptions(bindAddress, port, bytes, bearerToken);
    }

    public PushOptions withBearerToken(String token) {
        return new PushOptions(bindAddress, port, maxBodyBytes, Optional.of(token));
    }
}
