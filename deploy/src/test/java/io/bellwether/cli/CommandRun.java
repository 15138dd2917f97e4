package io.bellwether.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** One {@code bellwether} invocation against a test broker: its exit code and everything it printed. */
record CommandRun(int code, String output) {

    static CommandRun run(String bootstrapServers, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--bootstrap-servers");
        all.add(bootstrapServers);
        StringWriter text = new StringWriter();
        CommandLine line = Bellwether.commandLine();
        line.setOut(new PrintWriter(text, true));
        line.setErr(new PrintWriter(text, true));
        return new CommandRun(line.execute(all.toArray(String[]::new)), text.toString());
    }
}
