package io.bellwether.cli;

import io.bellwether.runtime.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns a failed command into one clear line on stderr and an exit code: 2 for invalid configuration (as for
 * invalid flags), 1 for anything else. The stack trace only with {@code BELLWETHER_DEBUG=1}.
 */
final class FailureReporter implements IExecutionExceptionHandler {
    static final int INVALID_CONFIG = 2;
    static final int FAILED = 1;

    @Override
    public int handleExecutionException(Exception failure, CommandLine command, ParseResult parsed) {
        String name = command.getCommandSpec().qualifiedName();
        if (failure instanceof ConfigException) {
            command.getErr().println(name + ": " + failure.getMessage());
            return INVALID_CONFIG;
        }
        command.getErr().println(name + ": " + describe(failure));
        if ("1".equals(System.getenv("BELLWETHER_DEBUG"))) {
            failure.printStackTrace(command.getErr());
        }
        return FAILED;
    }

    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getMessage() == null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
