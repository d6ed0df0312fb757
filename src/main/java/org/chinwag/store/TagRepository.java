package org.chinwag.store;

import static org.chinwag.store.schema.Tables.REPLY_TAG;

import java.util.List;
import org.chinwag.store.schema.tables.records.ReplyTagRecord;
import org.jooq.DSLContext;

/** Theme tags on replies, each with its source, so a person's judgement outranks the model's. */
public final class TagRepository {

    public static final String MODEL = "model";
    public static final String PARTICIPANT = "participant";
    public static final String REVIEWER = "reviewer";

    private final DSLContext db;

    public TagRepository(DSLContext db) {
        this.db = db;
    }

    public void add(int replyId, String theme, double confidence, String source, String modelVersion, long now) {
        db.insertInto(REPLY_TAG)
                .set(REPLY_TAG.REPLY_ID, replyId)
                .set(REPLY_TAG.THEME, theme)
                .set(REPLY_TAG.CONFIDENCE, confidence)
                .set(REPLY_TAG.SOURCE, source)
                .set(REPLY_TAG.MODEL_VERSION, modelVersion)
                .set(REPLY_TAG.CREATED_AT, now)
                .execute();
    }

    public List<ReplyTagRecord> forReply(int replyId) {
        return db.selectFrom(REPLY_TAG).where(REPLY_TAG.REPLY_ID.eq(replyId)).orderBy(REPLY_TAG.ID).fetch();
    }

    /** Removes the model's tags on a reply (before re-tagging); people's tags are kept. */
    public int removeModelTags(int replyId) {
        return db.deleteFrom(REPLY_TAG)
                .where(REPLY_TAG.REPLY_ID.eq(replyId), REPLY_TAG.SOURCE.eq(MODEL))
                .execute();
    }

    /** True when a person (the participant or a reviewer) has already said what this reply is about. */
    public boolean hasPeoplesTags(int replyId) {
        return db.fetchExists(REPLY_TAG, REPLY_TAG.REPLY_ID.eq(replyId), REPLY_TAG.SOURCE.ne(MODEL));
    }
}
