package org.chinwag.store;

import static org.chinwag.store.schema.Tables.MESSAGE;
import static org.chinwag.store.schema.Tables.PARTICIPANT;

import java.util.List;
import java.util.Optional;
import org.chinwag.store.schema.tables.records.MessageRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * Every message in and out. Inbound rows are unique on (channel, external id), which makes a
 * redelivered update a no-op; outbound rows are the outbox, sent and marked by {@code Outbox}.
 */
public final class MessageRepository {

    /** An outbound row queued before another (the outbox keeps each person's order). */
    private static final org.chinwag.store.schema.tables.Message EARLIER = MESSAGE.as("earlier");
    /** Direction and status as the enums, through their converters; the generated columns stay text. */
    private static final Field<Direction> DIRECTION = MESSAGE.DIRECTION.convert(StoredEnums.DIRECTION);
    private static final Field<MessageStatus> STATUS = MESSAGE.STATUS.convert(StoredEnums.MESSAGE_STATUS);
    private static final Field<Direction> EARLIER_DIRECTION = EARLIER.DIRECTION.convert(StoredEnums.DIRECTION);
    private static final Field<MessageStatus> EARLIER_STATUS = EARLIER.STATUS.convert(StoredEnums.MESSAGE_STATUS);

    private final DSLContext db;

    public MessageRepository(DSLContext db) {
        this.db = db;
    }

    /**
     * Stores an inbound message unless one with the same channel and external id is already stored.
     * Returns the new row, or empty for a duplicate. The unique key decides, not a read before the
     * insert: two instances storing the same delivery at once store it once.
     */
    public Optional<StoredMessage> insertInbound(int participantId, String campaignId, String channel,
                                                 String externalId, String kind, String body, long now) {
        MessageRecord record = db.newRecord(MESSAGE);
        record.setParticipantId(participantId);
        record.setCampaignId(campaignId);
        record.setChannel(channel);
        record.set(MESSAGE.DIRECTION, Direction.IN, StoredEnums.DIRECTION);
        record.setExternalId(externalId);
        record.setKind(kind);
        record.setBody(body);
        record.set(MESSAGE.STATUS, MessageStatus.RECEIVED, StoredEnums.MESSAGE_STATUS);
        record.setCreatedAt(now);
        if (externalId == null) {
            record.store();
            return Optional.of(stored(record));
        }
        int inserted = db.insertInto(MESSAGE).set(record)
                .onConflict(MESSAGE.CHANNEL, MESSAGE.DIRECTION, MESSAGE.EXTERNAL_ID).doNothing()
                .execute();
        if (inserted == 0) return Optional.empty();
        return db.selectFrom(MESSAGE).where(delivery(channel, externalId)).fetchOptional(MessageRepository::stored);
    }

    /** True when this delivery was already stored (checked before any work is done for it). */
    public boolean seen(String channel, String externalId) {
        return externalId != null && db.fetchExists(MESSAGE, delivery(channel, externalId));
    }

    /** The inbound row of one delivery: its unique key. */
    private static Condition delivery(String channel, String externalId) {
        return MESSAGE.CHANNEL.eq(channel).and(DIRECTION.eq(Direction.IN)).and(MESSAGE.EXTERNAL_ID.eq(externalId));
    }

    /** Queues a message to a participant; returns its id. */
    public int insertOutbound(int participantId, Integer conversationId, String campaignId, String channel,
                                        String body, String buttonsJson, long now) {
        return insertOutbound(participantId, null, conversationId, campaignId, channel, body, buttonsJson, now);
    }

    /** An outbound to someone whose participant row is gone (after /forget): addressed by channel id alone. */
    public int insertOutboundTo(String recipient, String campaignId, String channel, String body, long now) {
        return insertOutbound(null, recipient, null, campaignId, channel, body, null, now);
    }

    private int insertOutbound(Integer participantId, String recipient, Integer conversationId,
                                         String campaignId, String channel, String body, String buttonsJson, long now) {
        MessageRecord record = db.newRecord(MESSAGE);
        record.setParticipantId(participantId);
        record.setRecipient(recipient);
        record.setConversationId(conversationId);
        record.setCampaignId(campaignId);
        record.setChannel(channel);
        record.set(MESSAGE.DIRECTION, Direction.OUT, StoredEnums.DIRECTION);
        record.setKind("text");
        record.setBody(body);
        record.setButtons(buttonsJson);
        record.set(MESSAGE.STATUS, MessageStatus.PENDING, StoredEnums.MESSAGE_STATUS);
        record.setAttempts(0);
        record.setNextAttemptAt(now);
        record.setCreatedAt(now);
        record.store();
        return record.getId();
    }

    public void attachConversation(int messageId, int conversationId) {
        db.update(MESSAGE).set(MESSAGE.CONVERSATION_ID, conversationId).where(MESSAGE.ID.eq(messageId)).execute();
    }

    /**
     * Outbound rows due for sending on the given channels, oldest first, with the recipient's
     * channel id: for each person (or each chat addressed by channel id alone) only the oldest
     * pending message, so order is kept.
     */
    public List<PendingMessage> due(List<String> channels, long now, int limit) {
        return db.select(MESSAGE.ID, MESSAGE.PARTICIPANT_ID, MESSAGE.CHANNEL, RECIPIENT,
                        MESSAGE.BODY, MESSAGE.BUTTONS, MESSAGE.ATTEMPTS)
                .from(MESSAGE).leftJoin(PARTICIPANT).on(PARTICIPANT.ID.eq(MESSAGE.PARTICIPANT_ID))
                .where(DIRECTION.eq(Direction.OUT), STATUS.eq(MessageStatus.PENDING),
                        MESSAGE.CHANNEL.in(channels), MESSAGE.NEXT_ATTEMPT_AT.le(now),
                        // one at a time per person, oldest first: nothing overtakes a message waiting for a retry
                        DSL.notExists(DSL.selectOne().from(EARLIER).where(
                                EARLIER.PARTICIPANT_ID.eq(MESSAGE.PARTICIPANT_ID)
                                        .or(EARLIER.RECIPIENT.eq(MESSAGE.RECIPIENT).and(EARLIER.CHANNEL.eq(MESSAGE.CHANNEL))),
                                EARLIER_DIRECTION.eq(Direction.OUT), EARLIER_STATUS.eq(MessageStatus.PENDING),
                                EARLIER.ID.lt(MESSAGE.ID))))
                .orderBy(MESSAGE.ID)
                .limit(limit)
                .fetch(MessageRepository::pending);
    }

    private static final Field<String> RECIPIENT =
            DSL.coalesce(MESSAGE.RECIPIENT, PARTICIPANT.CHANNEL_USER_ID).as("recipient");

    private static PendingMessage pending(Record row) {
        return new PendingMessage(row.get(MESSAGE.ID), row.get(MESSAGE.PARTICIPANT_ID), row.get(MESSAGE.CHANNEL),
                row.get(RECIPIENT), row.get(MESSAGE.BODY), row.get(MESSAGE.BUTTONS),
                row.get(MESSAGE.ATTEMPTS));
    }

    /**
     * True when the outbound row is still pending and now this transaction's to send (PostgreSQL,
     * through {@link Database.Held#claim}): its lock is taken, and a row another instance holds is
     * skipped, not waited for.
     */
    public boolean claimPending(int id) {
        return db.select(MESSAGE.ID).from(MESSAGE).where(MESSAGE.ID.eq(id), STATUS.eq(MessageStatus.PENDING))
                .forUpdate().skipLocked().fetchOptional().isPresent();
    }

    public void markSent(int id, long now) {
        db.update(MESSAGE).set(STATUS, MessageStatus.SENT).set(MESSAGE.SENT_AT, now)
                .set(MESSAGE.ATTEMPTS, MESSAGE.ATTEMPTS.plus(1)).set(MESSAGE.LAST_ERROR, (String) null)
                .where(MESSAGE.ID.eq(id)).execute();
        forgetRecipient(id);
    }

    /**
     * A message to someone already erased is addressed by channel id alone; once it is delivered
     * (or given up on) that id is cleared, and the transaction counts as an erasure.
     */
    private void forgetRecipient(int id) {
        if (db.update(MESSAGE).set(MESSAGE.RECIPIENT, (String) null)
                .where(MESSAGE.ID.eq(id), MESSAGE.RECIPIENT.isNotNull()).execute() > 0) {
            Database.markErasing(db);
        }
    }

    public void markRetry(int id, long nextAttemptAt, String error) {
        db.update(MESSAGE).set(MESSAGE.NEXT_ATTEMPT_AT, nextAttemptAt)
                .set(MESSAGE.ATTEMPTS, MESSAGE.ATTEMPTS.plus(1)).set(MESSAGE.LAST_ERROR, error)
                .where(MESSAGE.ID.eq(id)).execute();
    }

    public void markFailed(int id, String error) {
        db.update(MESSAGE).set(STATUS, MessageStatus.FAILED)
                .set(MESSAGE.ATTEMPTS, MESSAGE.ATTEMPTS.plus(1)).set(MESSAGE.LAST_ERROR, error)
                .where(MESSAGE.ID.eq(id)).execute();
        forgetRecipient(id);
    }

    /** Gives up on everything still queued for a participant (they blocked the bot). */
    public int failPending(int participantId, String error) {
        return db.update(MESSAGE).set(STATUS, MessageStatus.FAILED).set(MESSAGE.LAST_ERROR, error)
                .where(MESSAGE.PARTICIPANT_ID.eq(participantId), DIRECTION.eq(Direction.OUT), STATUS.eq(MessageStatus.PENDING))
                .execute();
    }

    /** Deletes everything a participant sent (they declined to take part); the bot's own messages stay. */
    public int deleteTextFrom(int participantId) {
        int deleted = db.deleteFrom(MESSAGE)
                .where(MESSAGE.PARTICIPANT_ID.eq(participantId), DIRECTION.eq(Direction.IN))
                .execute();
        if (deleted > 0) Database.markErasing(db);
        return deleted;
    }

    /** A participant's messages in both directions after a message id, oldest first. */
    public List<StoredMessage> transcript(int participantId, int afterId) {
        return db.selectFrom(MESSAGE)
                .where(MESSAGE.PARTICIPANT_ID.eq(participantId), MESSAGE.ID.gt(afterId))
                .orderBy(MESSAGE.ID)
                .fetch(MessageRepository::stored);
    }

    /** The buttons (as stored JSON) of a participant's newest outbound messages that had any, newest first. */
    public List<String> recentButtons(int participantId, int limit) {
        return db.select(MESSAGE.BUTTONS).from(MESSAGE)
                .where(MESSAGE.PARTICIPANT_ID.eq(participantId), DIRECTION.eq(Direction.OUT), MESSAGE.BUTTONS.isNotNull())
                .orderBy(MESSAGE.ID.desc())
                .limit(limit)
                .fetch(MESSAGE.BUTTONS);
    }

    /** Messages by id, oldest first (the web chat reads a forgotten person's goodbye this way). */
    public List<StoredMessage> byIds(List<Integer> ids) {
        if (ids.isEmpty()) return List.of();
        return db.selectFrom(MESSAGE).where(MESSAGE.ID.in(ids)).orderBy(MESSAGE.ID).fetch(MessageRepository::stored);
    }

    private static StoredMessage stored(MessageRecord row) {
        boolean outbound = row.get(MESSAGE.DIRECTION, StoredEnums.DIRECTION) == Direction.OUT;
        return new StoredMessage(row.getId(), outbound, row.getKind(), row.getBody(), row.getButtons());
    }

    /** A stored message as a transcript shows it; {@code body} is null once retention removed the text. */
    public record StoredMessage(int id, boolean outbound, String kind, String body, String buttonsJson) {}

    /** An outbound row waiting to go: who to, what, and how often it was tried. */
    public record PendingMessage(int id, Integer participantId, String channel, String recipient,
                                 String body, String buttonsJson, int attempts) {}
}
