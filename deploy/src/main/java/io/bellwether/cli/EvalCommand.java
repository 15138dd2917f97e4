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

/** Scores the analyzer's open-vs-closed-ai labels against a gold file: accuracy, macro-F1, confusion matrix. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Evaluate the open-vs-closed-ai stance on GOLD.jsonl: lines {\"id\",\"title\",\"text\",\"label\"}"
                + " with label pro_open, pro_closed, neutral or irrelevant.",
            "Prints accuracy, macro-F1 and the confusion matrix. The development set is corpus/eval/."})
final class EvalCommand implements Callable<Integer> {
    @Parameters(paramLabel = "GOLD.jsonl", description = "labelled articles")
    Path gold;

    @Mixin
    ConfigOptions config;

    @Override
    public Integer call() throws IOException {
        EnrichConfig enrichConfig = EnrichKeys.config(config.resolve(RuntimeKeys.definition().plus(EnrichKeys.all())));
        try (BufferedReader reader = Files.newBufferedReader(gold, StandardCharsets.UTF_8)) {
            new Evaluation(EnrichApp.analyzer(enrichConfig)).run(reader, new PrintStream(System.out, true,
                    StandardCharsets.UTF_8));
        }
        return 0;
    }
}
