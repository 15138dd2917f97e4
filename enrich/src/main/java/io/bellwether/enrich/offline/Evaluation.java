package io.bellwether.enrich.offline;

import io.bellwether.avro.NarrativeSignal;
import io.bellwether.enrich.analysis.AnalysisResult;
import io.bellwether.enrich.analysis.Analyzer;
import io.bellwether.enrich.fit.LabelledArticle;
import io.bellwether.enrich.fit.LabelledFile;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Measures the analyzer against labelled lines ({@link LabelledArticle}: pro_open, pro_closed, neutral, irrelevant
 * for the line's narrative, open-vs-closed-ai when it names none): the narrative's signal maps to a label (none:
 * irrelevant; open: pro_open; closed: pro_closed; neutral: neutral). Prints a line per article, then accuracy,
 * macro-F1 and the confusion matrix of each narrative the file labels, and entity recall when lines carry gold
 * {@code entities}.
 */
public final class Evaluation {
    public static final String NARRATIVE = LabelledArticle.DEFAULT_NARRATIVE;
    public static final List<String> LABELS = LabelledArticle.LABELS;

    private final Analyzer analyzer;
    private final Map<String, String> aliases;
    private final int threads;
    private final LabelledFile lines = new LabelledFile();

    /** An evaluation on one thread that matches gold entity names without aliases. */
    public Evaluation(Analyzer analyzer) {
        this(analyzer, Map.of(), 1);
    }

    /**
     * @param aliases the narrative file's alias table, so gold "AWS" counts as found by "Amazon Web Services"
     * @param threads articles analysed at once; the report is the same for any count
     */
    public Evaluation(Analyzer analyzer, Map<String, String> aliases, int threads) {
        this.analyzer = analyzer;
        this.aliases = aliases;
        this.threads = threads;
    }

    /** The confusion matrix of each narrative, by id, and the entity recall over every line. */
    public record Report(Map<String, ConfusionMatrix> byNarrative, EntityRecall entities) {
        public ConfusionMatrix matrix(String narrative) {
            return byNarrative.getOrDefault(narrative, new ConfusionMatrix(LABELS));
        }
    }

    public Report run(BufferedReader gold, PrintStream out) {
        Map<String, ConfusionMatrix> matrices = new TreeMap<>();
        EntityRecall recall = new EntityRecall(aliases);
        try (OrderedPool pool = new OrderedPool(threads)) {
            pool.map(articles(gold), item -> analyzer.analyze(item.article()),
                    (item, result) -> evaluate(item, result, matrices, recall, out));
        }
        matrices.forEach((narrative, matrix) -> out.printf(Locale.ROOT, "%s: items=%d accuracy=%.3f macroF1=%.3f%n%s",
                narrative, matrix.total(), matrix.accuracy(), matrix.macroF1(), matrix.render()));
        if (recall.gold() > 0) {
            out.printf(Locale.ROOT, "entities: recall=%.3f (%d of %d gold names)%n", recall.recall(), recall.found(),
                    recall.gold());
        }
        return new Report(matrices, recall);
    }

    /** The labelled lines of {@code gold}, parsed one at a time as the pool asks for them. */
    private Iterator<LabelledArticle> articles(BufferedReader gold) {
        return new Iterator<>() {
            private int number;
            private LabelledArticle next = advance();

            private LabelledArticle advance() {
                try {
                    String line;
                    while ((line = gold.readLine()) != null) {
                        number++;
                        if (!line.isBlank()) {
                            return lines.parse(line, "line " + number);
                        }
                    }
                    return null;
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read gold file", e);
                }
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public LabelledArticle next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                LabelledArticle current = next;
                next = advance();
                return current;
            }
        };
    }

    private void evaluate(LabelledArticle item, AnalysisResult result, Map<String, ConfusionMatrix> matrices,
                          EntityRecall recall, PrintStream out) {
        String narrative = item.narrativeId();
        String predicted = predict(result, narrative);
        matrices.computeIfAbsent(narrative, id -> new ConfusionMatrix(LABELS)).add(item.label(), predicted);
        String missed = "";
        if (!item.entities().isEmpty() && result instanceof AnalysisResult.Enriched enriched) {
            List<String> names = recall.add(item.entities(), enriched.article().getEntities());
            missed = names.isEmpty() ? "" : " missed-entities=" + names;
        } else if (!item.entities().isEmpty()) {
            recall.add(item.entities(), List.of());
        }
        out.printf(Locale.ROOT, "%s %s %s gold=%s predicted=%s %s%s%n", item.label().equals(predicted) ? "ok  " : "miss",
                item.id(), narrative, item.label(), predicted, describe(result, narrative), missed);
    }

    /** The gold label the analysis result stands for on open-vs-closed-ai. */
    public static String predict(AnalysisResult result) {
        return predict(result, NARRATIVE);
    }

    /** The gold label the analysis result stands for on {@code narrative}. */
    public static String predict(AnalysisResult result, String narrative) {
        return signal(result, narrative).map(NarrativeSignal::getLabel)
                .map(label -> switch (label) {
                    case "open" -> "pro_open";
                    case "closed" -> "pro_closed";
                    default -> "neutral";
                }).orElse("irrelevant");
    }

    private static Optional<NarrativeSignal> signal(AnalysisResult result, String narrative) {
        if (!(result instanceof AnalysisResult.Enriched enriched)) {
            return Optional.empty();
        }
        return enriched.article().getNarratives().stream().filter(signal -> narrative.equals(signal.getId()))
                .findFirst();
    }

    private static String describe(AnalysisResult result, String narrative) {
        if (!(result instanceof AnalysisResult.Enriched)) {
            return result.toString();
        }
        return signal(result, narrative).map(signal -> {
            StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "stance=%.2f conf=%.2f evidence:",
                    signal.getStance(), signal.getConfidence()));
            signal.getEvidence().forEach(evidence -> text.append(String.format(Locale.ROOT, " [%d %s/%s %+.2f]",
                    evidence.getSentence(), evidence.getCue(), evidence.getSide(), evidence.getPush())));
            return text.toString();
        }).orElse("");
    }
}
