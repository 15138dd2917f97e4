package io.bellwether.aggregate.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Where a query is answered: a narrative's queries here or by the instance that owns it (forwarded with
 * {@code local=true}, the answer returned unchanged), queries over every key by each instance of the store, their
 * lists merged. A forwarded query is always answered locally, so a request is forwarded at most once.
 */
final class Routing {
    static final String LOCAL = "local";

    private final Placement placement;
    private final PeerClient peers;
    private final ObjectMapper json;

    Routing(Placement placement, PeerClient peers, ObjectMapper json) {
        this.placement = placement;
        this.peers = peers;
        this.json = json;
    }

    /** A query about one narrative of {@code store}: answered here, or by its owner. */
    Reply routed(QueryRequest request, URI uri, String store, String narrative, Supplier<Reply> local) {
        Route route = request.param(LOCAL).isPresent() ? new Route.Local() : placement.forNarrative(store, narrative);
        if (route instanceof Route.Remote peer) {
            return peers.get(forwarded(peer, uri));
        } else if (route instanceof Route.Unavailable none) {
            return Reply.error(503, none.reason(), json);
        }
        return local.get();
    }

    /** The outcome of asking every instance: the merged items of {@code field}, or the first failed reply. */
    sealed interface Gathered {
        record Items(List<JsonNode> items) implements Gathered {
        }

        record Failed(Reply reply) implements Gathered {
        }
    }

    /** A query over every key of {@code store}: each instance answers for its own, {@code merge} combines them. */
    Gathered gather(QueryRequest request, URI uri, String store, String field, Supplier<ArrayNode> local,
                    UnaryOperator<List<JsonNode>> merge) {
        List<Route> routes = request.param(LOCAL).isPresent() ? List.of(new Route.Local())
                : placement.everyInstance(store);
        List<JsonNode> merged = new ArrayList<>();
        for (Route route : routes) {
            if (route instanceof Route.Unavailable none) {
                return new Gathered.Failed(Reply.error(503, none.reason(), json));
            } else if (route instanceof Route.Remote peer) {
                Reply reply = peers.get(forwarded(peer, uri));
                if (reply.status() != 200) {
                    return new Gathered.Failed(reply);
                }
                readTree(reply.body()).path(field).forEach(merged::add);
            } else {
                local.get().forEach(merged::add);
            }
        }
        return new Gathered.Items(merge.apply(merged));
    }

    JsonNode readTree(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new QueryRequest.BadQuery(502, "unreadable answer from a peer: " + e.getOriginalMessage());
        }
    }

    private static URI forwarded(Route.Remote peer, URI uri) {
        String query = uri.getRawQuery() == null ? LOCAL + "=true" : uri.getRawQuery() + "&" + LOCAL + "=true";
        return URI.create(peer.baseUrl() + uri.getRawPath() + "?" + query);
    }
}
