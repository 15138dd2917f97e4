package io.bellwether.reliability;

import io.bellwether.cli.Bellwether;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One {@code bellwether} command running in a JVM of its own, started as a user would start it (the CLI's main class
 * on the test classpath): arguments in, a process that can be killed with SIGKILL or stopped with SIGTERM out, its
 * stdout and stderr in a log file.
 */
final class CliJvm implements AutoCloseable {
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(90);

    private final String name;
    private final Process process;
    private final Path log;

    private CliJvm(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /** Starts {@code bellwether ARGS} with heap {@code maxHeap} (e.g. {@code 512m}); output goes to {@code logDir/name.log}. */
    static CliJvm start(String name, Path logDir, String maxHeap, List<String> args) {
        return start(name, logDir, maxHeap, List.of(), args);
    }

    /** As {@link #start(String, Path, String, List)} with {@code jvmArgs} (system properties) before the class. */
    static CliJvm start(String name, Path logDir, String maxHeap, List<String> jvmArgs, List<String> args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + maxHeap, "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path")));
        command.addAll(jvmArgs);
        command.add(Bellwether.class.getName());
        command.addAll(args);
        Path log = logDir.resolve(name + ".log");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            return new CliJvm(name, process, log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** SIGKILL: no shutdown hook, no clean close of Kafka clients or state stores. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /**
     * SIGSTOP: the process is frozen, its threads send nothing more (what it had already handed to the kernel still
     * reaches its peer) until {@link #resume}.
     */
    void pause() throws InterruptedException {
        signal("STOP");
    }

    /** SIGCONT: a process frozen by {@link #pause} runs on. */
    void resume() throws InterruptedException {
        signal("CONT");
    }

    private void signal(String name) throws InterruptedException {
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill -" + name + " " + this + " exited " + kill.exitValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot send SIG" + name + " to " + this, e);
        }
    }

    /** SIGTERM, then waits for the shutdown hooks to close everything (SIGKILL if they take too long). */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            kill();
        }
    }

    /** Waits until {@code text} appears in the output; fails if the process exits or the time runs out. */
    void awaitOutput(String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!output().contains(text)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " never printed '" + text + "'"
                        + (process.isAlive() ? "" : " (exited " + process.exitValue() + ")") + ":\n" + output());
            }
            Thread.sleep(200);
        }
    }

    /** Waits up to {@code timeout} for the process to exit by itself; its exit code. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            kill();
            throw new IllegalStateException(name + " did not finish within " + timeout + ":\n" + output());
        }
        return process.exitValue();
    }

    String output() {
        try {
            return Files.exists(log) ? new String(Files.readAllBytes(log), StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ")";
    }
}
