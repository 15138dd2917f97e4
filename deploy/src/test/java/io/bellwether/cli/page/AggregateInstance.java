package io.bellwether.cli.page;

import io.bellwether.aggregate.AggregateApp;
import io.bellwether.aggregate.AggregateKeys;
import io.bellwether.runtime.config.ConfigSources;
import io.bellwether.runtime.config.RuntimeKeys;
import io.bellwether.runtime.config.Settings;
import io.bellwether.runtime.http.HttpEndpoint;
import io.bellwether.runtime.metrics.ServiceMetrics;
import io.bellwether.runtime.service.HealthChecks;
import io.bellwether.runtime.service.StreamsService;
import io.bellwether.schemas.Topics;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** One aggregate service as the {@code aggregate} command wires it: Streams, the query API at /api/, the page at /. */
final class AggregateInstance implements AutoCloseable {
    private final HttpEndpoint http;
    private final StreamsService streams;
    private final ServiceMetrics metrics;
    private final int port;

    private AggregateInstance(HttpEndpoint http, StreamsService streams, ServiceMetrics metrics, int port) {
        this.http = http;
        this.streams = streams;
        this.metrics = metrics;
        this.port = port;
    }

    static AggregateInstance start(String bootstrap, Path stateDir, Map<String, String> keys) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Map<String, String> flags = new HashMap<>(keys);
        flags.put(RuntimeKeys.BOOTSTRAP_SERVERS.name(), bootstrap);
        flags.put(RuntimeKeys.HTTP_PORT.name(), Integer.toString(port));
        flags.put(RuntimeKeys.STATE_DIR.name(), stateDir.toString());
        Settings settings = RuntimeKeys.definition().plus(AggregateKeys.all()).resolve(ConfigSources.of(null, flags));
        ServiceMetrics metrics = new ServiceMetrics("aggregate");
        AggregateApp app = new AggregateApp(settings, AggregateKeys.config(settings), new Topics(), metrics, port);
        HttpEndpoint http = HttpEndpoint.from(settings, new HealthChecks(), metrics);
        http.mount("/api/", app.queryApi()).mount("/", app.page());
        StreamsService streams = app.service();
        http.start((service, reason) -> { });
        streams.start((service, reason) -> { });
        return new AggregateInstance(http, streams, metrics, port);
    }

    String page() {
        return "http://127.0.0.1:" + port + "/";
    }

    @Override
    public void close() {
        streams.close();
        http.close();
        metrics.close();
    }
}
