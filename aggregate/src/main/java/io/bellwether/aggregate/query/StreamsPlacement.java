package io.bellwether.aggregate.query;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Placement from Kafka Streams metadata: the active host of a narrative's partition
 * ({@code queryMetadataForKey}) and the hosts of a store ({@code streamsMetadataForStore}), compared with this
 * instance's {@code application.server}.
 */
public final class StreamsPlacement implements Placement {
    private final KafkaStreams streams;
    private final HostInfo self;

    public StreamsPlacement(KafkaStreams streams, HostInfo self) {
        this.streams = streams;
        this.self = self;
    }

    @Override
    public Route forNarrative(String store, String narrative) {
        // The store's input is the repartition topic keyed by narrative with the String serializer.
        KeyQueryMetadata metadata = streams.queryMetadataForKey(store, narrative,
                Serdes.String().serializer());
        if (metadata == null || KeyQueryMetadata.NOT_AVAILABLE.equals(metadata)) {
            return new Route.Unavailable("no instance hosts " + store + " yet (rebalancing?)");
        }
        return routeTo(metadata.activeHost());
    }

    @Override
    public List<Route> everyInstance(String store) {
        List<Route> routes = new ArrayList<>();
        for (StreamsMetadata metadata : streams.streamsMetadataForStore(store)) {
            routes.add(routeTo(metadata.hostInfo()));
        }
        if (routes.isEmpty()) {
            routes.add(new Route.Unavailable("no instance hosts " + store + " yet (rebalancing?)"));
        }
        return routes;
    }

    private Route routeTo(HostInfo host) {
        if (host.equals(self)) {
            return new Route.Local();
        }
        return new Route.Remote("http://" + host.host() + ":" + host.port());
    }
}
