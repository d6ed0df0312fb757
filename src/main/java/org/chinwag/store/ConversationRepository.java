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
    public Optional<ConversationRecord> latest(int participantId) {
        return db.selectFrom(CONVERSATION)
                .where(CONVERSATION.PARTICIPANT_ID.eq(participantId))
                .orderBy(CONVERSATION.ID.desc())
                .limit(1)
                .fetchOptional();
    }

    public ConversationRecord open(int participantId, String campaignId, StoredState state, long now) {
        ConversationRecord record = db.newRecord(CONVERSATION);
        record.setParticipantId(participantId);
        record.setCampaignId(campaignId);
        record.setStartedAt(now);
        apply(record, state, now);
        record.store();
        return record;
    }

    public void save(ConversationRecord record, StoredState state, long now) {
        apply(record, state, now);
        record.store();
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

    /** The engine state in the shape the table keeps it: the queryable parts, and the whole as JSON. */
    public record StoredState(String scriptId, int scriptVersion, String step, String status, String eventCode, String json) {}
}
