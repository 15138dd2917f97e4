package io.bellwether.enrich.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bellwether.enrich.corenlp.CoreNlpPipeline;
import io.bellwether.enrich.narrative.CuePhrase;
import io.bellwether.enrich.narrative.GazetteerEntry;
import io.bellwether.enrich.narrative.Narrative;
import io.bellwether.enrich.narrative.NarrativeFile;
import io.bellwether.enrich.text.Token;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Tuning tool, wiring only: {@code StanceCacheMain PHRASES.json NARRATIVES.yaml|- [GOLD.jsonl CACHE.jsonl]...}
 * writes the lemmatised phrases of the narrative file, and for each gold file not yet cached, its CoreNLP cache.
 */
public final class StanceCacheMain {
    private StanceCacheMain() {
    }

    public static void main(String[] args) throws IOException {
        ObjectMapper json = new ObjectMapper();
        NarrativeFile file = NarrativeFile.load("-".equals(args[1]) ? Optional.empty() : Optional.of(Path.of(args[1])));
        ArticleAnalyzer analyzer = CoreNlpPipeline.analyzer(file, AnalyzerSettings.defaults());
        TreeSet<String> phrases = new TreeSet<>();
        for (Narrative narrative : file.narratives()) {
            narrative.cues().stream().map(CuePhrase::phrase).forEach(phrases::add);
        }
        for (GazetteerEntry entry : file.gazetteer()) {
            phrases.add(entry.name());
            phrases.addAll(entry.aliases());
        }
        ObjectNode out = json.createObjectNode();
        for (String phrase : phrases) {
            ArrayNode tokens = out.putArray(phrase);
            for (Token token : analyzer.phraseTokens(phrase)) {
                tokens.addArray().add(token.word()).add(token.lemma()).add(token.pos()).add(token.ner())
                        .add(token.begin()).add(token.end());
            }
        }
        Files.writeString(Path.of(args[0]), out.toString());
        for (int at = 2; at + 1 < args.length; at += 2) {
            Path cache = Path.of(args[at + 1]);
            if (Files.exists(cache)) {
                continue;
            }
            try (PrintWriter writer = new PrintWriter(Files.newBufferedWriter(cache))) {
                for (String line : Files.readAllLines(Path.of(args[at]))) {
                    if (!line.isBlank()) {
                        JsonNode item = json.readTree(line);
                        writer.println(StanceCache.of(item, analyzer).toJson());
                        System.out.println("cached " + item.path("id").asText());
                    }
                }
            }
        }
    }
}
