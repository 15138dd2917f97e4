package io.bellwether.cli;

import io.bellwether.enrich.EnrichApp;
import io.bellwether.enrich.EnrichConfig;
import io.bellwether.enrich.EnrichKeys;
import io.bellwether.enrich.offline.OfflineAnalysis;
import io.bellwether.runtime.config.RuntimeKeys;
import io.bellwether.runtime.config.Settings;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Enriches article files offline, without Kafka: one EnrichedArticle JSON object per line on stdout. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = {"Analyse article files (the ingest formats: .txt .json .jsonl .html, directories"
                + " recursively) without Kafka; prints one EnrichedArticle as JSON per line, in input order, analysing"
                + " on streams.threads threads (default: all cores) with bounded memory; progress on stderr.",
            "Exit code 0 when every article was analysed, 1 when some input was skipped or failed."})
final class AnalyzeCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", arity = "1..*", description = "article files or directories")
    List<Path> files;

    @Mixin
    ConfigOptions config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Settings settings = config.resolve(RuntimeKeys.definition().plus(EnrichKeys.all()));
        EnrichConfig enrichConfig = EnrichKeys.config(settings);
        err.println("analyze: loading CoreNLP models...");
        err.flush();
        ArticleStream articles = new ArticleStream(files, err, new ArticleFiles());
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        int failures = new OfflineAnalysis(EnrichApp.analyzer(enrichConfig), enrichConfig.threads(),
                new PrintStream(System.err, true, StandardCharsets.UTF_8), EnrichKeys.stories(settings))
                .run(articles, out);
        out.flush();
        err.println("analyze: done, " + failures + " failed, " + articles.skipped() + " input(s) skipped");
        err.flush();
        return failures == 0 && articles.skipped() == 0 ? 0 : 1;
    }
}
