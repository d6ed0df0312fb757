package org.chinwag.store;

import static org.chinwag.store.schema.Tables.CONVERSATION;

import java.util.Optional;
import org.chinwag.store.schema.tables.records.ConversationRecord;
import org.jooq.DSLContext;

/** Conversations and the engine state each one is in. */
public final class ConversationRepository {

    private final DSLContext db;

    public ConversationRepository(DSLContext db) {
        this.db = db;
    }

    /** The participant's current conversation: the most recently started one. */
    public Optional<Conversation> latest(int participantId) {
        return db.selectFrom(CONVERSATION)
                .where(CONVERSATION.PARTICIPANT_ID.eq(participantId))
                .orderBy(CONVERSATION.ID.desc())
                .limit(1)
                .fetchOptional(c -> new Conversation(c.getId(), c.getState()));
    }

    public Conversation open(int participantId, String campaignId, StoredState state, long now) {
        ConversationRecord record = db.newRecord(CONVERSATION);
        record.setParticipantId(participantId);
        record.setCampaignId(campaignId);
        record.setStartedAt(now);
        apply(record, state, now);
        record.store();
        return new Conversation(record.getId(), record.getState());
    }

    public void save(int conversationId, StoredState state, long now) {
        ConversationRecord record = db.newRecord(CONVERSATION);
        apply(record, state, now);
        db.update(CONVERSATION).set(record).where(CONVERSATION.ID.eq(conversationId)).execute();
    }

    private static void apply(ConversationRecord record, StoredState state, long now) {
        record.setScriptId(state.scriptId());
        record.setScriptVersion(state.scriptVersion());
        record.setStep(state.step());
        record.setStatus(state.status());
        record.setEventCode(state.eventCode());
        record.setState(state.json());
        record.setUpdatedAt(now);
    }

    /** A conversation: its id and the engine state it was left in, as JSON. */
    public record Conversation(int id, String stateJson) {}

    /** The engine state in the shape the table keeps it: the queryable parts, and the whole as JSON. */
    public record StoredState(String scriptId, int scriptVersion, String step, String status, String eventCode, String json) {}
}
