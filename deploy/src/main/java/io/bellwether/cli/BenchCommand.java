package io.bellwether.cli;

import io.bellwether.avro.Article;
import io.bellwether.bench.AggregateBench;
import io.bellwether.bench.BenchCorpus;
import io.bellwether.bench.EnrichBench;
import io.bellwether.bench.ProcessBench;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code bellwether bench}: throughput and quality figures of enrich and aggregate on this machine, printed. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks on this machine (figures printed; see docs/benchmarks.md).",
        subcommands = {BenchCommand.Enrich.class, BenchCommand.Aggregate.class, BenchLoadCommand.class})
final class BenchCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code bench enrich}: stock CoreNLP against the analyzer, the pool and the stream; quality against a full pass. */
    @Command(name = "enrich", mixinStandardHelpOptions = true,
            description = {"Enrich throughput on corpus/sample plus corpus/eval/dev.jsonl: (a) the stock CoreNLP"
                    + " sentiment pipeline on a subset, (b) the analyzer in 1 and N threads, (c) the enrich stream on"
                    + " an embedded broker; quality against a full PCFG pass; the speed ideas; (d) the stock command line"
                    + " against analyze, each a process of its own, load time removed. Needs -Xmx5g."})
    static final class Enrich implements Callable<Integer> {
        @Option(names = "--corpus", defaultValue = "corpus", description = "corpus directory (default ${DEFAULT-VALUE})")
        Path corpus;
        @Option(names = "--articles", paramLabel = "N", description = "use the first N articles (default all)")
        Integer articles;
        @Option(names = "--stock-articles", paramLabel = "N", defaultValue = "5",
                description = "subset for the slow stock pipeline (default ${DEFAULT-VALUE})")
        int stockArticles;
        @Option(names = "--idea-articles", paramLabel = "N", defaultValue = "30",
                description = "subset for the per-idea runs (default ${DEFAULT-VALUE})")
        int ideaArticles;
        @Option(names = "--full-pass-articles", paramLabel = "N",
                description = "subset for the slow full pass and the quality figures (default: all used)")
        Integer fullPassArticles;
        @Option(names = "--threads", paramLabel = "N", description = "pool and stream threads (default: cores)")
        Integer threads;
        @Option(names = "--stream-warm-up", paramLabel = "N", defaultValue = "100",
                description = {"untimed copies of the first N articles the stream enriches before (c) is timed"
                        + " (default ${DEFAULT-VALUE}): a service runs for days, so (c) is its rate once the JIT has"
                        + " compiled the Kafka client and Streams code; 3 gives the cold figure of runs 1-13"})
        int streamWarmUp;
        @Option(names = "--parse-maxlen", paramLabel = "N", defaultValue = "60",
                description = "enrich.parse.maxlen of the analyzer in (b), (c) and the quality figures"
                        + " (default ${DEFAULT-VALUE}, the service's)")
        int parseMaxTokens;
        @Option(names = "--skip-stream", description = "skip (c), the stream on the embedded broker")
        boolean skipStream;
        @Option(names = "--skip-full-pass", description = "skip the full PCFG pass and the quality figures")
        boolean skipFullPass;
        @Option(names = "--skip-ideas", description = "skip the per-idea measurements")
        boolean skipIdeas;
        @Option(names = "--tuning-ideas", description = "also measure the sentence cache and stream settings")
        boolean tuningIdeas;
        @Option(names = "--skip-processes", description = "skip (d), the stock command line against analyze as"
                + " processes of their own")
        boolean skipProcesses;
        @Option(names = "--processes-only", description = "run (d) alone")
        boolean processesOnly;
        @Option(names = "--process-input", paramLabel = "FILE",
                description = {"texts for (d) in the eval line format ({id,title,text}; a text repeated on several"
                        + " lines counts once), e.g. a real-news file; default the benchmark corpus"})
        Path processInput;
        @Option(names = "--process-stock-articles", paramLabel = "N", defaultValue = "10",
                description = "texts the stock command line gets in (d) (default ${DEFAULT-VALUE}); analyze gets"
                        + " these and then all")
        int processStockArticles;
        @Option(names = "--set", paramLabel = "KEY=VALUE",
                description = "a config key for the stream (c), e.g. --set enrich.story.enabled=false")
        Map<String, String> set = new LinkedHashMap<>();
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException, InterruptedException {
            PrintWriter out = spec.commandLine().getOut();
            List<Article> sample = new ArticleFiles().read(List.of(corpus.resolve("sample")),
                    spec.commandLine().getErr());
            List<Article> dev = new BenchCorpus().readDevSet(corpus.resolve("eval").resolve("dev.jsonl"));
            List<Article> all = BenchCorpus.interleave(sample, dev);
            List<Article> used = all.subList(0, articles == null ? all.size() : Math.min(articles, all.size()));
            int poolThreads = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
            if (!processesOnly) {
                new EnrichBench(new EnrichBench.Plan(List.copyOf(used), stockArticles, ideaArticles,
                        fullPassArticles == null ? used.size() : fullPassArticles, poolThreads, streamWarmUp,
                        parseMaxTokens, skipStream, skipFullPass, skipIdeas, tuningIdeas, set), out).run();
            }
            if (!skipProcesses || processesOnly) {
                List<Article> texts = processInput == null ? used : new BenchCorpus().readDevSet(processInput);
                new ProcessBench(new ProcessBench.Plan(texts, processStockArticles, Bellwether.class.getName(),
                        List.of("analyze"), poolThreads), out).run();
            }
            return 0;
        }
    }

    /** {@code bench aggregate}: the aggregation topology's records/s, test driver and broker, and the broker's ceiling. */
    @Command(name = "aggregate", mixinStandardHelpOptions = true,
            description = "Aggregate throughput on synthetic enriched articles: TopologyTestDriver, the embedded broker,"
                    + " and a plain producer loop as the broker's ceiling.")
    static final class Aggregate implements Callable<Integer> {
        @Option(names = "--records", paramLabel = "N", defaultValue = "100000",
                description = "synthetic enriched articles (default ${DEFAULT-VALUE})")
        int records;
        @Option(names = "--threads", paramLabel = "N", description = "stream threads (default: cores)")
        Integer threads;
        @Option(names = "--spacing", paramLabel = "DURATION", defaultValue = "PT10S",
                description = "event time between two synthetic articles, ISO-8601 (default ${DEFAULT-VALUE};"
                        + " PT0.12S is a GDELT-sized feed of 730 000 a day)")
        Duration spacing;
        @Option(names = "--set", paramLabel = "KEY=VALUE",
                description = "a config key for the broker run, e.g. --set kafka.commit.interval.ms=1000")
        Map<String, String> set = new LinkedHashMap<>();
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws InterruptedException {
            int streamThreads = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
            new AggregateBench(records, streamThreads, spacing, set, spec.commandLine().getOut()).run();
            return 0;
        }
    }
}
