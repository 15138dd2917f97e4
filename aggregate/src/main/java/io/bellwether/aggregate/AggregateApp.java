package io.bellwether.aggregate;

import com.sun.net.httpserver.HttpHandler;
import io.bellwether.aggregate.query.ScoreApi;
import io.bellwether.aggregate.web.PageHandler;
import io.bellwether.runtime.config.ConfigException;
import io.bellwether.runtime.config.RuntimeKeys;
import io.bellwether.runtime.config.Settings;
import io.bellwether.runtime.kafka.KafkaSettings;
import io.bellwether.runtime.metrics.ServiceMetrics;
import io.bellwether.runtime.service.StreamsService;
import io.bellwether.schemas.Topics;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Wires the aggregation service: settings in, a Kafka Streams service running {@link AggregateTopology} and the
 * query API handler (mounted by the caller at {@code /api/}) and the narrative page (at {@code /}) out. Wiring only.
 */
public final class AggregateApp {
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final AggregateConfig config;
    private final KafkaStreams streams;
    private final HostInfo self;

    /** @param advertisedHttpPort the port peers reach this instance's query API on (for routing by metadata) */
    public AggregateApp(Settings settings, AggregateConfig config, Topics topics, ServiceMetrics metrics,
                        int advertisedHttpPort) {
        this.config = config;
        AggregateMetrics meters = new AggregateMetrics(config);
        meters.bindTo(metrics.registry());
        this.self = new HostInfo(advertisedHost(settings), advertisedHttpPort);
        Properties props = new KafkaSettings(settings).streams(config.applicationId());
        props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, self.host() + ":" + self.port());
        this.streams = new KafkaStreams(new AggregateTopology(topics, config, meters).build(), props);
        metrics.bindStreams(streams);
    }

    private static String advertisedHost(Settings settings) {
        String bound = settings.get(RuntimeKeys.HTTP_HOST);
        return settings.find(AggregateKeys.ADVERTISED_HOST).orElseGet(() -> {
            if (!"0.0.0.0".equals(bound)) {
                return bound;
            }
            try {
                return java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.net.UnknownHostException e) {
                throw new ConfigException("http.host is 0.0.0.0 and this machine's host name cannot be resolved:"
                        + " set aggregate.advertised-host");
            }
        });
    }

    public AggregateConfig config() {
        return config;
    }

    public StreamsService service() {
        return new StreamsService("aggregate", streams, CLOSE_TIMEOUT);
    }

    /** The query API, routing by Streams metadata and forwarding to the instance that owns a narrative. */
    public HttpHandler queryApi() {
        return ScoreApi.forStreams(streams, config, Optional.of(self));
    }

    /** The narrative page and its assets, mounted by the caller at {@code /}; it reads {@link #queryApi()}. */
    public HttpHandler page() {
        return new PageHandler();
    }

    public KafkaStreams streams() {
        return streams;
    }
}
