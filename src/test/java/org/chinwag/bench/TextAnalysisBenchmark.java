package org.chinwag.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.chinwag.classify.Classification;
import org.chinwag.classify.ThemeClassifier;
import org.chinwag.messages.ModelAnalyzer;
import org.chinwag.messages.TextAnalysis;
import org.chinwag.safeguard.RiskAssessment;
import org.chinwag.safeguard.RiskDetector;
import org.chinwag.safeguard.Signposting;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The whole text analysis every inbound message gets (safeguarding in every language the campaign
 * covers, then themes), on one thread: {@code bench/jmh.sh TextAnalysisBenchmark}. Each op analyses
 * one text, cycling in a fixed shuffled order through one of two mixes: {@code ordinary}, the
 * ordinary replies to the script (ordinary*.tsv and the theme examples: what the bot mostly meets),
 * or {@code everything}, every safeguarding file (disclosures and hard lines in every language,
 * longer and harder than most traffic). {@code riskOnly} and {@code themesOnly} time the two halves.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@Threads(1)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class TextAnalysisBenchmark {
    static final Path INTENTS = Path.of("intents");
    static final Path CACHE = Path.of("data", "models");

    @org.openjdk.jmh.annotations.Param({"ordinary", "everything"})
    public String mix;

    ModelAnalyzer analyzer;
    RiskDetector detector;
    ThemeClassifier classifier;
    List<String> texts;
    int next;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        detector = RiskDetector.load(INTENTS, "big-chat", CACHE);
        classifier = ThemeClassifier.loadOrTrain(INTENTS, "big-chat", CACHE);
        analyzer = new ModelAnalyzer(classifier, detector,
                Signposting.load(INTENTS, "big-chat"));
        texts = new ArrayList<>();
        List<Path> sources = new ArrayList<>();
        try (Stream<Path> files = Files.list(INTENTS.resolve("big-chat/safeguarding"))) {
            files.filter(p -> p.toString().endsWith(".tsv"))
                    .filter(p -> mix.equals("everything") || p.getFileName().toString().contains("ordinary")).forEach(sources::add);
        }
        if (mix.equals("ordinary")) {
            try (Stream<Path> files = Files.list(INTENTS.resolve("big-chat/examples"))) {
                files.filter(p -> p.toString().endsWith(".tsv")).forEach(sources::add);
            }
        }
        {
            for (Path f : sources.stream().sorted().toList()) {
                for (String line : Files.readAllLines(f)) {
                    if (!line.startsWith("#") && line.contains("\t")) texts.add(line.substring(line.indexOf('\t') + 1));
                }
            }
        }
        Collections.shuffle(texts, new Random(7));
    }

    @Benchmark
    public TextAnalysis analyse() {
        return analyzer.analyse(nextText());
    }

    @Benchmark
    public RiskAssessment riskOnly() {
        return detector.assess(nextText());
    }

    @Benchmark
    public Classification themesOnly() {
        return classifier.classify(nextText());
    }

    private String nextText() {
        String text = texts.get(next);
        next = (next + 1) % texts.size();
        return text;
    }
}
