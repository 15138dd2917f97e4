package io.bellwether.ingest.source;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * Which redirects a feed or page GET follows: at most {@link #MAX_HOPS}, only to http or https on the same host
 * and port, plus the upgrade from http to https on the default ports. A redirect to another host or port (an
 * internal service, another loopback port) or to another scheme ({@code file:}, {@code jar:}, {@code ftp:}) is
 * refused with the reason; a feed that moved for good is reconfigured by hand.
 */
final class RedirectRule {
    static final int MAX_HOPS = 5;

    /** Why {@code url} is not fetched at all, or empty when its scheme is http or https. */
    Optional<String> schemeRefusal(URI url) {
        String scheme = scheme(url);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("scheme '" + scheme + "' is not http or https");
        }
        if (url.getHost() == null) {
            return Optional.of("no host");
        }
        return Optional.empty();
    }

    /** Why the redirect from {@code from} to {@code to} is not followed, or empty when it is. */
    Optional<String> refusal(URI from, URI to) {
        Optional<String> scheme = schemeRefusal(to);
        if (scheme.isPresent()) {
            return scheme;
        }
        if (!from.getHost().equalsIgnoreCase(to.getHost())) {
            return Optional.of("another host than " + from.getHost());
        }
        if (scheme(from).equals("https") && scheme(to).equals("http")) {
            return Optional.of("a downgrade from https to http");
        }
        boolean samePort = port(from) == port(to);
        boolean upgrade = !scheme(from).equals(scheme(to)) && from.getPort() == -1 && to.getPort() == -1;
        if (!samePort && !upgrade) {
            return Optional.of("another port than " + port(from));
        }
        return Optional.empty();
    }

    private static String scheme(URI url) {
        return url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    }

    private static int port(URI url) {
        if (url.getPort() != -1) {
            return url.getPort();
        }
        return scheme(url).equals("https") ? 443 : 80;
    }
}
