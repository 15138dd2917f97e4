package io.bellwether.enrich.fit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.bellwether.enrich.analysis.AnalyzerSettings;
import io.bellwether.enrich.analysis.ArticleAnalyzer;
import io.bellwether.enrich.analysis.StanceReading;
import io.bellwether.enrich.corenlp.CoreNlpPipeline;
import io.bellwether.enrich.narrative.Narrative;
import io.bellwether.enrich.narrative.NarrativeFile;
import io.bellwether.enrich.offline.OrderedPool;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tuning tool: reads labelled files once with the shipped analyzer and writes each article's stance reading per
 * narrative (rule label, evidence features, words, word count) as JSON lines, so fitting methods can be compared
 * on the same readings in seconds. {@code StanceDumpMain OUT.jsonl FILE...}
 */
public final class StanceDumpMain {
    private StanceDumpMain() {
    }

    public static void main(String[] args) throws IOException {
        ObjectMapper json = new ObjectMapper();
        NarrativeFile file = NarrativeFile.load(Optional.empty());
        AnalyzerSettings d = AnalyzerSettings.defaults();
        int minCueHits = Integer.getInteger("minCueHits", d.minCueHits());
        ArticleAnalyzer analyzer = CoreNlpPipeline.analyzer(file, new AnalyzerSettings(d.maxChars(),
                d.parseMaxTokens(), d.timeBudgetMs(), minCueHits, d.labelThreshold(), d.reportThreshold()));
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[0]), StandardCharsets.UTF_8));
             OrderedPool pool = new OrderedPool(Runtime.getRuntime().availableProcessors())) {
            for (int at = 1; at < args.length; at++) {
                String source = args[at];
                List<LabelledArticle> articles = new LabelledFile().read(Path.of(source));
                int[] done = {0};
                pool.map(articles.iterator(), article -> {
                    Narrative narrative = file.narratives().stream()
                            .filter(n -> n.id().equals(article.narrativeId())).findFirst().orElseThrow();
                    return analyzer.stanceReading(article.article(), narrative);
                }, (article, reading) -> {
                    Map<String, Object> line = new LinkedHashMap<>();
                    line.put("file", source);
                    line.put("id", article.id());
                    line.put("narrative", article.narrativeId());
                    line.put("group", article.group());
                    line.put("gold", article.label());
                    line.put("about", reading.isPresent());
                    reading.ifPresent(r -> put(line, r));
                    try {
                        out.println(json.writeValueAsString(line));
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                    if (++done[0] % 50 == 0) {
                        System.err.printf("%s: %d of %d%n", source, done[0], articles.size());
                    }
                });
            }
        }
    }

    private static void put(Map<String, Object> line, StanceReading reading) {
        line.put("rule", Labels.gold(reading.rule().label()));
        line.put("wordCount", reading.wordCount());
        line.put("ownCues", reading.ownCues());
        line.put("features", reading.rule().features());
        line.put("words", reading.words().keySet().stream().sorted().toList());
    }
}
