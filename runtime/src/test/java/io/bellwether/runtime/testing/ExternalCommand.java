package io.bellwether.runtime.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a third-party program, or a pipeline of them (stdout of each into the next), as an outside user would:
 * the last one's stdout flows out, or an exception with every stderr when one fails, times out or is missing.
 */
public final class ExternalCommand {
    private final Path dir;

    /** Commands run in {@code dir}. */
    public ExternalCommand(Path dir) {
        this.dir = dir;
    }

    /** Runs {@code command}; its stdout. */
    public String run(Duration timeout, List<String> command) throws IOException, InterruptedException {
        return pipe(timeout, List.of(command));
    }

    /** Runs the commands as a pipeline, like {@code a | b} in a shell; the last one's stdout. */
    public String pipe(Duration timeout, List<List<String>> commands) throws IOException, InterruptedException {
        Path out = Files.createTempFile("bellwether-cmd-", ".out");
        List<Path> errors = new ArrayList<>();
        try {
            List<ProcessBuilder> builders = new ArrayList<>();
            for (List<String> command : commands) {
                Path err = Files.createTempFile("bellwether-cmd-", ".err");
                errors.add(err);
                builders.add(new ProcessBuilder(command).directory(dir.toFile()).redirectError(err.toFile()));
            }
            builders.get(builders.size() - 1).redirectOutput(out.toFile());
            List<Process> processes = start(builders, commands);
            awaitAll(processes, commands, errors, timeout);
            return Files.readString(out, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(out);
            for (Path err : errors) {
                Files.deleteIfExists(err);
            }
        }
    }

    private static List<Process> start(List<ProcessBuilder> builders, List<List<String>> commands) {
        try {
            return ProcessBuilder.startPipeline(builders);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + describe(commands) + " (" + e.getMessage() + "): is "
                    + "every program of it installed and on the PATH?", e);
        }
    }

    private void awaitAll(List<Process> processes, List<List<String>> commands, List<Path> errors, Duration timeout)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int i = 0; i < processes.size(); i++) {
            Process process = processes.get(i);
            long left = Math.max(0, deadline - System.nanoTime());
            if (!process.waitFor(left, TimeUnit.NANOSECONDS)) {
                processes.forEach(Process::destroyForcibly);
                throw new IllegalStateException(describe(commands) + " did not finish within " + timeout + stderr(
                        commands, errors));
            }
            if (process.exitValue() != 0) {
                processes.forEach(Process::destroyForcibly);
                throw new IllegalStateException(String.join(" ", commands.get(i)) + " exited with "
                        + process.exitValue() + " in " + dir + stderr(commands, errors));
            }
        }
    }

    private static String stderr(List<List<String>> commands, List<Path> errors) throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < commands.size(); i++) {
            text.append("\nstderr of ").append(commands.get(i).get(0)).append(":\n").append(Files.readString(errors.get(i)));
        }
        return text.toString();
    }

    private static String describe(List<List<String>> commands) {
        return String.join(" | ", commands.stream().map(command -> String.join(" ", command)).toList());
    }
}
