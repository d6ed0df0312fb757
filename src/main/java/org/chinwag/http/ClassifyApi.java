package org.chinwag.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.chinwag.messages.TextAnalysis;
import org.chinwag.messages.TextAnalyzer;

/**
 * {@code POST /api/classify} with {@code {"text": "..."}}: the same JSON the {@code classify} command
 * prints for one line. Nothing is stored.
 */
public final class ClassifyApi implements HttpServer.RouteSet {

    static final int MAX_TEXT = 4000;

    private final TextAnalyzer analyzer;
    private final BearerAuth auth;

    public ClassifyApi(TextAnalyzer analyzer, BearerAuth auth) {
        this.analyzer = analyzer;
        this.auth = auth;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.post("/api/classify", this::classify);
    }

    private void classify(Context ctx) {
        auth.require(ctx);
        String text = text(ctx);
        ctx.json(asJson(text, analyzer.analyse(text)));
    }

    private static String text(Context ctx) {
        JsonNode body;
        try {
            body = HttpServer.JSON.readTree(ctx.body());
        } catch (IOException e) {
            throw new BadRequestResponse("Send JSON like {\"text\": \"the buses are late\"}.", Map.of());
        }
        JsonNode text = body == null ? null : body.get("text");
        if (text == null || !text.isTextual()) {
            throw new BadRequestResponse("Send JSON like {\"text\": \"the buses are late\"}.", Map.of());
        }
        if (text.asText().length() > MAX_TEXT) {
            throw new BadRequestResponse("'text' can be at most " + MAX_TEXT + " characters.", Map.of());
        }
        return text.asText();
    }

    /**
     * One classified reply: {@code text}, {@code themes} (above threshold, highest first, rounded
     * confidences), {@code language}, {@code risk} (true whenever the bot would send helplines),
     * {@code risk_level} (urgent, check or none), {@code risk_categories}, and {@code needs_review}
     * when the language has no training data or no safeguarding cues.
     */
    public static Map<String, Object> asJson(String text, TextAnalysis analysis) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("text", text);
        json.put("themes", analysis.themes().stream().map(t -> {
            Map<String, Object> theme = new LinkedHashMap<>();
            theme.put("id", t.theme());
            theme.put("confidence", Math.round(t.confidence() * 1000) / 1000.0);
            return theme;
        }).toList());
        json.put("language", analysis.language());
        json.put("risk", analysis.risk().atRisk());
        json.put("risk_level", analysis.risk().level());
        json.put("risk_categories", analysis.risk().categories());
        if (analysis.needsReview() || analysis.risk().needsReview()) json.put("needs_review", true);
        return json;
    }
}
