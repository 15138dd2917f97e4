package io.bellwether.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of a Java process like this one: the same java binary, heap, GC and page settings, and class path,
 * so that two processes compared against each other run on equal terms. Class-data-sharing archive options are left
 * out (a child must not write the parent's archive), as are debug agents.
 */
final class ChildJvm {
    private final String java;
    private final List<String> options;
    private final String classPath;

    ChildJvm(String java, List<String> options, String classPath) {
        this.java = java;
        this.options = List.copyOf(options);
        this.classPath = classPath;
    }

    /** The running JVM's own binary, options and class path. */
    static ChildJvm likeThisOne() {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> options = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(ChildJvm::inherited).toList();
        return new ChildJvm(java, options, System.getProperty("java.class.path"));
    }

    static boolean inherited(String option) {
        return !option.startsWith("-XX:ArchiveClassesAtExit") && !option.startsWith("-XX:SharedArchiveFile")
                && !option.startsWith("-Xlog:cds") && !option.startsWith("-agentlib")
                && !option.startsWith("-javaagent");
    }

    /** {@code java <options> -cp <class path> mainClass args...}. */
    List<String> command(String mainClass, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(options);
        command.add("-cp");
        command.add(classPath);
        command.add(mainClass);
        command.addAll(args);
        return command;
    }

    /** The options, for the report. */
    String describe() {
        return String.join(" ", options);
    }
}
