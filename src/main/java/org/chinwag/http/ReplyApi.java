package org.chinwag.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.chinwag.replies.Replies;
import org.chinwag.replies.Replies.Filter;
import org.chinwag.replies.Replies.Reply;

/**
 * Read-back of replies for integrations: {@code GET /api/replies} (JSON, paginated by id cursor)
 * and {@code GET /api/replies.csv}. Participants appear only by pseudonym. Reviewers correct a
 * reply's themes with {@code PUT /api/replies/{id}/themes}.
 */
public final class ReplyApi implements HttpServer.RouteSet {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = Replies.MAX_PAGE;
    private static final String[] CSV_COLUMNS = {"id", "participant", "campaign", "script", "script_version",
            "question", "text", "themes", "language", "needs_review", "event", "channel", "created_at"};

    private final Replies replies;
    private final BearerAuth auth;
    /** The campaign's theme ids, the only ones a reviewer may tag with. */
    private final Set<String> themeIds;

    public ReplyApi(Replies replies, BearerAuth auth, Set<String> themeIds) {
        this.replies = replies;
        this.auth = auth;
        this.themeIds = Set.copyOf(themeIds);
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/api/replies", this::json);
        routes.get("/api/replies.csv", this::csv);
        routes.put("/api/replies/{id}/themes", this::correctThemes);
    }

    /** A reviewer's word on what a reply is about; answers with the reply as listed. */
    private void correctThemes(Context ctx) {
        String reviewer = auth.require(ctx);
        int id = pathId(ctx);
        List<String> themes = themesIn(ctx.body());
        Reply reply = replies.correctThemes(id, themes, reviewer)
                .orElseThrow(() -> new NotFoundResponse("No reply " + id + ".", Map.of()));
        ctx.json(asJson(reply));
    }

    private static int pathId(Context ctx) {
        try {
            return Integer.parseInt(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new BadRequestResponse("The reply id must be a whole number.", Map.of());
        }
    }

    private List<String> themesIn(String body) {
        String usage = "Send JSON like {\"themes\": [\"transport\", \"gp_access\"]}, or {\"themes\": []} for none of them.";
        JsonNode themes;
        try {
            JsonNode json = HttpServer.JSON.readTree(body);
            themes = json == null ? null : json.get("themes");
        } catch (IOException e) {
            throw new BadRequestResponse(usage, Map.of());
        }
        if (themes == null || !themes.isArray()) throw new BadRequestResponse(usage, Map.of());
        List<String> out = new ArrayList<>();
        for (JsonNode theme : themes) {
            if (!theme.isTextual() || !themeIds.contains(theme.asText())) {
                throw new BadRequestResponse("Unknown theme " + theme + ": use one of " + new TreeSet<>(themeIds) + ".",
                        Map.of());
            }
            if (!out.contains(theme.asText())) out.add(theme.asText());
        }
        return out;
    }

    private void json(Context ctx) {
        auth.require(ctx);
        Filter filter = filter(ctx, MAX_LIMIT);
        List<Reply> page = replies.page(filter);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("replies", page.stream().map(ReplyApi::asJson).toList());
        // a full page may have more behind it: hand back the cursor for the next one
        body.put("next_after", page.size() == filter.limit() ? page.get(page.size() - 1).id() : null);
        ctx.json(body);
    }

    private void csv(Context ctx) throws IOException {
        auth.require(ctx);
        Filter filter = filter(ctx, Integer.MAX_VALUE);
        // without a limit, the whole selection
        if (ctx.queryParam("limit") == null) {
            filter = new Filter(filter.campaignId(), filter.fromMillis(), filter.toMillis(), filter.eventCode(),
                    filter.afterId(), Integer.MAX_VALUE);
        }
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = CSVFormat.RFC4180.builder().setHeader(CSV_COLUMNS).get().print(out)) {
            replies.each(filter, r -> {
                try {
                    printer.printRecord(r.id(), r.participant(), r.campaignId(), r.scriptId(), r.scriptVersion(),
                            r.questionId(), r.text(), String.join(";", r.themes()), r.language(), r.needsReview(),
                            r.eventCode(), r.channel(), Instant.ofEpochMilli(r.createdAt()).toString());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        ctx.contentType("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"replies.csv\"")
                .result(out.toString());
    }

    private static Map<String, Object> asJson(Reply r) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", r.id());
        json.put("participant", r.participant());
        json.put("campaign", r.campaignId());
        json.put("script", r.scriptId());
        json.put("script_version", r.scriptVersion());
        json.put("question", r.questionId());
        json.put("text", r.text());
        json.put("themes", r.themes());
        json.put("tags", r.tags().stream().map(t -> {
            Map<String, Object> tag = new LinkedHashMap<>();
            tag.put("theme", t.theme());
            tag.put("confidence", Math.round(t.confidence() * 1000) / 1000.0);
            tag.put("source", t.source().id());
            tag.put("model_version", t.modelVersion());
            tag.put("tagged_by", t.taggedBy());
            return tag;
        }).toList());
        json.put("language", r.language());
        json.put("needs_review", r.needsReview());
        json.put("event", r.eventCode());
        json.put("channel", r.channel());
        json.put("created_at", Instant.ofEpochMilli(r.createdAt()).toString());
        return json;
    }

    /** Query parameters: from, to (ISO date or instant, UTC), event, campaign, after (id cursor), limit. */
    static Filter filter(Context ctx, int maxLimit) {
        Long from = instant(ctx, "from", false);
        Long to = instant(ctx, "to", true);
        int after = integer(ctx, "after", 0, 0, Integer.MAX_VALUE);
        int limit = integer(ctx, "limit", Math.min(DEFAULT_LIMIT, maxLimit), 1, maxLimit);
        return new Filter(ctx.queryParam("campaign"), from, to, ctx.queryParam("event"), after, limit);
    }

    /** A date means its whole day: "to=2026-11-23" includes replies from that day. */
    private static Long instant(Context ctx, String name, boolean endOfDay) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) return null;
        try {
            if (raw.length() == 10) {
                LocalDate day = LocalDate.parse(raw);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
            }
            return Instant.parse(raw).toEpochMilli();
        } catch (ArithmeticException e) {
            // a valid instant, but millions of years away: further than a millisecond count reaches
            throw new BadRequestResponse("'" + name + "' is too far in the past or future: use a date like 2026-11-23.", Map.of());
        } catch (DateTimeParseException e) {
            throw new BadRequestResponse("'" + name + "' must be a date like 2026-11-23 or an instant like 2026-11-23T10:00:00Z.", Map.of());
        }
    }

    private static int integer(Context ctx, String name, int fallback, int min, int max) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) return fallback;
        try {
            int value = Integer.parseInt(raw);
            if (value < min || value > max) throw new NumberFormatException();
            return value;
        } catch (NumberFormatException e) {
            throw new BadRequestResponse("'" + name + "' must be a whole number from " + min + " to " + max + ".", Map.of());
        }
    }
}
