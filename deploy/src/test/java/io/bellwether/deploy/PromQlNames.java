package io.bellwether.deploy;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a PromQL expression selects: identifiers that are not functions, keywords, label names or
 * values, durations or Grafana variables. Enough PromQL for dashboard queries, not a full parser.
 */
final class PromQlNames {
    private static final Pattern QUOTED = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
    private static final Pattern RANGE = Pattern.compile("\\[[^\\]]*\\]");
    private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*\\}");
    private static final Pattern GROUPING = Pattern.compile(
            "\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern OFFSET = Pattern.compile("\\boffset\\s+-?\\w+");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w$.])([a-zA-Z_:][a-zA-Z0-9_:]*)(?!\\w)(\\s*\\()?");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "by", "without", "on",
            "ignoring", "group_left", "group_right", "offset", "inf", "nan");

    Set<String> in(String expression) {
        String stripped = expression;
        for (Pattern noise : new Pattern[] {QUOTED, RANGE, MATCHERS, GROUPING, OFFSET}) {
            stripped = noise.matcher(stripped).replaceAll(" ");
        }
        Set<String> names = new TreeSet<>();
        Matcher matcher = IDENTIFIER.matcher(stripped);
        while (matcher.find()) {
            boolean call = matcher.group(2) != null;
            String word = matcher.group(1);
            if (!call && !KEYWORDS.contains(word.toLowerCase(Locale.ROOT))) {
                names.add(word);
            }
        }
        return names;
    }
}
