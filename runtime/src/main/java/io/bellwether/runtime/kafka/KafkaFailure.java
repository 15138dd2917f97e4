package io.bellwether.runtime.kafka;

import java.util.function.Predicate;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.NetworkException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.UnsupportedVersionException;

/**
 * The one classification of failures every stage shares: which end the service (JVM errors, security, a broker
 * too old for the protocol, an interrupt) and which are waited out or retried (everything else: timeouts, network
 * errors, leader changes, fenced or aborted transactions). The whole cause chain is looked at.
 */
public final class KafkaFailure {
    private KafkaFailure() {
    }

    /** True when no retry can help: the service should stop and say why. */
    public static boolean isFatal(Throwable failure) {
        return anyCause(failure, cause -> cause instanceof Error || cause instanceof AuthenticationException
                || cause instanceof AuthorizationException || cause instanceof UnsupportedVersionException
                || cause instanceof InterruptException || cause instanceof InterruptedException);
    }

    /** True when the broker could not be reached (a timeout or network error somewhere in the chain). */
    public static boolean isUnreachable(Throwable failure) {
        return anyCause(failure, cause -> cause instanceof TimeoutException || cause instanceof NetworkException);
    }

    /** The innermost cause (a self-referencing cause ends the walk). */
    public static Throwable rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    /** {@code Type: message} of the root cause, for one-line reports. */
    public static String describeRoot(Throwable failure) {
        Throwable root = rootCause(failure);
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static boolean anyCause(Throwable failure, Predicate<Throwable> test) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (test.test(cause)) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
