package org.chinwag.classify.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.chinwag.classify.Classification;
import org.chinwag.classify.ThemeClassifier;
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
 * Classifier benchmarks (one thread). Run from the project root after {@code mvn -o test-compile}:
 * <pre>
 *   mvn -q -o dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 *   java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.openjdk.jmh.Main ClassifierBenchmark
 * </pre>
 * {@code classify}: replies per second (each op classifies one reply, cycling through the
 * held-out replies). {@code loadCached}: time to load the cached model. {@code train}: one full
 * training (inner cross-validation for thresholds + final models), single shot.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@Threads(1)
public class ClassifierBenchmark {
  static final Path INTENTS = Path.of("intents");
  static final Path CACHE = Path.of("data", "models");

  ThemeClassifier classifier;
  List<String> replies;
  int next;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    classifier = ThemeClassifier.loadOrTrain(INTENTS, "big-chat", CACHE);
    replies = Files.readAllLines(INTENTS.resolve("big-chat").resolve("heldout.tsv")).stream()
        .filter(l -> !l.startsWith("#") && l.contains("\t"))
        .map(l -> l.substring(l.indexOf('\t') + 1))
        .toList();
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Warmup(iterations = 2, time = 3)
  @Measurement(iterations = 3, time = 5)
  public Classification classify() {
    String text = replies.get(next);
    next = (next + 1) % replies.size();
    return classifier.classify(text);
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 0)
  @Measurement(iterations = 3)
  public ThemeClassifier loadCached() {
    return ThemeClassifier.loadOrTrain(INTENTS, "big-chat", CACHE);
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Warmup(iterations = 0)
  @Measurement(iterations = 1)
  public ThemeClassifier train() throws Exception {
    Path fresh = Files.createTempDirectory("chinwag-bench-models");
    return ThemeClassifier.loadOrTrain(INTENTS, "big-chat", fresh);
  }
}
