package io.bellwether.cli;

import io.bellwether.avro.Article;
import io.bellwether.bench.BenchCorpus;
import io.bellwether.bench.LoadArticles;
import io.bellwether.bench.LoadBench;
import io.bellwether.bench.LoadRun;
import io.bellwether.runtime.config.ConfigException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code bench load}: sustained ingest at the rate enrich holds, with lag, heap and latency lines and a summary. */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = {"Sustained ingest through the real ingest publisher into a running enrich stream, at --rate"
                + " articles/s (default: 80% of what enrich holds during --calibrate). Prints a line every --every"
                + " (elapsed, ingested, enriched, enrich group lag, enrich heap, p99 ingest-to-enriched latency) and"
                + " a summary; exit 1 if an article went missing or was enriched twice.",
            "With --enrich-metrics URL it drives the enrich service on --bootstrap-servers and reads its heap from"
                + " that /metrics URL; without it, it starts an embedded broker and the enrich stream in this JVM."})
final class BenchLoadCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions config;
    @Option(names = "--duration", paramLabel = "TIME", defaultValue = "10m",
            description = "length of the sustained phase: 600, 600s, 10m or PT10M (default ${DEFAULT-VALUE})")
    String duration;
    @Option(names = "--rate", paramLabel = "N", defaultValue = "0",
            description = "articles per second; 0 = measure first (default ${DEFAULT-VALUE})")
    double rate;
    @Option(names = "--calibrate", paramLabel = "TIME", defaultValue = "90s",
            description = "how long to measure what enrich holds when --rate is 0 (default ${DEFAULT-VALUE})")
    String calibrate;
    @Option(names = "--every", paramLabel = "TIME", defaultValue = "30s",
            description = "interval of the progress lines (default ${DEFAULT-VALUE})")
    String every;
    @Option(names = "--drain-timeout", paramLabel = "TIME", defaultValue = "5m",
            description = "how long to wait for enrich to catch up after ingest stops (default ${DEFAULT-VALUE})")
    String drainTimeout;
    @Option(names = "--enrich-metrics", paramLabel = "URL",
            description = "the running enrich service's /metrics, e.g. http://127.0.0.1:8080/metrics")
    URI enrichMetrics;
    @Option(names = "--threads", paramLabel = "N", description = "stream threads of the in-process enrich (default: cores)")
    Integer threads;
    @Option(names = "--corpus", defaultValue = "corpus", description = "corpus directory (default ${DEFAULT-VALUE})")
    Path corpus;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        LoadRun.Plan plan = new LoadRun.Plan(rate, time("--duration", duration), time("--every", every),
                time("--calibrate", calibrate), time("--drain-timeout", drainTimeout));
        LoadBench bench = new LoadBench(plan, new LoadArticles(corpusTexts(), runId()), out);
        LoadRun.Result result = enrichMetrics == null
                ? bench.inProcess(threads == null ? Runtime.getRuntime().availableProcessors() : threads)
                : bench.against(config.resolve(LoadBench.definition()), enrichMetrics);
        return result.clean() ? 0 : 1;
    }

    /** The sample corpus and the labelled sets, one article per distinct body. */
    private List<Article> corpusTexts() throws IOException {
        List<Article> all = new ArrayList<>(new ArticleFiles().read(List.of(corpus.resolve("sample")),
                new PrintWriter(Writer.nullWriter())));
        try (var files = Files.list(corpus.resolve("eval"))) {
            for (Path file : files.filter(path -> path.toString().endsWith(".jsonl")).sorted().toList()) {
                all.addAll(new BenchCorpus().readDevSet(file));
            }
        }
        Map<String, Article> byBody = new LinkedHashMap<>();
        all.forEach(article -> byBody.putIfAbsent(article.getBody(), article));
        return List.copyOf(byBody.values());
    }

    private static String runId() {
        return Long.toString(System.currentTimeMillis(), 36);
    }

    /** {@code 600}, {@code 600s}, {@code 10m}, {@code 1h} or ISO-8601 ({@code PT10M}). */
    static Duration time(String option, String value) {
        String text = value.trim().toLowerCase(Locale.ROOT);
        try {
            if (text.startsWith("pt")) {
                return Duration.parse(text);
            }
            char unit = text.charAt(text.length() - 1);
            long amount = Long.parseLong(Character.isDigit(unit) ? text : text.substring(0, text.length() - 1));
            return switch (unit) {
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                case 's' -> Duration.ofSeconds(amount);
                default -> Character.isDigit(unit) ? Duration.ofSeconds(amount) : invalid(option, value);
            };
        } catch (RuntimeException e) {
            return invalid(option, value);
        }
    }

    private static Duration invalid(String option, String value) {
        throw new ConfigException("invalid value '" + value + "' for " + option
                + ": must be seconds (600, 600s), minutes (10m), hours (1h) or ISO-8601 (PT10M)");
    }
}
