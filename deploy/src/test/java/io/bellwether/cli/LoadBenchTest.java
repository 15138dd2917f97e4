package io.bellwether.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code bench load} for one minute on an embedded broker with the real enrich stream in this JVM: it prints the
 * progress lines and the summary, and every article ingested comes out of enrich exactly once.
 */
class LoadBenchTest {

    @Test
    void sustainsIngestForAMinuteAndAccountsForEveryArticleOnce() {
        StringWriter output = new StringWriter();
        CommandLine cli = Bellwether.commandLine();
        cli.setOut(new PrintWriter(output, true));
        cli.setErr(new PrintWriter(output, true));

        int exit = cli.execute("bench", "load", "--duration", "60s", "--rate", "0.5", "--every", "20s",
                "--drain-timeout", "4m", "--threads", "2", "--corpus", "../corpus");

        assertThat(exit).as(output.toString()).isZero();
        assertThat(output.toString())
                .contains("load: sustained ingest at 0.50 articles/s for 60 s", "load summary:")
                .containsPattern("ingested +30 \\| enriched +30 \\| lag")
                .containsPattern("after drain: enriched 30 of 30 \\(0 dead-lettered\\), missing 0, duplicates 0")
                .containsPattern("heap \\d+ MB");
    }
}
