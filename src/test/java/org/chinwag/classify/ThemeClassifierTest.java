package org.chinwag.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Behaviour of the classifier trained on the real big-chat intents. The model is trained once
 * for the whole class: by the build (process-classes puts it in target/classes/models), so here it
 * is normally loaded from there, and trained only when the intents changed since.
 */
class ThemeClassifierTest {
  static final Path INTENTS = Path.of("intents");
  static final Path CACHE = Path.of("target", "classes", "models");
  static ThemeClassifier classifier;

  @BeforeAll
  static void train() {
    classifier = ThemeClassifier.loadOrTrain(INTENTS, "big-chat", CACHE);
  }

  static Set<String> ids(Classification c) {
    return c.themes().stream().map(ThemeScore::id).collect(Collectors.toSet());
  }

  /** The folded scoring table must give what each theme's own maxent model gives, on every training text. */
  @Test
  void foldedScoresEqualEachModelsOwnProbability() {
    ThemeModels scorer = classifier.scorer();
    List<String> texts = IntentsData.load(INTENTS, "big-chat").examples.stream().map(Example::text).toList();
    assertTrue(texts.size() > 1000, "the real examples are read");
    int compared = 0;
    for (String text : texts) {
      double[] folded = scorer.rawScores(text);
      for (int m = 0; m < folded.length; m++) {
        double own = 0;
        for (String segment : Segmenter.segments(text)) {
          own = Math.max(own, scorer.modelProbability(m, segment));
        }
        assertEquals(own, folded[m], 1e-9, text + " / " + scorer.themeIds.get(m));
        compared++;
      }
    }
    assertEquals(texts.size() * scorer.themeIds.size(), compared);
  }

  @Test
  void multiThemeReplyGetsBothThemes() {
    Classification c = classifier.classify("the buses are rubbish and I can't get a GP appointment");
    assertTrue(ids(c).containsAll(Set.of("transport", "gp_access")), () -> "got " + c.themes());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      the 4 stopped coming up our road                                 | transport
      cant get a doctors appointment for weeks                          | gp_access
      there's nothing for teenagers to do round here                    | children_activities
      the park is full of litter and broken glass                       | green_spaces
      drug dealing on the corner every night                            | crime_safety
      the gym is far too expensive                                      | affordable_activities
      i'd rather see someone face to face than on the phone             | face_to_face
      the library and the post office have both closed                  | local_facilities
      a lunch club for older people would be lovely                     | local_activities
      the waiting list for counselling is over a year                   | mental_health
      """)
  void clearSingleThemeReplies(String text, String theme) {
    Classification c = classifier.classify(text);
    assertTrue(ids(c).contains(theme), () -> text + " -> " + c.themes());
  }

  @ParameterizedTest
  @ValueSource(strings = {"hello", "thanks", "yes", "what is this for?", "ok thanks", "no", "hiya",
      "I'm 67 and live in Armley", "👍", ""})
  void noneRepliesGetNoThemes(String text) {
    Classification c = classifier.classify(text);
    assertEquals(List.of(), c.themes(), () -> text + " -> " + c.themes());
    assertFalse(c.needsReview(), text);
    assertEquals("en", c.language(), text);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Autobusy są zawsze spóźnione i nie mogę dostać się do lekarza rodzinnego",
      "لا أستطيع الحصول على موعد مع الطبيب",
      "No hay nada para los niños en este barrio, necesitamos un club juvenil"})
  void otherLanguagesAreFlaggedForReviewWithNoThemes(String text) {
    Classification c = classifier.classify(text);
    assertTrue(c.needsReview(), () -> text + " -> " + c);
    assertEquals(List.of(), c.themes());
    assertFalse(c.language().equals("en"), c.language());
  }

  @Test
  void confidencesAreInUnitIntervalAndSortedHighestFirst() {
    for (String text : List.of("buses are late, parks are dirty, gp is impossible and the youth club closed",
        "the gym costs too much and i feel anxious", "crime", "hello")) {
      Classification c = classifier.classify(text);
      double last = Double.POSITIVE_INFINITY;
      for (ThemeScore s : c.themes()) {
        assertTrue(s.confidence() >= 0 && s.confidence() <= 1, s.toString());
        assertTrue(s.confidence() <= last, "sorted");
        last = s.confidence();
      }
      for (double d : classifier.confidences(text)) {
        assertTrue(d >= 0 && d <= 1);
      }
    }
  }

  @Test
  void thresholdsComeFromTheTrainedModel() throws Exception {
    var thresholds = classifier.thresholds();
    assertEquals(classifier.themes().stream().map(Theme::id).toList(), List.copyOf(thresholds.keySet()));
    JsonNode header = new ObjectMapper().readTree(classifier.modelInfo());
    for (JsonNode t : header.get("themes")) {
      double th = thresholds.get(t.get("id").asText());
      assertEquals(t.get("threshold").asDouble(), th, 1e-12);
      assertTrue(th >= Trainer.MIN_THRESHOLD && th <= Trainer.MAX_THRESHOLD);
    }
    // a theme is returned exactly when its confidence reaches its threshold
    String text = "the buses are rubbish and the park is a tip";
    double[] conf = classifier.confidences(text);
    Set<String> expected = new java.util.HashSet<>();
    for (int j = 0; j < conf.length; j++) {
      if (conf[j] >= thresholds.get(classifier.themes().get(j).id())) {
        expected.add(classifier.themes().get(j).id());
      }
    }
    assertEquals(expected, ids(classifier.classify(text)));
  }

  @Test
  void versionIsStableAndCacheIsReused() {
    assertTrue(classifier.modelVersion().matches("big-chat-[0-9a-f]{12}"), classifier.modelVersion());
    assertTrue(Files.isRegularFile(classifier.modelFile()));
    ThemeClassifier again = ThemeClassifier.loadOrTrain(INTENTS, "big-chat", CACHE);
    assertTrue(again.loadedFromCache());
    assertEquals(classifier.modelVersion(), again.modelVersion());
    assertEquals(classifier.modelFile(), again.modelFile());
    assertEquals(classifier.thresholds(), again.thresholds());
    String text = "the buses are rubbish and I can't get a GP appointment";
    assertEquals(ids(classifier.classify(text)), ids(again.classify(text)));
  }
}
