package io.bellwether.enrich.offline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bellwether.avro.Article;
import io.bellwether.avro.NarrativeSignal;
import io.bellwether.enrich.analysis.AnalysisResult;
import io.bellwether.enrich.analysis.Analyzer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Measures the analyzer against gold JSONL lines {"id","title","text","label"} (pro_open, pro_closed, neutral,
 * irrelevant): the open-vs-closed-ai signal maps to a label (none: irrelevant; open: pro_open; closed: pro_closed;
 * neutral: neutral). Prints accuracy, macro-F1 and the confusion matrix; returns the matrix.
 */
public final class Evaluation {
    public static final String NARRATIVE = "open-vs-closed-ai";
    public static final List<String> LABELS = List.of("pro_open", "pro_closed", "neutral", "irrelevant");

    private final Analyzer analyzer;
    private final ObjectMapper json = new ObjectMapper();

    public Evaluation(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    public ConfusionMatrix run(BufferedReader gold, PrintStream out) {
        ConfusionMatrix matrix = new ConfusionMatrix(LABELS);
        try {
            String line;
            while ((line = gold.readLine()) != null) {
                if (!line.isBlank()) {
                    evaluate(json.readTree(line), matrix, out);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read gold file", e);
        }
        out.printf(Locale.ROOT, "items=%d accuracy=%.3f macroF1=%.3f%n%s", matrix.total(), matrix.accuracy(),
                matrix.macroF1(), matrix.render());
        return matrix;
    }

    private void evaluate(JsonNode item, ConfusionMatrix matrix, PrintStream out) {
        String id = item.path("id").asText();
        Article article = Article.newBuilder().setId(id).setSource("eval").setTitle(item.path("title").asText(""))
                .setBody(item.path("text").asText("")).setPublishedAt(Instant.EPOCH).setIngestedAt(Instant.EPOCH)
                .build();
        AnalysisResult result = analyzer.analyze(article);
        String predicted = predict(result);
        String gold = item.path("label").asText();
        matrix.add(gold, predicted);
        out.printf(Locale.ROOT, "%s %s gold=%s predicted=%s %s%n", gold.equals(predicted) ? "ok  " : "miss", id,
                gold, predicted, describe(result));
    }

    /** The gold label the analysis result stands for. */
    public static String predict(AnalysisResult result) {
        if (!(result instanceof AnalysisResult.Enriched enriched)) {
            return "irrelevant";
        }
        return enriched.article().getNarratives().stream().filter(signal -> NARRATIVE.equals(signal.getId()))
                .findFirst().map(NarrativeSignal::getLabel)
                .map(label -> switch (label) {
                    case "open" -> "pro_open";
                    case "closed" -> "pro_closed";
                    default -> "neutral";
                }).orElse("irrelevant");
    }

    private static String describe(NarrativeSignal signal) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "stance=%.2f conf=%.2f evidence:",
                signal.getStance(), signal.getConfidence()));
        signal.getEvidence().forEach(evidence -> text.append(String.format(Locale.ROOT, " [%d %s/%s %+.2f]",
                evidence.getSentence(), evidence.getCue(), evidence.getSide(), evidence.getPush())));
        return text.toString();
    }

    private static String describe(AnalysisResult result) {
        if (result instanceof AnalysisResult.Enriched enriched) {
            return enriched.article().getNarratives().stream().filter(signal -> NARRATIVE.equals(signal.getId()))
                    .findFirst().map(Evaluation::describe).orElse("");
        }
        return result.toString();
    }
}
