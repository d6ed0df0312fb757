package org.chinwag.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.chinwag.privacy.Redactor;
import org.chinwag.store.Database;
import org.chinwag.store.TagRepository;
import org.chinwag.store.schema.tables.records.ReplyTagRecord;
import org.chinwag.store.ReplyRepository;
import org.chinwag.store.ReplyRepository.ReplyFilter;
import org.chinwag.store.ReplyRepository.ReplyView;

/**
 * Read-back of replies for integrations: {@code GET /api/replies} (JSON, paginated by id cursor)
 * and {@code GET /api/replies.csv}. Participants appear only by pseudonym. Reviewers correct a
 * reply's themes with {@code PUT /api/replies/{id}/themes}.
 */
public final class ReplyApi implements HttpServer.RouteSet {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    private static final String[] CSV_COLUMNS = {"id", "participant", "campaign", "script", "script_version",
            "question", "text", "themes", "language", "needs_review", "event", "channel", "created_at"};
    /** Reviewers and integrations never see contact details or names residents typed. */
    private static final Redactor REDACTOR = new Redactor();

    private final Database database;
    private final BearerAuth auth;
    /** The campaign's theme ids, the only ones a reviewer may tag with. */
    private final Set<String> themeIds;
    private final Clock clock;

    public ReplyApi(Database database, BearerAuth auth, Set<String> themeIds, Clock clock) {
        this.database = database;
        this.auth = auth;
        this.themeIds = Set.copyOf(themeIds);
        this.clock = clock;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/api/replies", this::json);
        routes.get("/api/replies.csv", this::csv);
        routes.put("/api/replies/{id}/themes", this::correctThemes);
    }

    /**
     * A reviewer's word on what a reply is about: {@code {"themes": ["transport"]}} ({@code []} for
     * none of them). Replaces that reviewer-level judgement, outranks the participant's and the
     * model's, survives re-tagging, and records the token's name. Answers with the reply as listed.
     */
    private void correctThemes(Context ctx) {
        String reviewer = auth.require(ctx);
        int id = pathId(ctx);
        List<String> themes = themesIn(ctx.body());
        ReplyView reply = database.write(tx -> {
            Optional<ReplyView> found = new ReplyRepository(tx).byId(id);
            found.ifPresent(r -> new TagRepository(tx).setPeoplesTags(id, TagRepository.REVIEWER, themes, reviewer,
                    clock.millis()));
            return found.orElse(null);
        });
        if (reply == null) throw new NotFoundResponse("No reply " + id + ".", Map.of());
        ctx.json(asJson(reply, new TagRepository(database.dsl()).forReply(id)));
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
        ReplyFilter filter = filter(ctx, MAX_LIMIT);
        List<ReplyView> page = new ReplyRepository(database.dsl()).find(filter);
        var tags = tagsOf(page);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("replies", page.stream().map(r -> asJson(r, tags.getOrDefault(r.id(), List.of()))).toList());
        // a full page may have more behind it: hand back the cursor for the next one
        body.put("next_after", page.size() == filter.limit() ? page.get(page.size() - 1).id() : null);
        ctx.json(body);
    }

    private void csv(Context ctx) throws IOException {
        auth.require(ctx);
        ReplyFilter filter = filter(ctx, Integer.MAX_VALUE);
        var replies = new ReplyRepository(database.dsl());
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = CSVFormat.RFC4180.builder().setHeader(CSV_COLUMNS).get().print(out)) {
            // walk the whole selection a page at a time so memory stays flat
            int after = filter.afterId();
            int remaining = ctx.queryParam("limit") == null ? Integer.MAX_VALUE : filter.limit();
            while (remaining > 0) {
                int size = Math.min(remaining, MAX_LIMIT);
                List<ReplyView> page = replies.find(new ReplyFilter(filter.campaignId(), filter.fromMillis(),
                        filter.toMillis(), filter.eventCode(), after, size));
                var tags = tagsOf(page);
                for (ReplyView r : page) {
                    printer.printRecord(r.id(), r.participant(), r.campaignId(), r.scriptId(), r.scriptVersion(),
                            r.questionId(), REDACTOR.redact(r.text()),
                            String.join(";", TagRepository.effectiveThemes(tags.getOrDefault(r.id(), List.of()))),
                            r.language(), r.needsReview(), r.eventCode(), r.channel(),
                            Instant.ofEpochMilli(r.createdAt()).toString());
                }
                if (page.size() < size) break;
                after = page.get(page.size() - 1).id();
                remaining -= page.size();
            }
        }
        ctx.contentType("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"replies.csv\"")
                .result(out.toString());
    }

    private Map<Integer, List<ReplyTagRecord>> tagsOf(List<ReplyView> page) {
        return new TagRepository(database.dsl()).forReplies(page.stream().map(ReplyView::id).toList());
    }

    private static Map<String, Object> asJson(ReplyView r, List<ReplyTagRecord> tags) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", r.id());
        json.put("participant", r.participant());
        json.put("campaign", r.campaignId());
        json.put("script", r.scriptId());
        json.put("script_version", r.scriptVersion());
        json.put("question", r.questionId());
        json.put("text", REDACTOR.redact(r.text()));
        json.put("themes", TagRepository.effectiveThemes(tags));
        json.put("tags", tags.stream().map(t -> {
            Map<String, Object> tag = new LinkedHashMap<>();
            tag.put("theme", t.getTheme());
            tag.put("confidence", Math.round(t.getConfidence() * 1000) / 1000.0);
            tag.put("source", t.getSource());
            tag.put("model_version", t.getModelVersion());
            tag.put("tagged_by", t.getTaggedBy());
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
    static ReplyFilter filter(Context ctx, int maxLimit) {
        Long from = instant(ctx, "from", false);
        Long to = instant(ctx, "to", true);
        int after = integer(ctx, "after", 0, 0, Integer.MAX_VALUE);
        int limit = integer(ctx, "limit", Math.min(DEFAULT_LIMIT, maxLimit), 1, maxLimit);
        return new ReplyFilter(ctx.queryParam("campaign"), from, to, ctx.queryParam("event"), after, limit);
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
