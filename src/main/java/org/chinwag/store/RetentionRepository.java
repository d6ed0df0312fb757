package org.chinwag.store;

import static org.chinwag.store.schema.Tables.MESSAGE;
import static org.chinwag.store.schema.Tables.PARTICIPANT;
import static org.chinwag.store.schema.Tables.REPLY;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The deletions the retention period calls for. Raw text goes; what is needed for anonymous
 * aggregates (that a reply to a question was given, when, its themes) stays.
 */
public final class RetentionRepository {

    /** Prefix that replaces the channel id of a participant whose link to a real account was cut. */
    public static final String EXPIRED_PREFIX = "expired:";

    private final DSLContext db;

    public RetentionRepository(DSLContext db) {
        this.db = db;
    }

    /** Rows changed by a deletion: when there are any, the transaction counts as an erasure. */
    private int erasing(int changed) {
        if (changed > 0) Database.markErasing(db);
        return changed;
    }

    /** Deletes the text of every message, in or out, created before {@code cutoff}. */
    public int expireMessageText(long cutoff) {
        return erasing(db.update(MESSAGE)
                .set(MESSAGE.BODY, (String) null)
                .set(MESSAGE.BUTTONS, (String) null)
                .where(MESSAGE.CREATED_AT.lt(cutoff), MESSAGE.BODY.isNotNull())
                .execute());
    }

    /** Blanks the text of replies given before {@code cutoff}, keeping the row for counts and themes. */
    public int expireReplyText(long cutoff, long now) {
        return erasing(db.update(REPLY)
                .set(REPLY.BODY, "")
                .set(REPLY.TEXT_EXPIRED_AT, now)
                .where(REPLY.CREATED_AT.lt(cutoff), REPLY.TEXT_EXPIRED_AT.isNull())
                .execute());
    }

    /**
     * Deletes participants who never sent anything and were made before {@code cutoff}: web chat
     * sessions opened and never used. They hold nothing but a hashed browser secret.
     */
    public int deleteUnusedParticipants(long cutoff) {
        var anyMessage = DSL.selectOne().from(MESSAGE).where(MESSAGE.PARTICIPANT_ID.eq(PARTICIPANT.ID));
        return erasing(db.deleteFrom(PARTICIPANT)
                .where(PARTICIPANT.CREATED_AT.lt(cutoff), DSL.notExists(anyMessage))
                .execute());
    }

    /**
     * Cuts the link between a pseudonym and a real account for people who have said nothing since
     * {@code cutoff}: the channel id is replaced, free-text about-you goes, updates stop.
     */
    public int anonymiseDormantParticipants(long cutoff, long now) {
        var recentMessage = DSL.selectOne().from(MESSAGE)
                .where(MESSAGE.PARTICIPANT_ID.eq(PARTICIPANT.ID), MESSAGE.CREATED_AT.ge(cutoff));
        return erasing(db.update(PARTICIPANT)
                .set(PARTICIPANT.CHANNEL_USER_ID, DSL.concat(DSL.inline(EXPIRED_PREFIX), PARTICIPANT.PSEUDONYM))
                .set(PARTICIPANT.COMMUNITY, (String) null)
                .set(PARTICIPANT.OPTED_IN, false)
                .set(PARTICIPANT.OPTED_IN_AT, (Long) null)
                .set(PARTICIPANT.ACTIVE, false)
                .set(PARTICIPANT.UPDATED_AT, now)
                .where(PARTICIPANT.CREATED_AT.lt(cutoff),
                        PARTICIPANT.CHANNEL_USER_ID.notLike(EXPIRED_PREFIX + "%"),
                        DSL.notExists(recentMessage))
                .execute());
    }
}
