package io.bellwether.ingest.article;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.regex.Pattern;

/**
 * Reads the {@code publishedAt} texts sources write: ISO-8601 with or without offset (no offset = UTC), a bare
 * date (midnight UTC), RFC 1123 as in RSS, or epoch milliseconds as digits.
 */
public final class EventTimes {
    private static final Pattern DIGITS = Pattern.compile("-?\\d{1,15}");
    private static final Pattern SPACED_DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d.*");

    /** The instant written in {@code text}; throws {@link DateTimeException} when no known form matches. */
    public Instant parse(String text) {
        String raw = text.trim();
        if (DIGITS.matcher(raw).matches()) {
            return Instant.ofEpochMilli(Long.parseLong(raw));
        }
        if (SPACED_DATE_TIME.matcher(raw).matches()) {
            raw = raw.replaceFirst(" ", "T");
        }
        if (Character.isDigit(raw.charAt(0))) {
            return raw.length() == 10 ? LocalDate.parse(raw).atStartOfDay(ZoneOffset.UTC).toInstant() : isoDateTime(raw);
        }
        return ZonedDateTime.parse(raw, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    }

    private static Instant isoDateTime(String raw) {
        TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(raw, ZonedDateTime::from,
                LocalDateTime::from);
        if (parsed instanceof ZonedDateTime zoned) {
            return zoned.toInstant();
        }
        return ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
    }
}
