package org.chinwag.classify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.BinaryFileDataReader;
import opennlp.tools.ml.model.GenericModelReader;
import opennlp.tools.ml.model.GenericModelWriter;
import opennlp.tools.ml.model.MaxentModel;

/**
 * The cached model file, {@code <cacheDir>/<modelVersion>.bin}: a magic line, a JSON header
 * (version, content hash, themes, Platt parameters, thresholds, training metadata) and one
 * OpenNLP binary maxent model per theme, each length-prefixed.
 */
final class ModelStore {
  private static final String MAGIC = "chinwag-theme-model/1";
  private static final ObjectMapper JSON = new ObjectMapper();

  record Stored(ObjectNode header, MaxentModel[] models, Platt[] platts, double[] thresholds) {}

  private ModelStore() {}

  static void write(Path file, ObjectNode header, MaxentModel[] models) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName().toString(), ".tmp");
    try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(tmp));
        DataOutputStream out = new DataOutputStream(os)) {
      out.writeUTF(MAGIC);
      byte[] h = JSON.writeValueAsBytes(header);
      out.writeInt(h.length);
      out.write(h);
      out.writeInt(models.length);
      for (MaxentModel m : models) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        new GenericModelWriter((AbstractModel) m, new DataOutputStream(buf)).persist();
        out.writeInt(buf.size());
        buf.writeTo(out);
      }
    }
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  static Stored read(Path file, List<String> themeIds) throws IOException {
    try (InputStream is = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        DataInputStream in = new DataInputStream(is)) {
      if (!MAGIC.equals(in.readUTF())) {
        throw new IOException("not a theme model file: " + file);
      }
      byte[] h = new byte[in.readInt()];
      in.readFully(h);
      ObjectNode header = (ObjectNode) JSON.readTree(new String(h, StandardCharsets.UTF_8));
      int n = in.readInt();
      ArrayNode themes = (ArrayNode) header.get("themes");
      if (n != themeIds.size() || themes.size() != n) {
        throw new IOException("model file has " + n + " themes, expected " + themeIds.size());
      }
      MaxentModel[] models = new MaxentModel[n];
      Platt[] platts = new Platt[n];
      double[] thresholds = new double[n];
      for (int i = 0; i < n; i++) {
        JsonNode t = themes.get(i);
        if (!themeIds.get(i).equals(t.path("id").asText())) {
          throw new IOException("model file theme order differs from themes.yaml");
        }
        platts[i] = new Platt(t.path("plattA").asDouble(1), t.path("plattB").asDouble(0));
        thresholds[i] = t.path("threshold").asDouble(0.5);
        byte[] b = new byte[in.readInt()];
        in.readFully(b);
        models[i] = new GenericModelReader(new BinaryFileDataReader(new ByteArrayInputStream(b))).getModel();
      }
      return new Stored(header, models, platts, thresholds);
    }
  }
}
