package io.bellwether.aggregate.query;

import io.bellwether.aggregate.WindowSpec;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A query's decoded path segments (below the handler's mount path) and parameters, with parsers that raise
 * {@link BadQuery} naming the offending parameter.
 */
record QueryRequest(List<String> segments, Map<String, String> params) {
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)([smhd])");

    /** Thrown for a request that cannot be answered as asked; the handler turns it into a JSON error. */
    static final class BadQuery extends RuntimeException {
        private final int status;

        BadQuery(int status, String reason) {
            super(reason);
            this.status = status;
        }

        int status() {
            return status;
        }
    }

    static QueryRequest of(URI uri, String mountPath) {
        String path = uri.getRawPath();
        String rest = path.startsWith(mountPath) ? path.substring(mountPath.length()) : path;
        List<String> segments = new ArrayList<>();
        for (String segment : rest.split("/")) {
            if (!segment.isEmpty()) {
                segments.add(URLDecoder.decode(segment, StandardCharsets.UTF_8));
            }
        }
        Map<String, String> params = new HashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                params.put(name, value);
            }
        }
        return new QueryRequest(List.copyOf(segments), Map.copyOf(params));
    }

    Optional<String> param(String name) {
        return Optional.ofNullable(params.get(name)).filter(value -> !value.isBlank());
    }

    /** {@code window=1h|24h|PT1H|90m|1d}, default the first configured family. */
    WindowSpec window(List<WindowSpec> configured) {
        Optional<String> text = param("window");
        if (text.isEmpty()) {
            return configured.get(0);
        }
        Duration size = duration(text.get());
        return configured.stream().filter(spec -> spec.size().equals(size)).findFirst()
                .orElseThrow(() -> new BadQuery(400, "no window of size " + size + "; configured: "
                        + configured.stream().map(WindowSpec::label).toList()));
    }

    /** A {@code [from, to]} range of instants, both inside what the window stores can hold. */
    record TimeRange(Instant from, Instant to) {
    }

    /**
     * {@code from} and {@code to}, defaulting to {@code earliest} and {@code latest}: refused when either lies
     * outside those bounds (the stores count epoch milliseconds) or when the range ends before it starts. A wide
     * range costs nothing extra: the stores iterate only the windows they hold.
     */
    TimeRange range(Instant earliest, Instant latest) {
        Instant from = instant("from", earliest, earliest, latest);
        Instant to = instant("to", latest, earliest, latest);
        if (from.isAfter(to)) {
            throw new BadQuery(400, "from (" + from + ") is after to (" + to + ")");
        }
        return new TimeRange(from, to);
    }

    private Instant instant(String name, Instant fallback, Instant earliest, Instant latest) {
        Optional<String> text = param(name);
        Instant value;
        try {
            value = text.map(Instant::parse).orElse(fallback);
        } catch (DateTimeParseException e) {
            throw new BadQuery(400, name + " must be an ISO-8601 instant like 2026-10-04T09:00:00Z, got '"
                    + text.get() + "'");
        }
        if (value.isBefore(earliest) || value.isAfter(latest)) {
            throw new BadQuery(400, name + " must lie between " + earliest + " and " + latest + ", got '"
                    + text.orElse("") + "'");
        }
        return value;
    }

    /** A required instant, inside {@code [earliest, latest]}. */
    Instant requiredInstant(String name, Instant earliest, Instant latest) {
        required(name);
        return instant(name, earliest, earliest, latest);
    }

    int positiveInt(String name, int fallback) {
        Optional<String> text = param(name);
        try {
            int value = text.map(Integer::parseInt).orElse(fallback);
            if (value < 1) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new BadQuery(400, name + " must be a positive integer, got '" + text.orElse("") + "'");
        }
    }

    String required(String name) {
        return param(name).orElseThrow(() -> new BadQuery(400, "parameter '" + name + "' is required"));
    }

    private static Duration duration(String text) {
        String trimmed = text.trim().toLowerCase(Locale.ROOT);
        Matcher matcher = SHORT_DURATION.matcher(trimmed);
        try {
            if (matcher.matches()) {
                long amount = Long.parseLong(matcher.group(1));
                return switch (matcher.group(2)) {
                    case "s" -> Duration.ofSeconds(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    case "h" -> Duration.ofHours(amount);
                    default -> Duration.ofDays(amount);
                };
            }
            return Duration.parse(trimmed.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException | NumberFormatException | ArithmeticException e) {
            throw new BadQuery(400, "window must be a duration like 1h, 24h or PT1H, got '" + text + "'");
        }
    }
}
