package org.chinwag.store;

import static org.chinwag.store.schema.Tables.PARTICIPANT;
import static org.chinwag.store.schema.Tables.REPLY;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.chinwag.store.schema.tables.records.ReplyRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Answers to the script's questions, and the pseudonymous read-back used by the API and exports. */
public final class ReplyRepository {

    private final DSLContext db;

    public ReplyRepository(DSLContext db) {
        this.db = db;
    }

    /** Stores a reply; returns its id. */
    public int insert(NewReply reply) {
        ReplyRecord record = db.newRecord(REPLY);
        record.setParticipantId(reply.participantId());
        record.setConversationId(reply.conversationId());
        record.setMessageId(reply.messageId());
        record.setCampaignId(reply.campaignId());
        record.setScriptId(reply.scriptId());
        record.setScriptVersion(reply.scriptVersion());
        record.setQuestionId(reply.questionId());
        record.setBody(reply.body());
        record.setLanguage(reply.language());
        record.setNeedsReview(reply.needsReview());
        record.setEventCode(reply.eventCode());
        record.setCreatedAt(reply.createdAt());
        record.store();
        return record.getId();
    }

    /** Replies matching the filter in id order, starting after {@code filter.afterId()}. */
    public List<ReplyView> find(ReplyFilter filter) {
        List<Condition> where = new ArrayList<>();
        if (filter.campaignId() != null) where.add(REPLY.CAMPAIGN_ID.eq(filter.campaignId()));
        if (filter.fromMillis() != null) where.add(REPLY.CREATED_AT.ge(filter.fromMillis()));
        if (filter.toMillis() != null) where.add(REPLY.CREATED_AT.lt(filter.toMillis()));
        if (filter.eventCode() != null) where.add(REPLY.EVENT_CODE.eq(filter.eventCode()));
        where.add(REPLY.ID.gt(filter.afterId()));
        return db.select(REPLY.ID, PARTICIPANT.PSEUDONYM, REPLY.CAMPAIGN_ID, REPLY.SCRIPT_ID, REPLY.SCRIPT_VERSION,
                        REPLY.QUESTION_ID, REPLY.BODY, REPLY.LANGUAGE, REPLY.NEEDS_REVIEW, REPLY.EVENT_CODE,
                        PARTICIPANT.CHANNEL, REPLY.CREATED_AT)
                .from(REPLY).join(PARTICIPANT).on(PARTICIPANT.ID.eq(REPLY.PARTICIPANT_ID))
                .where(DSL.and(where))
                .orderBy(REPLY.ID)
                .limit(filter.limit())
                .fetch(row -> new ReplyView(row.get(REPLY.ID), row.get(PARTICIPANT.PSEUDONYM),
                        row.get(REPLY.CAMPAIGN_ID), row.get(REPLY.SCRIPT_ID), row.get(REPLY.SCRIPT_VERSION),
                        row.get(REPLY.QUESTION_ID), row.get(REPLY.BODY), row.get(REPLY.LANGUAGE),
                        row.get(REPLY.NEEDS_REVIEW), row.get(REPLY.EVENT_CODE), row.get(PARTICIPANT.CHANNEL),
                        row.get(REPLY.CREATED_AT)));
    }

    /** One reply as reviewers see it, by id. */
    public Optional<ReplyView> byId(int id) {
        return find(new ReplyFilter(null, null, null, null, id - 1, 1)).stream().filter(r -> r.id() == id).findFirst();
    }

    /** The id of the most recent reply to {@code questionId} in this conversation (a question may be answered twice, e.g. after a safeguarding pause). */
    public Optional<Integer> latestFor(int conversationId, String questionId) {
        return db.select(REPLY.ID).from(REPLY)
                .where(REPLY.CONVERSATION_ID.eq(conversationId), REPLY.QUESTION_ID.eq(questionId))
                .orderBy(REPLY.ID.desc())
                .limit(1)
                .fetchOptional(REPLY.ID);
    }

    /** Everything a participant answered, oldest first. */
    public List<ReplyText> forParticipant(int participantId) {
        return db.selectFrom(REPLY).where(REPLY.PARTICIPANT_ID.eq(participantId)).orderBy(REPLY.ID)
                .fetch(ReplyRepository::text);
    }

    /** Up to {@code limit} replies after {@code afterId} whose text is still held, in id order (re-tagging walks these). */
    public List<ReplyText> withTextAfter(int afterId, int limit) {
        return db.selectFrom(REPLY)
                .where(REPLY.ID.gt(afterId), REPLY.TEXT_EXPIRED_AT.isNull(), REPLY.BODY.ne(""))
                .orderBy(REPLY.ID).limit(limit).fetch(ReplyRepository::text);
    }

    /** What the model now says of a reply's language, and whether staff should read it. */
    public void setAnalysis(int replyId, String language, boolean needsReview) {
        db.update(REPLY).set(REPLY.LANGUAGE, language).set(REPLY.NEEDS_REVIEW, needsReview)
                .where(REPLY.ID.eq(replyId)).execute();
    }

    private static ReplyText text(ReplyRecord r) {
        return new ReplyText(r.getId(), r.getQuestionId(), r.getBody(), r.getCreatedAt());
    }

    /** A reply's words: which question it answered, what was said (null once retention removed it), when. */
    public record ReplyText(int id, String questionId, String body, long createdAt) {}

    public record NewReply(int participantId, int conversationId, int messageId, String campaignId, String scriptId,
                           int scriptVersion, String questionId, String body, String language, boolean needsReview,
                           String eventCode, long createdAt) {}

    /** Which replies to read: every field but the page is optional (null = any). */
    public record ReplyFilter(String campaignId, Long fromMillis, Long toMillis, String eventCode, int afterId, int limit) {}

    /** A reply as integrations see it: the participant only by pseudonym. */
    public record ReplyView(int id, String participant, String campaignId, String scriptId, int scriptVersion,
                            String questionId, String text, String language, boolean needsReview, String eventCode,
                            String channel, long createdAt) {}
}
