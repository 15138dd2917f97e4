package io.bellwether.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.bellwether.enrich.narrative.NarrativeFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A user's own narrative, end to end with real CoreNLP: {@code fit} trains its layer from a labelled file (grouped
 * cross-validation printed, the narrative file written with a stanceModel, the same bytes twice), and {@code eval}
 * with that file reports the narrative.
 */
class FitCommandTest {
    private static final Path LABELLED = Path.of("src/test/resources/fit/labelled.jsonl");

    @Test
    void fitsAUsersNarrativeDeterministicallyAndEvalReportsIt(@TempDir Path dir) throws IOException {
        Path narratives = withUserNarrative(dir.resolve("narratives.yaml"));
        Path first = dir.resolve("first.yaml");
        Path second = dir.resolve("second.yaml");

        Run fit = run("fit", "four-day-week", LABELLED.toString(), "--narratives", narratives.toString(),
                "--out", first.toString(), "--min-df", "2");
        Run again = run("fit", "four-day-week", LABELLED.toString(), "--narratives", narratives.toString(),
                "--out", second.toString(), "--min-df", "2");

        assertThat(fit.code()).as(fit.output()).isZero();
        assertThat(fit.output()).contains("threshold rule alone (no layer): items=16",
                "grouped 5-fold cross-validation, l2=0.0003: items=16", "gold\\pred",
                "wrote " + first + ": four-day-week now has a stanceModel");
        assertThat(again.code()).isZero();
        assertThat(Files.mismatch(first, second)).isEqualTo(-1L);
        assertThat(NarrativeFile.read(first).narrative("four-day-week").orElseThrow().stanceModel()).isPresent();
        assertThat(NarrativeFile.read(first).narrative("open-vs-closed-ai").orElseThrow().stanceModel())
                .isEqualTo(NarrativeFile.defaults().narrative("open-vs-closed-ai").orElseThrow().stanceModel());

        Run eval = run("eval", LABELLED.toString(), "--set", "enrich.narratives=" + first);

        assertThat(eval.code()).as(eval.output()).isZero();
        assertThat(eval.output()).containsPattern("four-day-week: items=16 accuracy=[01]\\.\\d{3} macroF1=");
    }

    private static Path withUserNarrative(Path target) throws IOException {
        String shipped = new String(NarrativeFile.defaultBytes(), StandardCharsets.UTF_8);
        String mine = Files.readString(Path.of("src/test/resources/fit/four-day-week.yaml"));
        int lexicon = shipped.indexOf("\n# Words that judge");
        return Files.writeString(target, shipped.substring(0, lexicon + 1) + mine + shipped.substring(lexicon + 1));
    }

    private record Run(int code, String output) {
    }

    private static Run run(String... args) {
        StringWriter text = new StringWriter();
        CommandLine line = Bellwether.commandLine();
        line.setOut(new PrintWriter(text, true));
        line.setErr(new PrintWriter(text, true));
        PrintStream stdout = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            int code = line.execute(args);
            return new Run(code, text + captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(stdout);
        }
    }
}
