package io.bellwether.aggregate.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.bellwether.aggregate.WindowSpec;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.avro.generic.IndexedRecord;
import org.apache.kafka.streams.errors.InvalidStateStoreException;

/**
 * The score query API as a JDK {@link HttpHandler}; mount it at a path such as {@code /api}. GET
 * {@code /narratives}, {@code /narratives/{id}/scores}, {@code /narratives/{id}/articles?start=},
 * {@code /entities?narrative=}, {@code /entities/{name}/scores}, {@code /dead-letters} answer JSON; a narrative's queries go to the instance that owns it, queries over all keys ask every instance.
 */
public final class ScoreHttpHandler implements HttpHandler {
    private final ScoreQueries queries;
    private final IndexEndpoints index;
    private final Routing routing;
    private final List<WindowSpec> windows;
    private final int defaultTop;
    private final ObjectMapper json = new ObjectMapper();
    private final RecordJson avro = new RecordJson(json);

    public ScoreHttpHandler(ScoreQueries queries, IndexQueries index, Placement placement, PeerClient peers,
                            List<WindowSpec> windows, int defaultTop) {
        this.queries = queries;
        this.routing = new Routing(placement, peers, json);
        this.windows = List.copyOf(windows);
        this.index = new IndexEndpoints(index, routing, this.windows, avro, json);
        this.defaultTop = defaultTop;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        Reply reply;
        try {
            reply = answer(exchange);
        } catch (QueryRequest.BadQuery e) {
            reply = Reply.error(e.status(), e.getMessage(), json);
        } catch (InvalidStateStoreException e) {
            reply = Reply.error(503, "state store not queryable yet: " + e.getMessage(), json);
        }
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(reply.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private Reply answer(HttpExchange exchange) {
        if (!"GET".equals(exchange.getRequestMethod())) {
            return Reply.error(405, "only GET is supported", json);
        }
        URI uri = exchange.getRequestURI();
        String mount = exchange.getHttpContext().getPath().replaceAll("/+$", "");
        QueryRequest request = QueryRequest.of(uri, mount);
        List<String> path = request.segments();
        if (path.equals(List.of("narratives"))) {
            return latestNarratives(request, uri);
        } else if (path.size() == 3 && path.get(0).equals("narratives") && path.get(2).equals("scores")) {
            return narrativeScores(request, uri, path.get(1));
        } else if (path.equals(List.of("entities"))) {
            return topEntities(request, uri);
        } else if (path.size() == 3 && path.get(0).equals("entities") && path.get(2).equals("scores")) {
            return entityScores(request, uri, path.get(1));
        } else if (path.size() == 3 && path.get(0).equals("narratives") && path.get(2).equals("articles")) {
            return index.articles(request, uri, path.get(1));
        } else if (path.equals(List.of("dead-letters"))) {
            return index.deadLetters(request, uri);
        }
        return Reply.error(404, "no resource " + uri.getPath() + "; try narratives, narratives/{id}/scores, "
                + "narratives/{id}/articles?start=, entities?narrative=, entities/{name}/scores, dead-letters", json);
    }

    private Reply latestNarratives(QueryRequest request, URI uri) {
        WindowSpec spec = request.window(windows);
        return gather(request, uri, spec, "narratives", () -> records(queries.latestNarratives(spec)),
                Comparator.comparing(node -> node.path("narrative").asText()));
    }

    private Reply narrativeScores(QueryRequest request, URI uri, String narrative) {
        WindowSpec spec = request.window(windows);
        QueryRequest.TimeRange range = request.range(ScoreQueries.EARLIEST, ScoreQueries.LATEST);
        return routed(request, uri, spec, narrative, () -> {
            List<? extends IndexedRecord> scores = queries.narrativeScores(spec, narrative, range.from(),
                    range.to());
            if (scores.isEmpty()) {
                return Reply.error(404, "no " + spec.label() + " windows of narrative '" + narrative
                        + "' in the requested range", json);
            }
            return ok(body(spec).put("narrative", narrative).set("scores", records(scores)));
        });
    }

    private Reply topEntities(QueryRequest request, URI uri) {
        WindowSpec spec = request.window(windows);
        String narrative = request.required("narrative");
        int top = request.positiveInt("top", defaultTop);
        return routed(request, uri, spec, narrative, () -> queries.topEntities(spec, narrative, top)
                .map(scores -> ok(body(spec).put("narrative", narrative).set("entities", records(scores))))
                .orElseGet(() -> Reply.error(404, "unknown narrative '" + narrative + "'", json)));
    }

    private Reply entityScores(QueryRequest request, URI uri, String entity) {
        WindowSpec spec = request.window(windows);
        Optional<String> narrative = request.param("narrative");
        QueryRequest.TimeRange range = request.range(ScoreQueries.EARLIEST, ScoreQueries.LATEST);
        Supplier<ArrayNode> local = () -> records(queries.entityScores(spec, entity, narrative, range.from(),
                range.to()));
        Reply reply = narrative.isPresent()
                ? routed(request, uri, spec, narrative.get(), () -> ok(body(spec).set("scores", local.get())))
                : gather(request, uri, spec, "scores", local, Comparator.comparing(
                        (JsonNode node) -> node.path("windowStart").asText()).thenComparing(
                        node -> node.path("narrative").asText()));
        if (reply.status() == 200 && routing.readTree(reply.body()).path("scores").isEmpty()) {
            return Reply.error(404, "entity '" + entity + "' appears in no " + spec.label() + " window", json);
        }
        return reply;
    }

    private Reply routed(QueryRequest request, URI uri, WindowSpec spec, String narrative, Supplier<Reply> local) {
        return routing.routed(request, uri, spec.storeName(), narrative, local);
    }

    private Reply gather(QueryRequest request, URI uri, WindowSpec spec, String field, Supplier<ArrayNode> local,
                         Comparator<JsonNode> order) {
        Routing.Gathered gathered = routing.gather(request, uri, spec.storeName(), field, local, items -> {
            List<JsonNode> sorted = new ArrayList<>(items);
            sorted.sort(order);
            return sorted;
        });
        if (gathered instanceof Routing.Gathered.Failed failed) {
            return failed.reply();
        }
        List<JsonNode> items = ((Routing.Gathered.Items) gathered).items();
        return ok(body(spec).set(field, json.createArrayNode().addAll(items)));
    }

    private ObjectNode body(WindowSpec spec) {
        return json.createObjectNode().put("window", spec.label());
    }

    private Reply ok(JsonNode body) {
        return new Reply(200, body.toString());
    }

    private ArrayNode records(List<? extends IndexedRecord> records) {
        return avro.array(records);
    }
}
