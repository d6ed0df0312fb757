package org.chinwag.store;

import static org.chinwag.store.schema.Tables.MESSAGE;
import static org.chinwag.store.schema.Tables.PARTICIPANT;
import static org.chinwag.store.schema.Tables.SAFEGUARDING_FLAG;

import java.util.List;
import org.jooq.DSLContext;

/** Safeguarding flags: raised by the inbox, seen first and acknowledged by staff. */
public final class SafeguardingFlagRepository {

    private final DSLContext db;

    public SafeguardingFlagRepository(DSLContext db) {
        this.db = db;
    }

    /** Flag levels, most pressing first: the order staff see open flags in. */
    public static final java.util.List<String> LEVELS = java.util.List.of("urgent", "check", "review");

    public int raise(int participantId, Integer messageId, String campaignId, String level, String categories,
                     String detectedBy, String language, long now) {
        if (!LEVELS.contains(level)) throw new IllegalArgumentException("unknown flag level " + level);
        return db.insertInto(SAFEGUARDING_FLAG)
                .set(SAFEGUARDING_FLAG.LEVEL, level)
                .set(SAFEGUARDING_FLAG.LANGUAGE, language)
                .set(SAFEGUARDING_FLAG.PARTICIPANT_ID, participantId)
                .set(SAFEGUARDING_FLAG.MESSAGE_ID, messageId)
                .set(SAFEGUARDING_FLAG.CAMPAIGN_ID, campaignId)
                .set(SAFEGUARDING_FLAG.CATEGORIES, categories)
                .set(SAFEGUARDING_FLAG.DETECTED_BY, detectedBy)
                .set(SAFEGUARDING_FLAG.CREATED_AT, now)
                .returningResult(SAFEGUARDING_FLAG.ID)
                .fetchOne(SAFEGUARDING_FLAG.ID);
    }

    /** Open flags first (urgent, then check, then review; oldest first within each), then acknowledged ones. */
    public List<FlagView> list(boolean includeAcknowledged, int limit) {
        var levelOrder = org.jooq.impl.DSL.when(SAFEGUARDING_FLAG.LEVEL.eq("urgent"), 0)
                .when(SAFEGUARDING_FLAG.LEVEL.eq("check"), 1).otherwise(2);
        var query = db.select(SAFEGUARDING_FLAG.ID, PARTICIPANT.PSEUDONYM, PARTICIPANT.CHANNEL, SAFEGUARDING_FLAG.LEVEL,
                        SAFEGUARDING_FLAG.LANGUAGE, SAFEGUARDING_FLAG.CATEGORIES,
                        SAFEGUARDING_FLAG.DETECTED_BY, SAFEGUARDING_FLAG.CREATED_AT, SAFEGUARDING_FLAG.ACKNOWLEDGED_AT,
                        SAFEGUARDING_FLAG.ACKNOWLEDGED_BY, MESSAGE.BODY)
                .from(SAFEGUARDING_FLAG).join(PARTICIPANT).on(PARTICIPANT.ID.eq(SAFEGUARDING_FLAG.PARTICIPANT_ID))
                .leftJoin(MESSAGE).on(MESSAGE.ID.eq(SAFEGUARDING_FLAG.MESSAGE_ID))
                .where(includeAcknowledged ? SAFEGUARDING_FLAG.ID.isNotNull() : SAFEGUARDING_FLAG.ACKNOWLEDGED_AT.isNull())
                .orderBy(SAFEGUARDING_FLAG.ACKNOWLEDGED_AT.isNull().desc(), levelOrder.asc(), SAFEGUARDING_FLAG.CREATED_AT.asc())
                .limit(limit);
        return query.fetch(row -> new FlagView(row.get(SAFEGUARDING_FLAG.ID), row.get(PARTICIPANT.PSEUDONYM),
                row.get(PARTICIPANT.CHANNEL), row.get(SAFEGUARDING_FLAG.LEVEL), row.get(SAFEGUARDING_FLAG.LANGUAGE),
                row.get(SAFEGUARDING_FLAG.CATEGORIES), row.get(SAFEGUARDING_FLAG.DETECTED_BY),
                row.get(SAFEGUARDING_FLAG.CREATED_AT), row.get(SAFEGUARDING_FLAG.ACKNOWLEDGED_AT),
                row.get(SAFEGUARDING_FLAG.ACKNOWLEDGED_BY), row.get(MESSAGE.BODY)));
    }

    public boolean acknowledge(int flagId, String by, long now) {
        return db.update(SAFEGUARDING_FLAG)
                .set(SAFEGUARDING_FLAG.ACKNOWLEDGED_AT, now)
                .set(SAFEGUARDING_FLAG.ACKNOWLEDGED_BY, by)
                .where(SAFEGUARDING_FLAG.ID.eq(flagId), SAFEGUARDING_FLAG.ACKNOWLEDGED_AT.isNull())
                .execute() > 0;
    }

    /** A flag as staff see it: who by pseudonym, when, what kind, what was said (unless expired), who acknowledged it. */
    public record FlagView(int id, String participant, String channel, String level, String language, String categories, String detectedBy,
                           long createdAt, Long acknowledgedAt, String acknowledgedBy, String text) {}
}
