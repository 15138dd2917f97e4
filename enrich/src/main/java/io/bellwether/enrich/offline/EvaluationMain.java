package io.bellwether.enrich.offline;

import io.bellwether.enrich.analysis.AnalyzerSettings;
import io.bellwether.enrich.analysis.ArticleAnalyzer;
import io.bellwether.enrich.corenlp.CoreNlpPipeline;
import io.bellwether.enrich.narrative.NarrativeFile;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Wiring only: {@code EvaluationMain GOLD.jsonl [NARRATIVES.yaml]} evaluates the CoreNLP analyzer on a gold file. */
public final class EvaluationMain {
    private EvaluationMain() {
    }

    public static void main(String[] args) throws IOException {
        NarrativeFile file = NarrativeFile.load(args.length > 1 ? Optional.of(Path.of(args[1])) : Optional.empty());
        ArticleAnalyzer analyzer = CoreNlpPipeline.analyzer(file, AnalyzerSettings.defaults());
        try (BufferedReader gold = Files.newBufferedReader(Path.of(args[0]))) {
            new Evaluation(analyzer).run(gold, System.out);
        }
    }
}
