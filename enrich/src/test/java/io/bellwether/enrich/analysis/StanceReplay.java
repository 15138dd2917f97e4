package io.bellwether.enrich.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bellwether.enrich.narrative.CueIndex;
import io.bellwether.enrich.narrative.Gazetteer;
import io.bellwether.enrich.narrative.NarrativeFile;
import io.bellwether.enrich.text.PhraseAnalyzer;
import io.bellwether.enrich.text.Token;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A narrative file with its cue index and gazetteer built from cached phrase lemmas: no CoreNLP needed. */
record StanceReplay(NarrativeFile file, CueIndex cues, Gazetteer gazetteer) {

    /** @param narratives a narrative file path, or "-" for the shipped one */
    static StanceReplay of(String phrasesJson, String narratives) throws IOException {
        JsonNode phrases = new ObjectMapper().readTree(Files.readString(Path.of(phrasesJson)));
        PhraseAnalyzer analyzer = phrase -> {
            JsonNode tokens = phrases.get(phrase);
            if (tokens == null) {
                throw new IllegalStateException("phrase not cached, rerun StanceCacheMain: " + phrase);
            }
            List<Token> out = new ArrayList<>();
            tokens.forEach(t -> out.add(new Token(t.get(0).asText(), t.get(1).asText(), t.get(2).asText(),
                    t.get(3).asText(), t.get(4).asInt(), t.get(5).asInt())));
            return out;
        };
        NarrativeFile file = NarrativeFile.load("-".equals(narratives) ? Optional.empty() : Optional.of(Path.of(narratives)));
        return new StanceReplay(file, new CueIndex(file, analyzer), new Gazetteer(file, analyzer));
    }

    ArticleEnricher enricher(AnalyzerSettings settings) {
        return new ArticleEnricher(file, cues, gazetteer, settings, () -> 0L);
    }
}
