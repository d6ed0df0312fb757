package org.chinwag.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Fast tests of the pieces, no model training. */
class ClassifyPartsTest {

  @Test
  void segmenterSplitsClausesOfLongerReplies() {
    List<String> s = Segmenter.segments("the buses are rubbish and I can't get a GP appointment");
    assertEquals("the buses are rubbish and I can't get a GP appointment", s.get(0));
    assertTrue(s.contains("the buses are rubbish"), s.toString());
    assertTrue(s.contains("I can't get a GP appointment"), s.toString());
    assertEquals(List.of("hello"), Segmenter.segments("hello"));
  }

  @Test
  void segmenterUsesSentences() {
    List<String> s = Segmenter.segments("The park is a mess. The youth club has shut down too.");
    assertTrue(s.contains("The park is a mess."), s.toString());
  }

  @Test
  void tokenizerNormalisesApostrophesAndTextSpeak() {
    assertEquals(List.of("i", "cant", "get", "to", "the", "doctor", "because", "you", "are", "late"),
        Features.tokenize("I can't get to the Dr cos u r late!"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      the 4 stopped coming up our road        | true
      number 72 is always late                | true
      they cut the x84 to hourly              | true
      the 56a never turns up                  | true
      waiting for the 16                      | true
      the 8 o'clock rush for appointments     | false
      the 2 kids love the park                | false
      it was better in the 90s                | false
      the 10 minutes walk is fine             | false
      i'm 4 foot nothing                      | false
      """)
  void routeNumbersAreRecognised(String text, boolean route) {
    assertEquals(route, Features.RouteNumbers.named(Features.tokenize(text).toArray(new String[0])), text);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      the buses are rubbish                          | poor
      it's rubbish round here for kids               | poor
      the gp is so rubbish                           | poor
      there is rubbish everywhere                    | rubbish
      theres rubbish and dog mess in the park        | rubbish
      the buses are rubbish and i cant get a gp      | poor
      rubbish in the woods                           | rubbish
      people dump rubbish on the fields              | rubbish
      the field was rubbish bags from end to end     | rubbish
      """)
  void rubbishMeaningPoorIsNotLitter(String text, String readAs) {
    List<String> tokens = Features.RubbishAsAdjective.rewrite(Features.tokenize(text));
    assertTrue(tokens.contains(readAs), text + " -> " + tokens);
  }

  @ParameterizedTest
  @ValueSource(strings = {"yes", "ok thanks", "no", "hiya", "Armley", "ta", "nowt", "LS12", "bus",
      "I'm 67 and live in Armley", "Holbeck", "gp", "ey up"})
  void shortEnglishIsNotMistakenForAnotherLanguage(String text) {
    LanguageGuard g = new LanguageGuard(List.of("en"), Set.of("bus", "gp", "live"));
    assertEquals(new LanguageGuard.Result("en", true), g.detect(text));
  }

  @Test
  void longForeignTextIsDetected() {
    LanguageGuard g = new LanguageGuard(List.of("en"), Set.of());
    LanguageGuard.Result r = g.detect("Nie mogę dostać wizyty u lekarza rodzinnego od trzech tygodni");
    assertEquals("pl", r.language());
    assertTrue(!r.supported());
  }

  @Test
  void plattCalibrationIsMonotoneAndBounded() {
    double[] s = {0.01, 0.05, 0.2, 0.3, 0.6, 0.7, 0.9, 0.95, 0.99, 0.4};
    boolean[] y = {false, false, false, true, false, true, true, true, true, false};
    Platt p = Platt.fit(s, y);
    double last = -1;
    for (double x = 0; x <= 1.0; x += 0.05) {
      double v = p.apply(x);
      assertTrue(v >= 0 && v <= 1);
      assertTrue(v >= last);
      last = v;
    }
    // separable data must not blow up
    Platt sep = Platt.fit(new double[] {0.1, 0.2, 0.8, 0.9}, new boolean[] {false, false, true, true});
    assertTrue(Double.isFinite(sep.a()) && Double.isFinite(sep.b()));
  }

  @Test
  void augmentationIsDeterministicAndKeepsLabels() {
    List<Example> base = List.of(new Example("the buses are late", Set.of("transport")),
        new Example("the park is dirty", Set.of("green_spaces")), new Example("hello", Set.of()),
        new Example("thanks", Set.of()));
    assertEquals(Augmenter.augment(base, 1), Augmenter.augment(base, 1));
    for (Example e : Augmenter.augment(base, 1)) {
      if (e.text().contains("hello") || e.text().contains("thanks")) {
        if (!e.text().contains("bus") && !e.text().contains("park")) {
          assertEquals(Set.of(), e.labels(), e.text());
        }
      }
    }
  }

  @Test
  void bestThresholdMaximisesF1() {
    double[] s = {0.1, 0.25, 0.3, 0.6, 0.8};
    boolean[] y = {false, false, true, true, true};
    double t = Trainer.bestThreshold(s, y);
    assertTrue(t > 0.25 && t <= 0.3, "threshold " + t);
  }

  @Test
  void contentHashChangesWithTheTrainingData(@TempDir Path tmp) throws Exception {
    Path src = Path.of("intents", "big-chat");
    Path dst = tmp.resolve("big-chat");
    try (Stream<Path> files = Files.walk(src)) {
      for (Path p : files.toList()) {
        Path d = dst.resolve(src.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(d);
        } else {
          Files.copy(p, d);
        }
      }
    }
    String original = IntentsData.load(Path.of("intents"), "big-chat").contentHash;
    assertEquals(original, IntentsData.load(tmp, "big-chat").contentHash);
    // held-out data is not training data
    Files.writeString(dst.resolve("heldout.tsv"), "none\tsomething else\n");
    assertEquals(original, IntentsData.load(tmp, "big-chat").contentHash);
    Files.writeString(dst.resolve("examples").resolve("extra.tsv"), "transport\tthe tram never came\n");
    assertNotEquals(original, IntentsData.load(tmp, "big-chat").contentHash);
  }

  @Test
  void unknownThemeInExamplesIsRejected(@TempDir Path tmp) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("c").resolve("examples"));
    Files.writeString(tmp.resolve("c").resolve("themes.yaml"), "themes:\n  - id: transport\n    name: T\n");
    Files.writeString(dir.resolve("a.tsv"), "housing\tmy flat is damp\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IntentsData.load(tmp, "c"));
    assertTrue(e.getMessage().contains("housing"), e.getMessage());
  }
}
