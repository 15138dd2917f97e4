package io.bellwether.ingest.identity;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reduces the many spellings of one article's address to one: scheme and host lower-cased, default port,
 * user info and fragment dropped, tracking parameters removed, the rest sorted, trailing slash removed.
 */
public final class UrlCanonicalizer {
    private static final Set<String> TRACKING = Set.of("fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid",
            "mc_cid", "mc_eid", "ref", "ref_src", "ref_url", "igshid", "yclid", "_ga", "_gl", "mkt_tok", "cmpid",
            "ocid", "spm", "share", "si");

    /** The canonical form of {@code raw}, or empty when it is not an absolute http(s) URL. */
    public Optional<String> canonicalize(String raw) {
        URI uri;
        try {
            uri = new URI(raw.strip());
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder(scheme).append("://").append(uri.getHost().toLowerCase(Locale.ROOT));
        if (uri.getPort() != -1 && uri.getPort() != defaultPort(scheme)) {
            out.append(':').append(uri.getPort());
        }
        out.append(path(uri.getRawPath()));
        query(uri.getRawQuery()).ifPresent(query -> out.append('?').append(query));
        return Optional.of(out.toString());
    }

    private static int defaultPort(String scheme) {
        return scheme.equals("https") ? 443 : 80;
    }

    private static String path(String rawPath) {
        if (rawPath == null || rawPath.isEmpty() || rawPath.equals("/")) {
            return "/";
        }
        String path = rawPath;
        while (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return path;
    }

    /** Parameter order carries no meaning for the pages we read, so a stable sort merges reordered links. */
    private static Optional<String> query(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return Optional.empty();
        }
        List<String> kept = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            String name = pair.split("=", 2)[0].toLowerCase(Locale.ROOT);
            if (!pair.isEmpty() && !name.startsWith("utm_") && !TRACKING.contains(name)) {
                kept.add(pair);
            }
        }
        kept.sort(Comparator.comparing(pair -> pair.split("=", 2)[0]));
        return kept.isEmpty() ? Optional.empty() : Optional.of(String.join("&", kept));
    }
}
