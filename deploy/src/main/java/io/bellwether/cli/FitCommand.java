package io.bellwether.cli;

import io.bellwether.enrich.EnrichApp;
import io.bellwether.enrich.EnrichConfig;
import io.bellwether.enrich.EnrichKeys;
import io.bellwether.enrich.fit.GroupedFolds;
import io.bellwether.enrich.fit.LabelledArticle;
import io.bellwether.enrich.fit.LabelledFile;
import io.bellwether.enrich.fit.StanceFit;
import io.bellwether.enrich.fit.StanceLayerFit;
import io.bellwether.enrich.fit.StanceModelYaml;
import io.bellwether.enrich.narrative.Narrative;
import io.bellwether.enrich.narrative.NarrativeFile;
import io.bellwether.runtime.config.ConfigDef;
import io.bellwether.runtime.config.ConfigException;
import io.bellwether.runtime.config.RuntimeKeys;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Fits a narrative's learned stance layer from labelled articles and writes the narrative file with it. */
@Command(name = "fit", mixinStandardHelpOptions = true,
        description = {"Fit the learned stance layer of NARRATIVE_ID from LABELLED.jsonl (the eval line format:"
                + " {\"id\",\"title\",\"text\",\"label\"}, optional \"group\" (site or author, kept in one"
                + " cross-validation fold) and \"narrative\" (lines for another narrative are skipped)).",
            "Prints grouped cross-validation accuracy, macro-F1 and the confusion matrix for each L2 strength,"
                + " keeps the best, fits it on all lines and writes the narrative file with the new stanceModel"
                + " block (the rest of the file unchanged; the same input gives the same bytes)."})
final class FitCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "NARRATIVE_ID", description = "a narrative of the narrative file")
    String narrativeId;

    @Parameters(index = "1", paramLabel = "LABELLED.jsonl", description = "labelled articles")
    Path labelled;

    @Option(names = "--narratives", paramLabel = "FILE",
            description = "narrative file to start from (default: the shipped one); rewritten unless --out is given")
    Path narratives;

    @Option(names = "--out", paramLabel = "FILE",
            description = "where to write the narrative file (default: the --narratives file, else ./narratives.yaml)")
    Path out;

    @Option(names = "--train-also", paramLabel = "FILE", split = ",",
            description = "more labelled files that join every training fold but are never scored (e.g. text of"
                    + " another register); comma-separated")
    List<Path> trainAlso = List.of();

    @Option(names = "--cue-report", description = "also print, per cue phrase, the articles of each gold label it"
            + " fired in and whether its push agreed with the gold side")
    boolean cueReport;

    @Option(names = "--inputs", defaultValue = "BOTH", description = "what the layer reads: BOTH (default), EVIDENCE"
            + " (the cue-phrase evidence features alone) or WORDS (the article's words alone), to measure each")
    StanceLayerFit.Inputs inputs;

    @Option(names = "--folds", defaultValue = "5", description = "cross-validation folds (default ${DEFAULT-VALUE})")
    int folds;

    @Option(names = "--min-df", defaultValue = "3",
            description = "articles a word must be in to become a feature (default ${DEFAULT-VALUE})")
    int minDf;

    @Option(names = "--prune", defaultValue = "0.02",
            description = "word weights smaller than this are dropped (default ${DEFAULT-VALUE})")
    double prune;

    @Option(names = "--min-words", defaultValue = "30",
            description = "shorter articles keep the threshold rule (default ${DEFAULT-VALUE})")
    int minWords;

    @Option(names = "--class-weights", defaultValue = "BALANCED", description = "BALANCED (default: each label"
            + " weighs as much as the others in the loss, chosen by grouped CV on real news) or NONE (every article"
            + " weighs 1)")
    ClassWeights classWeights;

    /** How labels weigh in the layer's loss. */
    enum ClassWeights { BALANCED, NONE }

    @Override
    public Integer call() throws IOException {
        byte[] source = narratives == null ? NarrativeFile.defaultBytes() : Files.readAllBytes(narratives);
        String origin = narratives == null ? "the shipped narrative file" : narratives.toString();
        NarrativeFile file = NarrativeFile.parse(source, origin);
        Narrative narrative = file.narrative(narrativeId).orElseThrow(() -> new ConfigException("no narrative '"
                + narrativeId + "' in " + origin + "; it has " + file.narratives().stream().map(Narrative::id).toList()));
        List<LabelledArticle> articles = new LabelledFile().read(labelled).stream()
                .filter(article -> article.narrative().map(narrativeId::equals).orElse(true)).toList();
        if (articles.isEmpty()) {
            throw new ConfigException("no labelled article for " + narrativeId + " in " + labelled);
        }
        List<LabelledArticle> extra = trainAlso.stream().flatMap(path -> new LabelledFile().read(path).stream())
                .filter(article -> article.narrative().map(narrativeId::equals).orElse(true)).toList();
        PrintStream stdout = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        System.err.printf(Locale.ROOT, "fit: %d labelled articles for %s; loading CoreNLP models...%n",
                articles.size(), narrativeId);
        ConfigDef keys = RuntimeKeys.definition().plus(EnrichKeys.all());
        if (narratives != null) {
            keys = keys.withDefault(EnrichKeys.NARRATIVES.name(), narratives.toString());
        }
        EnrichConfig config = EnrichKeys.config(new ConfigOptions().resolve(keys));
        StanceLayerFit.Options layer = new StanceLayerFit.Options(StanceFit.L2[0], minDf, prune, minWords, inputs,
                classWeights == ClassWeights.BALANCED);
        StanceFit.Result result = new StanceFit(EnrichApp.analyzer(config), new GroupedFolds(folds), layer,
                config.threads(), cueReport, stdout, System.err).fit(narrative, articles, extra);
        StanceModelYaml yaml = new StanceModelYaml();
        String block = yaml.block(result.model(), String.format(Locale.ROOT,
                "fitted by bellwether fit on %d labelled articles (+%d training-only), l2=%s, class weights %s,"
                + " grouped CV macro-F1 %.3f", articles.size(), extra.size(), StanceFit.plain(result.l2()),
                classWeights.name().toLowerCase(Locale.ROOT), result.crossValidation().macroF1()));
        byte[] written = yaml.replace(new String(source, StandardCharsets.UTF_8), narrativeId, block)
                .getBytes(StandardCharsets.UTF_8);
        Path target = out != null ? out : narratives != null ? narratives : Path.of("narratives.yaml");
        NarrativeFile.parse(written, target.toString());
        write(target, written);
        int words = result.model().weights().values().stream().map(Map::keySet).mapToInt(names ->
                (int) names.stream().filter(name -> name.startsWith("w:")).count()).sum();
        stdout.printf(Locale.ROOT, "wrote %s: %s now has a stanceModel (%d labels, %d word weights)%n", target,
                narrativeId, result.model().labels().size(), words);
        return 0;
    }

    private static void write(Path target, byte[] bytes) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(dir, ".narratives", ".yaml");
        Files.write(temp, bytes);
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
