package org.chinwag.classify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Multi-label theme classifier for resident replies. Trained from {@code intents/<campaign>/} on
 * first use and cached in {@code <cacheDir>/<modelVersion>.bin}, where the model version is
 * {@code <campaign>-<first 12 hex of the SHA-256 of the training files>}: the same training data
 * always gives the same version and reuses the cached file. Thread-safe.
 */
public final class ThemeClassifier {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String modelVersion;
  private final List<Theme> themes;
  private final List<String> themeIds;
  private final ThemeModels models;
  private final Platt[] platts;
  private final double[] thresholds;
  private final LanguageGuard languageGuard;
  private final Path modelFile;
  private final boolean fromCache;
  private final ObjectNode header;

  private ThemeClassifier(String modelVersion, List<Theme> themes, ThemeModels models, Platt[] platts,
      double[] thresholds, LanguageGuard languageGuard, Path modelFile, boolean fromCache, ObjectNode header) {
    this.modelVersion = modelVersion;
    this.themes = themes;
    this.themeIds = themes.stream().map(Theme::id).toList();
    this.models = models;
    this.platts = platts;
    this.thresholds = thresholds;
    this.languageGuard = languageGuard;
    this.modelFile = modelFile;
    this.fromCache = fromCache;
    this.header = header;
  }

  /**
   * Loads the cached model for the current training data of {@code campaignId}, or trains and
   * caches it. Training reads {@code <intentsDir>/<campaignId>/themes.yaml}, {@code lexicon.yaml}
   * and {@code examples/*.tsv}.
   */
  public static ThemeClassifier loadOrTrain(Path intentsDir, String campaignId, Path cacheDir) {
    LanguageGuard.preloadInBackground();
    IntentsData data = IntentsData.load(intentsDir, campaignId);
    String version = campaignId + "-" + data.contentHash.substring(0, 12);
    Path file = cacheDir.resolve(version + ".bin");
    Features features = new Features(data.lexicon);
    List<String> ids = data.themes.stream().map(Theme::id).toList();
    LanguageGuard guard = new LanguageGuard(data.languages, vocabulary(data.examples));
    if (Files.isRegularFile(file)) {
      try {
        ModelStore.Stored s = ModelStore.read(file, ids);
        if (data.contentHash.equals(s.header().path("contentHash").asText())) {
          return new ThemeClassifier(version, data.themes, new ThemeModels(ids, s.models(), features),
              s.platts(), s.thresholds(), guard, file, true, s.header());
        }
      } catch (IOException | RuntimeException e) {
        // unreadable or stale cache: retrain below and overwrite it
      }
    }
    long start = System.nanoTime();
    Trainer.Trained t = Trainer.train(data.examples, ids, features, Trainer.INNER_FOLDS);
    double seconds = (System.nanoTime() - start) / 1e9;
    ObjectNode header = header(data, version, t, seconds);
    try {
      ModelStore.write(file, header, t.models().models);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write model cache " + file, e);
    }
    return new ThemeClassifier(version, data.themes, t.models(), t.platts(), t.thresholds(), guard, file, false,
        header);
  }

  private static ObjectNode header(IntentsData data, String version, Trainer.Trained t, double seconds) {
    ObjectNode h = JSON.createObjectNode();
    h.put("modelVersion", version);
    h.put("campaign", data.campaignId);
    h.put("contentHash", data.contentHash);
    h.put("featureVersion", Features.VERSION);
    h.put("algorithm", Trainer.ALGORITHM);
    h.put("l2Cost", Trainer.L2_COST);
    h.put("innerFolds", Trainer.INNER_FOLDS);
    h.put("examples", data.examples.size());
    h.put("trainedAt", Instant.now().toString());
    h.put("trainingSeconds", Math.round(seconds * 10) / 10.0);
    ArrayNode arr = h.putArray("themes");
    for (int j = 0; j < data.themes.size(); j++) {
      ObjectNode o = arr.addObject();
      o.put("id", data.themes.get(j).id());
      o.put("threshold", t.thresholds()[j]);
      o.put("plattA", t.platts()[j].a());
      o.put("plattB", t.platts()[j].b());
    }
    return h;
  }

  static Set<String> vocabulary(List<Example> examples) {
    Set<String> v = new HashSet<>();
    for (Example e : examples) {
      v.addAll(Features.tokenize(e.text()));
    }
    return v;
  }

  /** Classifies one reply. Never throws for odd input; blank text gives no themes. */
  public Classification classify(String text) {
    String t = text == null ? "" : text;
    LanguageGuard.Result lang = languageGuard.detect(t);
    if (!lang.supported()) {
      return new Classification(t, List.of(), lang.language(), true);
    }
    if (t.isBlank()) {
      return new Classification(t, List.of(), lang.language(), false);
    }
    double[] conf = confidences(t);
    List<ThemeScore> out = new ArrayList<>();
    for (int j = 0; j < conf.length; j++) {
      if (conf[j] >= thresholds[j]) {
        out.add(new ThemeScore(themeIds.get(j), conf[j]));
      }
    }
    out.sort(Comparator.comparingDouble(ThemeScore::confidence).reversed());
    return new Classification(t, out, lang.language(), false);
  }

  /** Calibrated confidences for every theme, in {@link #themes()} order, ignoring thresholds. */
  double[] confidences(String text) {
    double[] raw = models.rawScores(text);
    double[] out = new double[raw.length];
    for (int j = 0; j < raw.length; j++) {
      out[j] = platts[j].apply(raw[j]);
    }
    return out;
  }

  public String modelVersion() {
    return modelVersion;
  }

  /** The raw scorer, for tests that hold it to the models it was folded from. */
  ThemeModels scorer() {
    return models;
  }

  public List<Theme> themes() {
    return themes;
  }

  /** Per-theme decision thresholds on the calibrated confidence, as stored with the model. */
  public Map<String, Double> thresholds() {
    Map<String, Double> m = new LinkedHashMap<>();
    for (int j = 0; j < themeIds.size(); j++) {
      m.put(themeIds.get(j), thresholds[j]);
    }
    return Collections.unmodifiableMap(m);
  }

  /** The cached model file this classifier was loaded from or written to. */
  public Path modelFile() {
    return modelFile;
  }

  /** True when this instance was loaded from the cache rather than trained. */
  public boolean loadedFromCache() {
    return fromCache;
  }

  /** The model file's JSON header (training metadata) as text. */
  public String modelInfo() {
    return header.toPrettyString();
  }
}
