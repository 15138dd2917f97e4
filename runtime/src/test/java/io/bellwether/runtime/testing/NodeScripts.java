package io.bellwether.runtime.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the Node.js consumers in {@code interop/node} (dir from the system property
 * {@code bellwether.interop.node.dir}): {@link #prepare} checks node and npm and runs {@code npm ci} when
 * {@code node_modules} is older than the lock file; {@link #run} returns a script's stdout lines.
 */
public final class NodeScripts {
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);

    private final ExternalCommand commands;

    private NodeScripts(Path dir) {
        this.commands = new ExternalCommand(dir);
    }

    /** Fails with what is missing when node, npm or the scripts are not there. */
    public static NodeScripts prepare() throws IOException, InterruptedException {
        String property = System.getProperty("bellwether.interop.node.dir");
        if (property == null) {
            throw new IllegalStateException("system property bellwether.interop.node.dir is not set: run the tests"
                    + " through Maven (runtime/pom.xml sets it for surefire)");
        }
        Path dir = Path.of(property).toAbsolutePath().normalize();
        NodeScripts scripts = new NodeScripts(dir);
        scripts.exec(List.of("node", "--version"), Duration.ofSeconds(30));
        scripts.exec(List.of("npm", "--version"), Duration.ofSeconds(30));
        Path installed = dir.resolve("node_modules/.package-lock.json");
        Path lock = dir.resolve("package-lock.json");
        if (!Files.exists(installed) || Files.getLastModifiedTime(installed).compareTo(Files.getLastModifiedTime(lock)) < 0) {
            scripts.exec(List.of("npm", "ci", "--no-audit", "--no-fund"), INSTALL_TIMEOUT);
        }
        return scripts;
    }

    /** Runs {@code node SCRIPT ARGS...}; its stdout lines, or an exception with its stderr on a non-zero exit. */
    public List<String> run(String script, Duration timeout, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("node", script));
        command.addAll(List.of(args));
        return exec(command, timeout).lines().filter(line -> !line.isBlank()).toList();
    }

    private String exec(List<String> command, Duration timeout) throws IOException, InterruptedException {
        return commands.run(timeout, command);
    }
}
