package newsflow.eval;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;

import newsflow.clean.CleaningPolicy;
import newsflow.clean.CleaningSignal;
import newsflow.cli.ClusterOptions;
import newsflow.cli.Collector;
import newsflow.cli.Components;
import newsflow.cli.ProgressBar;
import newsflow.cli.Session;
import newsflow.cli.Subcommand;
import newsflow.entities.EntityRule;
import newsflow.entities.EntityTagger;
import newsflow.entities.NeuralOnlyTagger;
import newsflow.entities.NeuralRecognizer;
import newsflow.entities.NewsEntityTagger;
import newsflow.ingest.ArticleIds;
import newsflow.ingest.RawPage;
import newsflow.ingest.RawPageCodec;
import newsflow.output.OutputReader.Output;
import org.apache.kafka.streams.StreamsConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "eval", mixinStandardHelpOptions = true, usageHelpWidth = 100,
    description = {"Measure the quality of a stage on labelled data.", ""},
    subcommands = {EvalCommand.Extraction.class, EvalCommand.Dedupe.class, EvalCommand.Syndication.class,
        EvalCommand.Entities.class})
public final class EvalCommand implements Subcommand {

    @Command(name = "extraction", mixinStandardHelpOptions = true, usageHelpWidth = 100,
        description = {
            "Main-content extraction: run the clean stage on every page of a benchmark and print",
            "precision, recall and F1 of word 4-grams (the benchmark's own metric) on its tuning and",
            "validation parts (a fixed hash of the page id) and on all pages; with --compare, the same",
            "figures for each reference extractor, and the tuning pages where newsflow loses most.",
            "",
            "Example: newsflow eval extraction --gold ../shared/bench/extraction/ground-truth.json \\",
            "           --html ../shared/bench/extraction/html --compare ../shared/bench/extraction/reference-outputs",
            "",
            "With --web DIR, the second benchmark instead (raw bytes in their own encodings, must/must-not",
            "segments, trafilatura's segment metric), with its tuning and validation parts (fixed hash):",
            "         newsflow eval extraction --web ../shared/bench/extraction-web",
            "",
            "With --storyless, what the benchmarks cannot show: every page that has a story, with the",
            "story taken out, cleaned again; the share still accepted as an article (chrome sent",
            "downstream as news; lower is better), on both parts:",
            "         newsflow eval extraction --storyless --web ../shared/bench/extraction-web",
            ""})
    static final class Extraction implements Callable<Integer> {

        @Option(names = "--web", paramLabel = "DIR", description = "the second benchmark: segments.json and html/<id>.html.gz")
        Path web;

        @Option(names = "--gold", paramLabel = "FILE", description = "ground-truth.json: {id: {articleBody, url}}")
        Path gold;

        @Option(names = "--html", paramLabel = "DIR", description = "Pages as <id>.html or <id>.html.gz")
        Path html;

        @Option(names = "--compare", paramLabel = "DIR", description = "Reference outputs (<extractor>.json: {id: text})")
        Path compare;

        @Option(names = "--without-paragraph-model",
            description = "Keep every paragraph the rules keep: the learned paragraph model's ablation.")
        boolean withoutParagraphModel;

        @Option(names = "--storyless",
            description = "Measure false acceptance instead: the benchmark's pages with their story taken out.")
        boolean storyless;

        @Option(names = "--without", paramLabel = "SIGNAL",
            description = "Switch a clean-stage signal off, for its ablation (repeatable): ${COMPLETION-CANDIDATES}.")
        List<CleaningSignal> without = new ArrayList<>();

        @Override
        public Integer call() {
            CleaningPolicy policy = CleaningPolicy.newsDefaults().withParagraphModel(!withoutParagraphModel);
            for (CleaningSignal signal : without) {
                policy = policy.without(signal);
            }
            if (web == null && (gold == null || html == null)) {
                throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                    "either --web DIR, or --gold FILE and --html DIR");
            }
            if (storyless) {
                return StorylessEvaluation.run(web != null ? StorylessEvaluation.webPages(web)
                    : StorylessEvaluation.newsPages(gold, html), policy, System.out);
            }
            if (web != null) {
                return WebExtractionEvaluation.run(web, policy, System.out);
            }
            ExtractionEvaluation.run(gold, html, compare, policy, System.out);
            return 0;
        }
    }

    @Command(name = "entities", mixinStandardHelpOptions = true, usageHelpWidth = 100,
        description = {
            "Entity recognition: tag each document of a CoNLL file (token per line, IOB tags,",
            "-DOCSTART- between documents) and print per-type and overall precision, recall and F1,",
            "at span level and at document level (the set of (mention, type) per document).",
            "Each document is rebuilt as plain text (tokens detokenized, one sentence per line).",
            "",
            "Example: newsflow eval entities --conll eng.testa --errors 50",
            "         newsflow eval entities --conll eng.testa --baseline neural",
            "         newsflow eval entities --conll valid.txt --documents heldout --without knowledge-base",
            ""})
    static final class Entities implements Callable<Integer> {

        @Option(names = "--conll", required = true, paramLabel = "FILE", description = "CoNLL-format file")
        Path conll;

        @Option(names = "--baseline", paramLabel = "MODEL",
            description = "measure the recogniser alone instead of the entity stage: neural (the project's "
                + "BiLSTM-CNN-CRF, training/ner, one entity per span, no knowledge base or rules)")
        String baseline;

        @Option(names = "--without", paramLabel = "FAMILY", split = ",",
            description = "switch rule families of the stage off, to measure what each adds: splits, junk-filter, "
                + "name-shapes, knowledge-base, datelines, sports-layout, joins, company-aliases, propagation, "
                + "confident-types (comma-separated)")
        List<String> without = new ArrayList<>();

        @Option(names = "--errors", paramLabel = "N", defaultValue = "0",
            description = "also list the first N document-level errors (missed and spurious mentions)")
        int errors;

        @Option(names = "--through-clean",
            description = "pass each document through the clean stage first, as a plain-text page (as "
                + "./newsflow process does, without dedupe); only document-level figures are meaningful")
        boolean throughClean;

        @Option(names = "--documents", paramLabel = "PART", defaultValue = "all",
            description = "all, heldout (the fifth of the file kept aside by MD5(document index) mod 5 == 0: the "
                + "validation part of valid.txt) or choice (the other four fifths); default: ${DEFAULT-VALUE}")
        String documents;

        @Override
        public Integer call() throws IOException {
            if (!Files.isRegularFile(conll)) {
                throw new IllegalArgumentException("--conll: no such file: " + conll);
            }
            if (errors < 0) {
                throw new IllegalArgumentException("--errors must be 0 or more, not " + errors);
            }
            if (baseline != null && !without.isEmpty()) {
                throw new IllegalArgumentException("--without switches rules of the stage off; a --baseline has none");
            }
            Set<EntityRule> rules = EntityRule.all();
            without.forEach(name -> rules.remove(EntityRule.parse(name)));
            if (!without.isEmpty()) {
                System.out.println("rule families off: " + without);
            }
            EntityTagger tagger = baseline == null ? NewsEntityTagger.load(rules)
                    : baselineTagger(baseline);
            EntityEvaluation.Documents part;
            try {
                part = EntityEvaluation.Documents.valueOf(documents.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--documents must be all, heldout or choice, not '" + documents + "'");
            }
            if (!throughClean) {
                return EntityEvaluation.run(conll, tagger, System.out, errors, part);
            }
            ThroughCleanTagger cleaned = new ThroughCleanTagger(tagger);
            int code = EntityEvaluation.run(conll, cleaned, System.out, errors, part);
            System.out.println("through the clean stage: " + cleaned.rejected() + " documents rejected, "
                + cleaned.untaggedByLanguage() + " left untagged as another language (no entities)");
            return code;
        }
    }

    private static EntityTagger baselineTagger(String name) {
        if (!"neural".equalsIgnoreCase(name)) {
            throw new IllegalArgumentException("--baseline must be neural, not '" + name + "' (CoreNLP's CRFs, "
                + "measured before they left the build, are in BENCHMARKS.md)");
        }
        return new NeuralOnlyTagger(NeuralRecognizer.load());
    }

    @Command(name = "syndication", mixinStandardHelpOptions = true, usageHelpWidth = 100,
        description = {
            "Dedupe on the hard cases of wire journalism: partial syndication (the lead of a story",
            "with another outlet's closing paragraph and chrome), heavy spin with sentences moved and",
            "dropped, a retitled copy published before its original, and two kinds of document that",
            "must stay unlinked (roundups quoting four stories, short stories sharing an agency footer).",
            "Built from real text in --shared (see SyndicationCorpus), split by a fixed hash into a",
            "tuning and a validation part; runs the dedupe core in memory and prints both parts beside",
            "a brute-force baseline (word 5-gram Jaccard >= 0.3 over every pair).",
            "",
            "Example: newsflow eval syndication --errors 30",
            ""})
    static final class Syndication implements Callable<Integer> {

        @Option(names = "--shared", defaultValue = "../shared", paramLabel = "DIR",
            description = "The shared material (seeds/, bench/extraction/, data/conll2003/); default: ${DEFAULT-VALUE}")
        Path shared;

        @Option(names = "--errors", paramLabel = "N", defaultValue = "0",
            description = "also list the first N errors of the tuning part (never of the validation part)")
        int errors;

        @Override
        public Integer call() throws IOException {
            SyndicationEvaluation.run(SyndicationCorpus.build(shared, SyndicationEvaluation.CORPUS_SEED), System.out, errors);
            return 0;
        }
    }

    @Command(name = "dedupe", mixinStandardHelpOptions = true, usageHelpWidth = 100,
        description = {
            "Dedupe: build a labelled corpus from real text (the seeds and the benchmark's article",
            "bodies) by documented transformations (template wrapping, truncation, light edits,",
            "paragraph reordering, synonym spinning with and without truncation, condensing) plus",
            "distinct same-topic negatives; run it as HTML pages through the real pipeline on the",
            "embedded broker, in shuffled order; print precision and recall per transformation.",
            "--core also prints the figures of the dedupe core alone (in memory), with baselines.",
            ""})
    static final class Dedupe implements Callable<Integer> {

        @Mixin
        ClusterOptions cluster;

        @Option(names = "--shared", defaultValue = "../shared", paramLabel = "DIR",
            description = "The shared material (seeds/, bench/extraction/); default: ${DEFAULT-VALUE}")
        Path shared;

        @Option(names = "--core", description = "Also evaluate the dedupe core alone, with baselines.")
        boolean core;

        @Override
        public Integer call() throws IOException {
            PrintStream out = System.out;
            DedupeCorpus corpus = DedupeCorpus.build(shared, DedupeEvaluation.CORPUS_SEED);
            List<DedupeCorpus.Doc> order = new ArrayList<>(corpus.docs());
            Collections.shuffle(order, new Random(DedupeEvaluation.ORDER_SEED));
            Map<String, String> docOfArticle = new HashMap<>();
            Properties overrides = cluster.streamsOverrides();
            overrides.putIfAbsent(StreamsConfig.APPLICATION_ID_CONFIG, "newsflow-eval-dedupe-" + System.nanoTime());
            List<Output> outputs = new ArrayList<>();
            try (Session session = Session.open(cluster.bootstrapServers, cluster.pipelineConfigForEvaluation(), System.err)) {
                session.startPipeline(Components.forConfig(session.config()), overrides);
                Collector.Summary summary = Collector.run(session, producer -> {
                    ProgressBar bar = new ProgressBar(System.err, "pages");
                    int n = 0;
                    for (DedupeCorpus.Doc d : order) {
                        String url = "https://eval.example/" + d.id();
                        docOfArticle.put(ArticleIds.idOf(url), d.id());
                        producer.send(RawPageCodec.encode(new RawPage(url, d.html(), null, null, null,
                            d.article().publishedAt(), null, "en")));
                        bar.update(++n, order.size(), "");
                    }
                    bar.done(n, "sent");
                    return n;
                }, outputs::add, Duration.ofMinutes(20), Duration.ofSeconds(5), System.err);
                System.err.println(summary.describe());
            }
            out.printf(Locale.ROOT, "Dedupe evaluation through the pipeline: %d documents, corpus seed %d, order seed %d%n",
                order.size(), DedupeEvaluation.CORPUS_SEED, DedupeEvaluation.ORDER_SEED);
            long deadLetters = outputs.stream().filter(o -> o.topic().endsWith("deadletter")).count();
            out.printf(Locale.ROOT, "%d pages were dead-lettered by the clean stage (too little text); their links count as missed%n",
                deadLetters);
            out.println();
            out.println("All copies (a dead-lettered page counts as missed):");
            DedupePipelineScore.score(corpus, docOfArticle, outputs, false).print(out);
            out.println();
            out.println("Copies whose page and base page passed the clean stage (the dedupe targets apply here):");
            DedupePipelineScore.Result result = DedupePipelineScore.score(corpus, docOfArticle, outputs, true);
            result.print(out);
            if (core) {
                out.println();
                DedupeEvaluation.run(shared, out);
            }
            return result.meetsTargets() ? 0 : 1;
        }
    }
}
