import io.bellwether.avro.Article;
import io.bellwether.enrich.analysis.AnalysisResult;
import io.bellwether.enrich.analysis.AnalyzerSettings;
import io.bellwether.enrich.analysis.ArticleAnalyzer;
import io.bellwether.enrich.corenlp.CoreNlpPipeline;
import io.bellwether.enrich.narrative.NarrativeFile;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * Times the analyzer on pathological articles, one at a time, with the heap's peak during each: the figures of
 * docs/reliability/enrich-limits.md. Runs on any build of the app jar (old or new), since it uses only the API both
 * have:
 * <pre>java -Xmx4g -XX:+UseG1GC -cp deploy/target/bellwether.jar scripts/EnrichLimits.java</pre>
 * The one-word title of 200 000 characters goes last: before the caps it ran the JVM out of heap.
 */
public final class EnrichLimits {
    public static void main(String[] args) {
        ArticleAnalyzer analyzer = CoreNlpPipeline.analyzer(NarrativeFile.defaults(), AnalyzerSettings.defaults());
        Random random = new Random(19);
        Map<String, Article> cases = new LinkedHashMap<>();
        String prose = "Meta released the weights of its newest Llama model under an open licence. "
                + "OpenAI keeps its frontier systems closed and sells access through an API. ";
        cases.put("control: 2 sentences", article("Open weights again", prose));
        cases.put("20 000-char single word (body)", article("A long word", letters(random, 20_000)));
        byte[] blob = new byte[14_250];
        random.nextBytes(blob);
        cases.put("19 000 chars of base64, one token (body)",
                article("An attachment", Base64.getEncoder().encodeToString(blob)));
        cases.put("19 000 chars of base64, MIME lines of 76 (body)",
                article("An attachment", Base64.getMimeEncoder().encodeToString(blob)));
        cases.put("3 000 distinct surnames (body)", article("The delegates", surnames(random, 3_000)));
        cases.put("200 000-char one-word title", article(letters(random, 200_000), prose));
        analyzer.analyze(cases.get("control: 2 sentences"));
        for (Map.Entry<String, Article> entry : cases.entrySet()) {
            run(analyzer, entry.getKey(), entry.getValue());
        }
    }

    private static void run(ArticleAnalyzer analyzer, String name, Article article) {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        long started = System.nanoTime();
        String outcome;
        try {
            AnalysisResult result = analyzer.analyze(article);
            outcome = result instanceof AnalysisResult.Enriched enriched
                    ? "enriched, " + enriched.article().getEntities().size() + " entities, truncated="
                    + enriched.article().getTruncated() + ", " + enriched.stats()
                    : "failed: " + ((AnalysisResult.Failed) result).reason();
        } catch (OutOfMemoryError e) {
            outcome = "OutOfMemoryError: " + e.getMessage();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long peak = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum() >> 20;
        System.out.printf("%-50s %7.2f s  peak heap %5d MB  %s%n", name, seconds, peak, outcome);
    }

    private static Article article(String title, String body) {
        return Article.newBuilder().setId(Integer.toHexString(title.hashCode() ^ body.hashCode())).setSource("limits")
                .setTitle(title).setBody(body).setPublishedAt(Instant.parse("2026-12-04T08:00:00Z"))
                .setIngestedAt(Instant.EPOCH).build();
    }

    private static String letters(Random random, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append((char) ('a' + random.nextInt(26)));
        }
        return out.toString();
    }

    /** A register of names: "Present were Kavarin, Dolesko and Mirant." and so on, each surname once. */
    static String surnames(Random random, int count) {
        String[] syllables = {"ka", "do", "mi", "ran", "vel", "tor", "sen", "ba", "lu", "gor", "fi", "nes", "pa",
            "ri", "sto", "wen", "ha", "zel", "mon", "ti"};
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        while (names.size() < count) {
            String name = syllables[random.nextInt(20)] + syllables[random.nextInt(20)] + syllables[random.nextInt(20)];
            names.add(Character.toUpperCase(name.charAt(0)) + name.substring(1));
        }
        StringBuilder out = new StringBuilder();
        java.util.Iterator<String> it = names.iterator();
        while (it.hasNext()) {
            out.append("Present were Mr ").append(it.next());
            for (int i = 0; i < 2 && it.hasNext(); i++) {
                out.append(i == 0 ? ", Ms " : " and Dr ").append(it.next());
            }
            out.append(". ");
        }
        return out.toString();
    }
}
