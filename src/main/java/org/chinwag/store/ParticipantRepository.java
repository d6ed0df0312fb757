package org.chinwag.store;

import static org.chinwag.store.schema.Tables.PARTICIPANT;

import java.security.SecureRandom;
import java.util.Optional;
import org.chinwag.store.schema.tables.records.ParticipantRecord;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SQLDialect;

/** One person on one channel. Staff and the API only ever see the pseudonym. */
public final class ParticipantRepository {

    /** Letters and digits that cannot be confused when read aloud or written down (no 0/O, 1/I/L). */
    private static final char[] PSEUDONYM_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private static final Field<Consent> CONSENT = PARTICIPANT.CONSENT.convert(StoredEnums.CONSENT);

    private final DSLContext db;

    public ParticipantRepository(DSLContext db) {
        this.db = db;
    }

    public Optional<Participant> find(String channel, String channelUserId) {
        return db.selectFrom(PARTICIPANT)
                .where(PARTICIPANT.CHANNEL.eq(channel), PARTICIPANT.CHANNEL_USER_ID.eq(channelUserId))
                .fetchOptional(ParticipantRepository::participant);
    }

    public Optional<Participant> find(int id) {
        return db.selectFrom(PARTICIPANT).where(PARTICIPANT.ID.eq(id)).fetchOptional(ParticipantRepository::participant);
    }

    public Optional<Participant> findByPseudonym(String pseudonym) {
        return db.selectFrom(PARTICIPANT).where(PARTICIPANT.PSEUDONYM.eq(pseudonym))
                .fetchOptional(ParticipantRepository::participant);
    }

    private static Participant participant(ParticipantRecord p) {
        return new Participant(p.getId(), p.getPseudonym(), p.getCampaignId(), p.getChannel(), p.getChannelUserId(),
                p.getCreatedAt(), p.get(PARTICIPANT.CONSENT, StoredEnums.CONSENT), p.getConsentAt(),
                p.getConsentScriptId(), p.getConsentScriptVersion(),
                Boolean.TRUE.equals(p.getOptedIn()), Boolean.TRUE.equals(p.getActive()), p.getArea(), p.getAgeBand(),
                p.getCommunity());
    }

    /**
     * The person on this channel, created on their first message, and locked for the rest of the
     * transaction: where instances share the database (PostgreSQL) each person's messages are then
     * handled one after another, each reading the state the one before it left. Two first messages
     * at once create one row (the unique key decides).
     */
    public Participant findOrCreateLocked(String campaignId, String channel, String channelUserId,
                                          String language, long now) {
        Optional<Participant> found = findLocked(channel, channelUserId);
        if (found.isPresent()) return found.get();
        db.insertInto(PARTICIPANT).set(newParticipant(campaignId, channel, channelUserId, language, now))
                .onConflict(PARTICIPANT.CHANNEL, PARTICIPANT.CHANNEL_USER_ID).doNothing().execute();
        return findLocked(channel, channelUserId)
                .orElseThrow(() -> new IllegalStateException("a participant row was neither found nor created"));
    }

    private Optional<Participant> findLocked(String channel, String channelUserId) {
        var query = db.selectFrom(PARTICIPANT)
                .where(PARTICIPANT.CHANNEL.eq(channel), PARTICIPANT.CHANNEL_USER_ID.eq(channelUserId));
        // SQLite has no row locks: there one process owns the file and its writes take turns
        return (db.dialect().family() == SQLDialect.POSTGRES ? query.forUpdate().fetchOptional() : query.fetchOptional())
                .map(ParticipantRepository::participant);
    }

    /** A new participant; returns its id. */
    public int create(String campaignId, String channel, String channelUserId, String language, long now) {
        ParticipantRecord record = newParticipant(campaignId, channel, channelUserId, language, now);
        record.store();
        return record.getId();
    }

    private ParticipantRecord newParticipant(String campaignId, String channel, String channelUserId, String language, long now) {
        ParticipantRecord record = db.newRecord(PARTICIPANT);
        record.setCampaignId(campaignId);
        record.setChannel(channel);
        record.setChannelUserId(channelUserId);
        record.setPseudonym(uniquePseudonym());
        record.setLanguage(language);
        record.set(PARTICIPANT.CONSENT, Consent.NONE, StoredEnums.CONSENT);
        record.setOptedIn(false);
        record.setActive(true);
        record.setCreatedAt(now);
        record.setUpdatedAt(now);
        return record;
    }

    private String uniquePseudonym() {
        while (true) {
            StringBuilder name = new StringBuilder("P-");
            for (int i = 0; i < 8; i++) name.append(PSEUDONYM_ALPHABET[RANDOM.nextInt(PSEUDONYM_ALPHABET.length)]);
            String candidate = name.toString();
            if (!db.fetchExists(PARTICIPANT, PARTICIPANT.PSEUDONYM.eq(candidate))) return candidate;
        }
    }

    public void recordConsent(int id, Consent consent, String scriptId, int scriptVersion, long now) {
        db.update(PARTICIPANT)
                .set(CONSENT, consent)
                .set(PARTICIPANT.CONSENT_AT, now)
                .set(PARTICIPANT.CONSENT_SCRIPT_ID, scriptId)
                .set(PARTICIPANT.CONSENT_SCRIPT_VERSION, scriptVersion)
                .set(PARTICIPANT.ACTIVE, consent == Consent.GIVEN)
                .set(PARTICIPANT.UPDATED_AT, now)
                .where(PARTICIPANT.ID.eq(id))
                .execute();
    }

    /** Stores one about-you answer; {@code field} is area, age_band or community. */
    public void setProfile(int id, String field, String value, long now) {
        var column = switch (field) {
            case "area" -> PARTICIPANT.AREA;
            case "age_band" -> PARTICIPANT.AGE_BAND;
            case "community" -> PARTICIPANT.COMMUNITY;
            default -> throw new IllegalArgumentException("unknown about-you field: " + field);
        };
        db.update(PARTICIPANT).set(column, value).set(PARTICIPANT.UPDATED_AT, now)
                .where(PARTICIPANT.ID.eq(id)).execute();
    }

    public void setOptIn(int id, boolean optedIn, long now) {
        db.update(PARTICIPANT)
                .set(PARTICIPANT.OPTED_IN, optedIn)
                .set(PARTICIPANT.OPTED_IN_AT, optedIn ? now : null)
                .set(PARTICIPANT.UPDATED_AT, now)
                .where(PARTICIPANT.ID.eq(id))
                .execute();
    }

    public void setActive(int id, boolean active, long now) {
        db.update(PARTICIPANT).set(PARTICIPANT.ACTIVE, active).set(PARTICIPANT.UPDATED_AT, now)
                .where(PARTICIPANT.ID.eq(id)).execute();
    }

    /** /stop: no more messages of any kind, updates included. */
    public void stopAll(int id, long now) {
        db.update(PARTICIPANT)
                .set(PARTICIPANT.ACTIVE, false)
                .set(PARTICIPANT.OPTED_IN, false)
                .set(PARTICIPANT.OPTED_IN_AT, (Long) null)
                .set(PARTICIPANT.UPDATED_AT, now)
                .where(PARTICIPANT.ID.eq(id))
                .execute();
    }

    /** Erases the participant; conversations, messages and replies go with it (ON DELETE CASCADE). */
    public void delete(int id) {
        db.deleteFrom(PARTICIPANT).where(PARTICIPANT.ID.eq(id)).execute();
        Database.markErasing(db);
    }
}
