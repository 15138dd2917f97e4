package io.bellwether.bench;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import io.bellwether.avro.Article;
import io.bellwether.enrich.analysis.AnalyzerSettings;
import io.bellwether.enrich.corenlp.CoreNlpPipeline;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * A plain {@link StanfordCoreNLP} over the articles' text (title, blank line, body), one thread: the stock baseline and
 * the per-idea variants (shift-reduce parser, NER settings). Out come the rate and each article's named-entity spans.
 */
public final class StockPipeline {
    /** The annotators of the stock sentiment pipeline, in process and on the command line. */
    static final String STOCK_ANNOTATORS = "tokenize,ssplit,pos,lemma,ner,parse,sentiment";
    static final String SR_PARSER = "edu/stanford/nlp/models/srparser/englishSR.ser.gz";
    private static final Set<String> ENTITY_TYPES = Set.of("PERSON", "ORGANIZATION", "LOCATION", "MISC");

    private final String name;
    private final Properties properties;

    public StockPipeline(String name, Properties properties) {
        this.name = name;
        this.properties = properties;
    }

    /** The stock sentiment pipeline: CoreNLP defaults, PCFG parser. */
    public static StockPipeline stock() {
        return new StockPipeline("stock PCFG", annotators(STOCK_ANNOTATORS));
    }

    /** The stock pipeline with the shift-reduce parser instead of the PCFG one. */
    public static StockPipeline shiftReduce() {
        Properties properties = annotators(STOCK_ANNOTATORS);
        properties.setProperty("parse.model", SR_PARSER);
        return new StockPipeline("stock shift-reduce", properties);
    }

    /** The cheap pass alone, with CoreNLP's default NER (3+7+4-class models, numeric, SUTime, fine-grained). */
    public static StockPipeline cheapDefaultNer() {
        return new StockPipeline("cheap pass, default NER", annotators("tokenize,ssplit,pos,lemma,ner"));
    }

    /** The analyzer's own cheap pass (its annotator list and NER settings; the parse keys go unused). */
    public static StockPipeline cheapTunedNer() {
        return new StockPipeline("cheap pass, analyzer NER", CoreNlpPipeline.properties(AnalyzerSettings.defaults()));
    }

    private static Properties annotators(String annotators) {
        Properties properties = new Properties();
        properties.setProperty("annotators", annotators);
        return properties;
    }

    public String name() {
        return name;
    }

    /** The rate (loading excluded) and the entity spans per article id. */
    public record Result(Throughput throughput, Map<String, Set<String>> entities) {
    }

    /** Annotates {@code warmUp} untimed (JIT, lazy model parts), then times {@code articles}. */
    public Result run(List<Article> warmUp, List<Article> articles, PrintWriter progress) {
        progress.println("  loading " + name + " and warming up on " + warmUp.size() + " article(s)...");
        progress.flush();
        StanfordCoreNLP pipeline = new StanfordCoreNLP(properties);
        warmUp.forEach(article -> pipeline.annotate(new Annotation(article.getTitle() + "\n\n" + article.getBody())));
        Map<String, Set<String>> entities = new HashMap<>();
        long sentences = 0;
        long started = System.nanoTime();
        for (Article article : articles) {
            Annotation document = new Annotation(article.getTitle() + "\n\n" + article.getBody());
            pipeline.annotate(document);
            sentences += document.get(CoreAnnotations.SentencesAnnotation.class).size();
            entities.put(article.getId(), spans(document.get(CoreAnnotations.TokensAnnotation.class)));
            Progress.tick(progress, name, entities.size(), articles.size(), started);
        }
        long elapsed = System.nanoTime() - started;
        // CoreNLP keeps every loaded annotator in a static pool; drop them so later heap figures are not inflated.
        StanfordCoreNLP.clearAnnotatorPool();
        return new Result(new Throughput(articles.size(), sentences, elapsed), entities);
    }

    /** Runs of tokens with the same coarse entity type, as {@code text|TYPE}. */
    static Set<String> spans(List<CoreLabel> tokens) {
        Set<String> spans = new HashSet<>();
        StringBuilder text = new StringBuilder();
        String open = null;
        for (CoreLabel token : tokens) {
            String coarse = token.get(CoreAnnotations.CoarseNamedEntityTagAnnotation.class);
            String type = coarse != null ? coarse : token.ner();
            type = ENTITY_TYPES.contains(type) ? type : null;
            if (open != null && !open.equals(type)) {
                spans.add(text + "|" + open);
                text.setLength(0);
            }
            if (type != null) {
                text.append(text.length() == 0 ? "" : " ").append(token.word());
            }
            open = type;
        }
        if (open != null) {
            spans.add(text + "|" + open);
        }
        return spans;
    }
}
