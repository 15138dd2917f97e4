package io.bellwether.deploy;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A command-line validator the deploy tests run as a process (promtool, docker-compose, yamllint). A tool that
 * is not on the PATH fails the test with the Debian package that provides it.
 */
record ExternalTool(String command, String debianPackage) {
    static final ExternalTool PROMTOOL = new ExternalTool("promtool", "prometheus");
    static final ExternalTool DOCKER_COMPOSE = new ExternalTool("docker-compose", "docker-compose");
    static final ExternalTool YAMLLINT = new ExternalTool("yamllint", "yamllint");

    /** What a run printed (stdout and stderr together) and its exit code. */
    record Run(int exitCode, String output) {
    }

    Run run(String... args) throws IOException, InterruptedException {
        Path executable = locate().orElseGet(() -> fail(command + " is not on the PATH; install the Debian package '"
                + debianPackage + "' (apt-get install -y " + debianPackage + ")"));
        List<String> line = new ArrayList<>();
        line.add(executable.toString());
        line.addAll(Arrays.asList(args));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail(command + " did not finish: " + output);
        }
        return new Run(process.exitValue(), output);
    }

    private Optional<Path> locate() {
        String path = System.getenv().getOrDefault("PATH", "");
        return Arrays.stream(path.split(File.pathSeparator)).filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, command)).filter(Files::isExecutable).findFirst();
    }
}
