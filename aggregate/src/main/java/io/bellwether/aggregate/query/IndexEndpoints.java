package io.bellwether.aggregate.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bellwether.aggregate.WindowSpec;
import io.bellwether.aggregate.stream.ArticleIndex;
import io.bellwether.aggregate.stream.DeadLetterCounts;
import io.bellwether.avro.EnrichedArticle;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET narratives/{id}/articles?start=&window=&limit=} (the articles behind one window, routed to the
 * narrative's owner) and {@code GET dead-letters} (counts by stage and reason, merged over every instance).
 */
final class IndexEndpoints {
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private final IndexQueries queries;
    private final Routing routing;
    private final List<WindowSpec> windows;
    private final RecordJson records;
    private final ObjectMapper json;

    IndexEndpoints(IndexQueries queries, Routing routing, List<WindowSpec> windows, RecordJson records,
                   ObjectMapper json) {
        this.queries = queries;
        this.routing = routing;
        this.windows = windows;
        this.records = records;
        this.json = json;
    }

    Reply articles(QueryRequest request, URI uri, String narrative) {
        WindowSpec spec = request.window(windows);
        Instant start = request.requiredInstant("start", ScoreQueries.EARLIEST,
                ScoreQueries.LATEST.minus(spec.size()));
        int limit = Math.min(MAX_LIMIT, request.positiveInt("limit", DEFAULT_LIMIT));
        Instant end = start.plus(spec.size());
        return routing.routed(request, uri, ArticleIndex.STORE, narrative, () -> {
            List<EnrichedArticle> articles = queries.articles(narrative, start, end);
            ObjectNode body = json.createObjectNode().put("window", spec.label()).put("narrative", narrative)
                    .put("windowStart", start.toString()).put("windowEnd", end.toString())
                    .put("total", articles.size());
            body.set("articles", records.array(articles.subList(0, Math.min(limit, articles.size()))));
            return new Reply(200, body.toString());
        });
    }

    Reply deadLetters(QueryRequest request, URI uri) {
        Routing.Gathered gathered = routing.gather(request, uri, DeadLetterCounts.COUNTS, "deadLetters",
                this::localDeadLetters, IndexEndpoints::mergeDeadLetters);
        if (gathered instanceof Routing.Gathered.Failed failed) {
            return failed.reply();
        }
        List<JsonNode> items = ((Routing.Gathered.Items) gathered).items();
        ObjectNode body = json.createObjectNode()
                .put("total", items.stream().mapToLong(item -> item.path("count").asLong()).sum());
        body.set("deadLetters", json.createArrayNode().addAll(items));
        return new Reply(200, body.toString());
    }

    private ArrayNode localDeadLetters() {
        ArrayNode array = json.createArrayNode();
        for (IndexQueries.DeadLetterCount count : queries.deadLetters()) {
            ObjectNode item = array.addObject().put("stage", count.stage()).put("reason", count.reason())
                    .put("count", count.count());
            item.set("latest", count.latest() == null ? null : records.tree(count.latest()));
        }
        return array;
    }

    /** Sums the counts of one stage and reason from several instances; keeps the newest letter; most first. */
    private static List<JsonNode> mergeDeadLetters(List<JsonNode> items) {
        Map<String, ObjectNode> byKind = new LinkedHashMap<>();
        for (JsonNode item : items) {
            String kind = DeadLetterCounts.key(item.path("stage").asText(), item.path("reason").asText());
            ObjectNode seen = byKind.get(kind);
            if (seen == null) {
                byKind.put(kind, item.deepCopy());
                continue;
            }
            seen.put("count", seen.path("count").asLong() + item.path("count").asLong());
            String newer = item.path("latest").path("failedAt").asText("");
            if (newer.compareTo(seen.path("latest").path("failedAt").asText("")) > 0) {
                seen.set("latest", item.path("latest"));
            }
        }
        List<JsonNode> merged = new ArrayList<>(byKind.values());
        merged.sort(Comparator.comparingLong((JsonNode item) -> -item.path("count").asLong())
                .thenComparing(item -> item.path("stage").asText()).thenComparing(item -> item.path("reason").asText()));
        return merged;
    }
}
