package io.bellwether.bench;

import io.bellwether.avro.Article;
import io.bellwether.runtime.service.ScratchDir;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Phase (d), whole processes: the stock CoreNLP command line and {@code bellwether analyze} on the same text files,
 * each a process of its own, as a user runs them over an archive. Each tool runs once on one article and once on N;
 * the one-article run's time (JVM start, model load, the first article) is taken off the N-article run's, so what is
 * left is the cost of the other N - 1 articles. A JIT-compiled analyzer is much faster than a cold one, so analyze
 * also runs over all texts twice in one process: the difference to one pass is the rate of a long run once warm.
 * Both children get this JVM's binary, options and class path.
 */
public final class ProcessBench {
    /** The stock command line's main class (CoreNLP's own), named here so the bench needs no CoreNLP type. */
    static final String STOCK_MAIN = "edu.stanford.nlp.pipeline.StanfordCoreNLP";
    private static final long TIMEOUT_MINUTES = 120;

    /**
     * What to run: the articles (each written as one text file, title line then body), how many of them the slow
     * stock command line gets, the analyze process's main class and its first arguments, and its threads.
     */
    public record Plan(List<Article> articles, int stockArticles, String analyzeMain, List<String> analyzeArgs,
                       int threads) {
    }

    /** One process run: the articles and words it was given and its wall-clock time, start to exit. */
    record Run(int articles, long words, long nanos) {
        /** The seconds an article this run adds over {@code one}, the same tool on one article. */
        double secondsPerArticle(Run one) {
            return (nanos - one.nanos) / 1e9 / (articles - one.articles);
        }

        double secondsPerThousandWords(Run one) {
            return (nanos - one.nanos) / 1e9 / (words - one.words) * 1000;
        }
    }

    private final Plan plan;
    private final ChildJvm jvm;
    private final String stockMain;
    private final PrintWriter out;

    public ProcessBench(Plan plan, PrintWriter out) {
        this(plan, ChildJvm.likeThisOne(), STOCK_MAIN, out);
    }

    ProcessBench(Plan plan, ChildJvm jvm, String stockMain, PrintWriter out) {
        if (plan.articles().size() < 2 || plan.stockArticles() < 2) {
            throw new IllegalArgumentException("the whole-process phase needs at least 2 articles for each tool, "
                    + "got " + plan.articles().size() + " articles and a stock subset of " + plan.stockArticles());
        }
        this.plan = plan;
        this.jvm = jvm;
        this.stockMain = stockMain;
        this.out = out;
    }

    public void run() throws InterruptedException {
        List<String> texts = distinctTexts(plan.articles());
        int stockCount = Math.min(plan.stockArticles(), texts.size());
        line("(d) whole processes, %d distinct texts (%d words); child JVM options: %s", texts.size(),
                words(texts), jvm.describe());
        try (ScratchDir scratch = new ScratchDir("bellwether-process-bench")) {
            Path root = scratch.path();
            List<Path> files = write(root.resolve("texts"), texts);
            Run stockOne = stock(root, "stock-1", files.subList(0, 1), texts);
            Run stockMany = stock(root, "stock-" + stockCount, files.subList(0, stockCount), texts);
            Run analyzeOne = analyze(root, "analyze-1", files.subList(0, 1), texts, 1);
            Run analyzeSame = analyze(root, "analyze-" + stockCount, files.subList(0, stockCount), texts, 1);
            Run analyzeAll = analyze(root, "analyze-" + files.size(), files, texts, 1);
            Run analyzeTwice = analyze(root, "analyze-" + files.size() + "-twice", files, texts, 2);
            double stockPerArticle = stockMany.secondsPerArticle(stockOne);
            double stockPerWords = stockMany.secondsPerThousandWords(stockOne);
            double coldPerArticle = analyzeSame.secondsPerArticle(analyzeOne);
            double warmPerArticle = analyzeTwice.secondsPerArticle(analyzeAll);
            double warmPerWords = analyzeTwice.secondsPerThousandWords(analyzeAll);
            line("    stock command line (%s, 1 thread), the first %d texts: %s an article, %s per 1000 words",
                    StockPipeline.STOCK_ANNOTATORS, stockCount, seconds(stockPerArticle), seconds(stockPerWords));
            double coldPerWords = analyzeAll.secondsPerThousandWords(analyzeOne);
            line("    analyze (%d threads, sentence cache off), the same %d texts: %s an article; all %d: %s an "
                    + "article; a second pass over all %d in the same run: %s an article, %s per 1000 words",
                    plan.threads(), stockCount, seconds(coldPerArticle), files.size(),
                    seconds(analyzeAll.secondsPerArticle(analyzeOne)), files.size(), seconds(warmPerArticle),
                    seconds(warmPerWords));
            line("    d/stock = %s (per article, the same %d texts, analyze from cold), %s (per word, analyze on all "
                    + "%d from cold), %s (per word, analyze's second pass)", ratio(stockPerArticle, coldPerArticle),
                    stockCount, ratio(stockPerWords, coldPerWords), files.size(), ratio(stockPerWords, warmPerWords));
        }
    }

    private Run stock(Path root, String name, List<Path> files, List<String> texts) throws InterruptedException {
        Path dir = mkdirs(root.resolve(name));
        Path list = dir.resolve("filelist.txt");
        Path output = mkdirs(dir.resolve("out"));
        writeLines(list, files.stream().map(Path::toString).toList());
        List<String> command = jvm.command(stockMain, List.of("-annotators", StockPipeline.STOCK_ANNOTATORS,
                "-filelist", list.toString(), "-outputDirectory", output.toString(), "-outputFormat", "json"));
        Run run = time("stock command line", dir, command, files.size(), words(texts.subList(0, files.size())));
        long written = count(output);
        if (written != files.size()) {
            throw new IllegalStateException("the stock command line wrote " + written + " outputs for "
                    + files.size() + " texts; its log: " + dir.resolve("stderr.log"));
        }
        return run;
    }

    /**
     * analyze over {@code files}, {@code passes} times in one process (each pass a directory of copies, in order),
     * with the sentence cache off: a later pass repeats the texts, and a cache would answer it from the first.
     */
    private Run analyze(Path root, String name, List<Path> files, List<String> texts, int passes)
            throws InterruptedException {
        Path dir = mkdirs(root.resolve(name));
        List<String> args = new ArrayList<>(plan.analyzeArgs());
        args.addAll(List.of("--set", "streams.threads=" + plan.threads(), "--set", "enrich.sentence-cache.size=0"));
        for (int pass = 1; pass <= passes; pass++) {
            Path input = mkdirs(dir.resolve("pass-" + pass));
            for (Path file : files) {
                copy(file, input.resolve(file.getFileName()));
            }
            args.add(input.toString());
        }
        Run run = time("analyze", dir, jvm.command(plan.analyzeMain(), args), files.size() * passes,
                words(texts.subList(0, files.size())) * passes);
        long lines = lines(dir.resolve("stdout.log"));
        if (lines != run.articles()) {
            throw new IllegalStateException("analyze printed " + lines + " articles for " + run.articles()
                    + " texts; its log: " + dir.resolve("stderr.log"));
        }
        return run;
    }

    /** Runs {@code command} to its exit with stdout and stderr in files under {@code dir}; fails on a non-zero exit. */
    private Run time(String what, Path dir, List<String> command, int articles, long words)
            throws InterruptedException {
        line("  %s on %d text(s)...", what, articles);
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(dir.resolve("stdout.log").toFile())
                .redirectError(dir.resolve("stderr.log").toFile());
        long started = System.nanoTime();
        try {
            Process process = builder.start();
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly().waitFor();
                throw new IllegalStateException(what + " did not finish in " + TIMEOUT_MINUTES + " minutes");
            }
            long nanos = System.nanoTime() - started;
            if (process.exitValue() != 0) {
                throw new IllegalStateException(what + " exited with " + process.exitValue() + "; the end of its log:\n"
                        + tail(dir.resolve("stderr.log")));
            }
            line("    %.1f s", nanos / 1e9);
            return new Run(articles, words, nanos);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + what + ": " + command.get(0), e);
        }
    }

    /** A cost in seconds; n/a when the longer run was not slower than the shorter (too few texts: noise wins). */
    static String seconds(double cost) {
        return cost > 0 ? String.format(Locale.ROOT, "%.3f s", cost) : "n/a";
    }

    static String ratio(double baseline, double cost) {
        return baseline > 0 && cost > 0 ? String.format(Locale.ROOT, "%.1fx", baseline / cost) : "n/a";
    }

    /** Title line, blank line, body: each distinct text with a body once, in corpus order. */
    static List<String> distinctTexts(List<Article> articles) {
        Set<String> texts = new LinkedHashSet<>();
        for (Article article : articles) {
            if (article.getBody().isBlank()) {
                continue;
            }
            String title = article.getTitle().strip().replaceAll("\\s+", " ");
            texts.add((title.isEmpty() ? "Untitled" : title) + "\n\n" + article.getBody().strip() + "\n");
        }
        return List.copyOf(texts);
    }

    static long words(List<String> texts) {
        return texts.stream().mapToLong(text -> text.split("\\s+").length).sum();
    }

    private static List<Path> write(Path dir, List<String> texts) {
        mkdirs(dir);
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            Path file = dir.resolve(String.format(Locale.ROOT, "%05d.txt", i));
            try {
                Files.writeString(file, texts.get(i), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            files.add(file);
        }
        return files;
    }

    private static Path mkdirs(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copy(Path from, Path to) {
        try {
            Files.copy(from, to);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeLines(Path file, List<String> lines) {
        try {
            Files.write(file, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long count(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long lines(Path file) {
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.filter(line -> !line.isBlank()).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    private void line(String format, Object... args) {
        out.println(String.format(Locale.ROOT, format, args));
        out.flush();
    }
}
