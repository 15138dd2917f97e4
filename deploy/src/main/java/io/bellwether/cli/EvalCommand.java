package io.bellwether.cli;

import io.bellwether.enrich.EnrichApp;
import io.bellwether.enrich.EnrichConfig;
import io.bellwether.enrich.EnrichKeys;
import io.bellwether.enrich.offline.Evaluation;
import io.bellwether.runtime.config.RuntimeKeys;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** Scores the analyzer's stance labels against a gold file: accuracy, macro-F1, confusion matrix per narrative. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Evaluate the stance on GOLD.jsonl: lines {\"id\",\"title\",\"text\",\"label\"} with label"
                + " pro_open, pro_closed, neutral or irrelevant, and optionally \"narrative\" (default"
                + " open-vs-closed-ai) and \"entities\" (gold names, for entity recall).",
            "Prints a line per article, then accuracy, macro-F1 and the confusion matrix of every narrative the file"
                + " labels, and entity recall. Labelled sets: corpus/eval/ (fiction) and corpus/eval/real-index.jsonl"
                + " (real news; texts rebuilt as enrich/README.md says)."})
final class EvalCommand implements Callable<Integer> {
    @Parameters(paramLabel = "GOLD.jsonl", description = "labelled articles")
    Path gold;

    @Mixin
    ConfigOptions config;

    @Override
    public Integer call() throws IOException {
        EnrichConfig enrichConfig = EnrichKeys.config(config.resolve(RuntimeKeys.definition().plus(EnrichKeys.all())));
        try (BufferedReader reader = Files.newBufferedReader(gold, StandardCharsets.UTF_8)) {
            new Evaluation(EnrichApp.analyzer(enrichConfig), enrichConfig.narratives().aliasTable(),
                    enrichConfig.threads()).run(reader, new PrintStream(System.out, true,
                    StandardCharsets.UTF_8));
        }
        return 0;
    }
}
