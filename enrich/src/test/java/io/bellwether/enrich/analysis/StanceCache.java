package io.bellwether.enrich.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bellwether.avro.Article;
import io.bellwether.enrich.text.AnalyzedText;
import io.bellwether.enrich.text.Sentence;
import io.bellwether.enrich.text.Sentiment;
import io.bellwether.enrich.text.Token;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The CoreNLP output of gold articles stored as JSON lines, so stance tuning can replay the pure scoring steps
 * without loading the models: each line holds the gold item, its cheap-pass sentences and the parse + sentiment of
 * every sentence (so changing which sentences are selected needs no new parse).
 */
record StanceCache(Article article, String label, AnalyzedText text, Map<Integer, Sentiment> sentiments) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Article article(JsonNode item) {
        return Article.newBuilder().setId(item.path("id").asText()).setSource("eval")
                .setTitle(item.path("title").asText("")).setBody(item.path("text").asText(""))
                .setPublishedAt(Instant.EPOCH).setIngestedAt(Instant.EPOCH).build();
    }

    static StanceCache of(JsonNode item, ArticleAnalyzer analyzer) {
        Article article = article(item);
        ArticleAnalyzer.Prepared prepared = analyzer.prepare(article);
        Map<Integer, Sentiment> sentiments = new TreeMap<>();
        prepared.text().sentences().forEach(sentence -> sentiments.put(sentence.index(),
                prepared.sentiment().sentiment(sentence)));
        return new StanceCache(article, item.path("label").asText(), prepared.text(), sentiments);
    }

    String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", article.getId()).put("title", article.getTitle()).put("body", article.getBody())
                .put("label", label).put("text", text.text()).put("truncated", text.truncated());
        ArrayNode sentences = root.putArray("sentences");
        for (Sentence sentence : text.sentences()) {
            ObjectNode node = sentences.addObject().put("i", sentence.index()).put("b", sentence.begin())
                    .put("e", sentence.end());
            ArrayNode tokens = node.putArray("t");
            sentence.tokens().forEach(token -> tokens.addArray().add(token.word()).add(token.lemma()).add(token.pos())
                    .add(token.ner()).add(token.begin()).add(token.end()));
            Sentiment sentiment = sentiments.get(sentence.index());
            node.put("c", sentiment.sentimentClass()).put("m", sentiment.fromModel());
            ArrayNode distribution = node.putArray("d");
            sentiment.distribution().forEach(distribution::add);
        }
        return root.toString();
    }

    static StanceCache fromJson(String line) {
        try {
            JsonNode root = JSON.readTree(line);
            Article article = Article.newBuilder().setId(root.path("id").asText()).setSource("eval")
                    .setTitle(root.path("title").asText()).setBody(root.path("body").asText())
                    .setPublishedAt(Instant.EPOCH).setIngestedAt(Instant.EPOCH).build();
            List<Sentence> sentences = new ArrayList<>();
            Map<Integer, Sentiment> sentiments = new TreeMap<>();
            for (JsonNode node : root.path("sentences")) {
                List<Token> tokens = new ArrayList<>();
                node.path("t").forEach(t -> tokens.add(new Token(t.get(0).asText(), t.get(1).asText(),
                        t.get(2).asText(), t.get(3).asText(), t.get(4).asInt(), t.get(5).asInt())));
                sentences.add(new Sentence(node.path("i").asInt(), node.path("b").asInt(), node.path("e").asInt(),
                        tokens));
                List<Double> distribution = new ArrayList<>();
                node.path("d").forEach(d -> distribution.add(d.asDouble()));
                sentiments.put(node.path("i").asInt(), new Sentiment(node.path("c").asInt(), distribution,
                        node.path("m").asBoolean()));
            }
            return new StanceCache(article, root.path("label").asText(),
                    new AnalyzedText(root.path("text").asText(), root.path("truncated").asBoolean(), sentences),
                    sentiments);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<StanceCache> read(Path path) throws IOException {
        List<StanceCache> items = new ArrayList<>();
        for (String line : Files.readAllLines(path)) {
            if (!line.isBlank()) {
                items.add(fromJson(line));
            }
        }
        return items;
    }
}
