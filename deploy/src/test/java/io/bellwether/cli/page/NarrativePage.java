package io.bellwether.cli.page;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/** What the narrative page shows, read in the browser: its charts' points, the chosen window, an article. */
final class NarrativePage {
    private static final int PATIENCE_POLLS = 600;

    private NarrativePage() {
    }

    /** Points of one narrative's chart and its stance series, or null before the chart exists. */
    static JsonNode chart(HeadlessChromium browser, String narrative) throws Exception {
        return browser.script("""
                const u = window.bellwether && window.bellwether.charts[arguments[0]];
                const section = document.querySelector('section.narrative[data-narrative="' + arguments[0] + '"]');
                if (!u || !section) return null;
                const stance = u.series.findIndex(s => s.label === 'stance');
                return {points: Number(section.dataset.points), xs: u.data[0], stances: u.data[stance]};
                """, narrative);
    }

    /** Waits (bounded) until every narrative's chart has points, as the page's first poll draws them. */
    static void awaitCharts(HeadlessChromium browser, List<String> narratives) throws Exception {
        for (String narrative : narratives) {
            await(browser, () -> chart(browser, narrative), chart -> !chart.isNull()
                    && chart.path("points").asInt() > 0, "points in the chart of " + narrative);
        }
    }

    /** The plotted stance of each 24 h window starting at midnight UTC, by day. */
    static Map<String, Double> midnightStances(HeadlessChromium browser, String narrative) throws Exception {
        JsonNode chart = chart(browser, narrative);
        Map<String, Double> days = new TreeMap<>();
        for (int i = 0; i < chart.path("xs").size(); i++) {
            long start = chart.path("xs").get(i).asLong();
            if (start % 86_400 == 0) {
                days.put(Instant.ofEpochSecond(start).toString().substring(0, 10), chart.path("stances").get(i).asDouble());
            }
        }
        return days;
    }

    static double mean(Map<String, Double> days, String... dates) {
        double sum = 0;
        int count = 0;
        for (String date : dates) {
            if (days.containsKey(date)) {
                sum += days.get(date);
                count++;
            }
        }
        if (count == 0) {
            throw new AssertionError("no plotted window starts on any of " + List.of(dates) + ": " + days.keySet());
        }
        return sum / count;
    }

    /**
     * Clicks the plotted point nearest {@code start} with a real pointer and waits for the window's article list;
     * what the detail shows, with the API's article total for the window the click chose.
     */
    static JsonNode clickWindow(HeadlessChromium browser, String narrative, String start) throws Exception {
        JsonNode point = browser.script("""
                const u = window.bellwether.charts[arguments[0]];
                u.root.scrollIntoView({block: 'center'});
                const ts = Date.parse(arguments[1]) / 1000;
                let best = 0;
                u.data[0].forEach((x, i) => { if (Math.abs(x - ts) < Math.abs(u.data[0][best] - ts)) best = i; });
                const stance = u.series.findIndex(s => s.label === 'stance');
                return {x: Math.round(u.valToPos(u.data[0][best], 'x')),
                        y: Math.round(u.valToPos(u.data[stance][best], 'stance')),
                        w: u.over.clientWidth, h: u.over.clientHeight};
                """, narrative, start);
        String over = browser.element("section.narrative[data-narrative=\"" + narrative + "\"] .u-over");
        browser.clickAt(over, point.path("x").asInt(), point.path("y").asInt(), point.path("w").asInt(),
                point.path("h").asInt());
        return await(browser, () -> browser.script("""
                const detail = document.getElementById('detail');
                if (detail.hidden || detail.dataset.narrative !== arguments[0]) return null;
                const start = detail.dataset.windowStart;
                const answer = await fetch('api/narratives/' + encodeURIComponent(arguments[0])
                    + '/articles?window=24h&limit=200&start=' + start).then(r => r.json());
                const items = [...document.querySelectorAll('#articles li.article')];
                return {start: start, apiTotal: answer.total, articles: items.length,
                        ids: items.map(li => li.dataset.id),
                        marks: [...document.querySelectorAll('#articles mark.cue')]
                            .map(m => ({cue: m.textContent, sentence: m.parentElement.textContent})),
                        entities: document.querySelectorAll('#entities tbody tr').length};
                """, narrative), detail -> !detail.isNull() && detail.path("articles").asInt() > 0,
                "the article list of the clicked window");
    }

    /** One listed article as shown: title text, link, evidence text, highlighted cue; markup found; window.pwned. */
    static JsonNode article(HeadlessChromium browser, String id) throws Exception {
        return await(browser, () -> browser.script("""
                const li = document.querySelector('#articles li.article[data-id="' + CSS.escape(arguments[0]) + '"]');
                if (!li) return null;
                const title = li.querySelector('.title');
                return {title: title.textContent, link: title.tagName === 'A' ? title.getAttribute('href') : null,
                        evidence: li.querySelector('blockquote').textContent, mark: li.querySelector('mark').textContent,
                        markupInList: document.querySelectorAll('#articles script, #articles img, #articles b, #articles i').length,
                        pwned: window.pwned === undefined ? null : window.pwned};
                """, id), article -> !article.isNull(), "article " + id + " in the list");
    }

    /** The text of the first element matching {@code css} once it contains {@code expected}. */
    static String text(HeadlessChromium browser, String css, String expected) throws Exception {
        return await(browser, () -> browser.script("return document.querySelector(arguments[0]).textContent;", css),
                text -> text.asText().contains(expected), expected + " in " + css).asText();
    }

    @FunctionalInterface
    interface Read {
        JsonNode get() throws Exception;
    }

    /** Polls {@code read} every 100 ms until {@code done}; fails after about a minute. */
    private static JsonNode await(HeadlessChromium browser, Read read, Predicate<JsonNode> done, String what)
            throws Exception {
        JsonNode last = null;
        for (int i = 0; i < PATIENCE_POLLS; i++) {
            last = read.get();
            if (last != null && done.test(last)) {
                return last;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the page never showed " + what + "; last seen: " + last);
    }
}
