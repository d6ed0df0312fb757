package org.chinwag.classify;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code classify}: reads UTF-8 replies from {@code in}, one per line, and writes one JSON object
 * per line, in order: {@code {"text": "...", "themes": [{"id": "transport", "confidence": 0.91}],
 * "language": "en"}}, plus {@code "needsReview": true} for replies in another language.
 */
public final class ClassifyCli {
  private static final JsonFactory JSON = new JsonFactory();

  private ClassifyCli() {}

  public static void run(ThemeClassifier c, InputStream in, PrintStream out) {
    LanguageGuard.preloadInBackground();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.startsWith("\uFEFF")) {
          line = line.substring(1);
        }
        out.println(toJson(c.classify(line)));
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String toJson(Classification c) {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(w)) {
      g.writeStartObject();
      g.writeStringField("text", c.text());
      g.writeArrayFieldStart("themes");
      for (ThemeScore s : c.themes()) {
        g.writeStartObject();
        g.writeStringField("id", s.id());
        g.writeNumberField("confidence", Math.round(s.confidence() * 1000) / 1000.0);
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeStringField("language", c.language());
      if (c.needsReview()) {
        g.writeBooleanField("needsReview", true);
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }
}
