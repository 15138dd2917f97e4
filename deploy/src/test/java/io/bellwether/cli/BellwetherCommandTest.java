package io.bellwether.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BellwetherCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine command = Bellwether.commandLine();
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(args);
    }

    @Test
    void helpListsEveryCommand() {
        int code = run("--help");

        assertThat(code).isZero();
        assertThat(out.toString()).contains("broker", "topics", "ingest", "aggregate", "tail");
    }

    @Test
    void rejectsAnInvalidConfigValueInOneLineWithExitCodeTwo() {
        int code = run("topics", "create", "--bootstrap-servers", "no-port-here");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString().strip())
                .isEqualTo("bellwether topics create: invalid value 'no-port-here' for bootstrap.servers:"
                        + " must be a comma-separated list of host:port")
                .doesNotContain("Exception");
    }

    @Test
    void rejectsAnUnknownConfigKeyNamingTheClosestOne() {
        int code = run("aggregate", "--set", "aggregate.grase=PT5M");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("unknown config key 'aggregate.grase'", "aggregate.grace");
    }

    @Test
    void rejectsAnInconsistentAggregateConfigWithExitCodeTwo() {
        int code = run("aggregate", "--set", "aggregate.windows=PT1H");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("aggregate.windows", "SIZE/ADVANCE");
    }

    @Test
    void rejectsAnUnknownFlagWithExitCodeTwo() {
        int code = run("tail", "news.articles", "--form-beginning");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--form-beginning");
    }
}
