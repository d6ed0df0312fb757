package org.chinwag.store;

import static org.chinwag.store.schema.Tables.SIGN_IN_FAILURE;
import static org.chinwag.store.schema.Tables.STAFF_AUDIT;
import static org.chinwag.store.schema.Tables.STAFF_SESSION;
import static org.chinwag.store.schema.Tables.STAFF_USER;

import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * Staff accounts, their sessions, failed sign-ins and the audit trail. Roles are stored as their
 * ids ({@code admin}, {@code analyst}, {@code facilitator}); the accounts service owns what they mean.
 */
public final class StaffRepository {

    private final DSLContext db;

    public StaffRepository(DSLContext db) {
        this.db = db;
    }

    /** A staff account as stored (the password hash included: only the accounts service reads it). */
    public record StaffRow(int id, String email, String role, String passwordHash, boolean disabled, long createdAt) {}

    /** A live session: its user, CSRF token and times. */
    public record SessionRow(String tokenHash, int userId, String csrfToken, long createdAt, long lastSeenAt) {}

    /** One audit entry. */
    public record AuditRow(long at, Integer actorId, String action, Integer subjectId, String detail) {}

    // ---- users ----

    /** Adds a user; empty when one with that email already exists. */
    public Optional<Integer> addUser(String email, String role, String passwordHash, long now) {
        if (db.fetchExists(STAFF_USER, STAFF_USER.EMAIL.eq(email))) return Optional.empty();
        return Optional.of(db.insertInto(STAFF_USER)
                .set(STAFF_USER.EMAIL, email)
                .set(STAFF_USER.ROLE, role)
                .set(STAFF_USER.PASSWORD_HASH, passwordHash)
                .set(STAFF_USER.DISABLED, false)
                .set(STAFF_USER.CREATED_AT, now)
                .set(STAFF_USER.UPDATED_AT, now)
                .returning(STAFF_USER.ID).fetchOne(STAFF_USER.ID));
    }

    public Optional<StaffRow> byEmail(String email) {
        return db.selectFrom(STAFF_USER).where(STAFF_USER.EMAIL.eq(email)).fetchOptional(StaffRepository::user);
    }

    public Optional<StaffRow> byId(int id) {
        return db.selectFrom(STAFF_USER).where(STAFF_USER.ID.eq(id)).fetchOptional(StaffRepository::user);
    }

    /** Every account, by email. */
    public List<StaffRow> users() {
        return db.selectFrom(STAFF_USER).orderBy(STAFF_USER.EMAIL).fetch(StaffRepository::user);
    }

    /** How many accounts with this role are not disabled. */
    public int activeWithRole(String role) {
        return db.fetchCount(STAFF_USER, STAFF_USER.ROLE.eq(role), STAFF_USER.DISABLED.isFalse());
    }

    public boolean setRole(int id, String role, long now) {
        return db.update(STAFF_USER).set(STAFF_USER.ROLE, role).set(STAFF_USER.UPDATED_AT, now)
                .where(STAFF_USER.ID.eq(id)).execute() > 0;
    }

    public boolean disable(int id, long now) {
        return db.update(STAFF_USER).set(STAFF_USER.DISABLED, true).set(STAFF_USER.UPDATED_AT, now)
                .where(STAFF_USER.ID.eq(id)).execute() > 0;
    }

    public boolean setPasswordHash(int id, String passwordHash, long now) {
        return db.update(STAFF_USER).set(STAFF_USER.PASSWORD_HASH, passwordHash).set(STAFF_USER.UPDATED_AT, now)
                .where(STAFF_USER.ID.eq(id)).execute() > 0;
    }

    private static StaffRow user(Record r) {
        return new StaffRow(r.get(STAFF_USER.ID), r.get(STAFF_USER.EMAIL), r.get(STAFF_USER.ROLE),
                r.get(STAFF_USER.PASSWORD_HASH), r.get(STAFF_USER.DISABLED), r.get(STAFF_USER.CREATED_AT));
    }

    // ---- sessions ----

    public void addSession(String tokenHash, int userId, String csrfToken, long now) {
        db.insertInto(STAFF_SESSION)
                .set(STAFF_SESSION.TOKEN_HASH, tokenHash)
                .set(STAFF_SESSION.USER_ID, userId)
                .set(STAFF_SESSION.CSRF_TOKEN, csrfToken)
                .set(STAFF_SESSION.CREATED_AT, now)
                .set(STAFF_SESSION.LAST_SEEN_AT, now)
                .execute();
    }

    public Optional<SessionRow> session(String tokenHash) {
        return db.selectFrom(STAFF_SESSION).where(STAFF_SESSION.TOKEN_HASH.eq(tokenHash))
                .fetchOptional(r -> new SessionRow(r.getTokenHash(), r.getUserId(), r.getCsrfToken(), r.getCreatedAt(),
                        r.getLastSeenAt()));
    }

    public void touchSession(String tokenHash, long now) {
        db.update(STAFF_SESSION).set(STAFF_SESSION.LAST_SEEN_AT, now).where(STAFF_SESSION.TOKEN_HASH.eq(tokenHash)).execute();
    }

    public boolean deleteSession(String tokenHash) {
        return db.deleteFrom(STAFF_SESSION).where(STAFF_SESSION.TOKEN_HASH.eq(tokenHash)).execute() > 0;
    }

    /** Ends every session of a user (disabled, password reset, role changed). */
    public int deleteSessionsOf(int userId) {
        return db.deleteFrom(STAFF_SESSION).where(STAFF_SESSION.USER_ID.eq(userId)).execute();
    }

    /** Removes sessions idle since before {@code idleBefore} or begun before {@code createdBefore}. */
    public int deleteExpiredSessions(long idleBefore, long createdBefore) {
        return db.deleteFrom(STAFF_SESSION)
                .where(STAFF_SESSION.LAST_SEEN_AT.lt(idleBefore).or(STAFF_SESSION.CREATED_AT.lt(createdBefore))).execute();
    }

    // ---- failed sign-ins ----

    public void addFailure(String key, long now) {
        db.insertInto(SIGN_IN_FAILURE).set(SIGN_IN_FAILURE.THROTTLE_KEY, key).set(SIGN_IN_FAILURE.FAILED_AT, now).execute();
    }

    /** When each failure under {@code key} after {@code since} happened, oldest first. */
    public List<Long> failuresSince(String key, long since) {
        return db.select(SIGN_IN_FAILURE.FAILED_AT).from(SIGN_IN_FAILURE)
                .where(SIGN_IN_FAILURE.THROTTLE_KEY.eq(key), SIGN_IN_FAILURE.FAILED_AT.gt(since))
                .orderBy(SIGN_IN_FAILURE.FAILED_AT).fetch(SIGN_IN_FAILURE.FAILED_AT);
    }

    public void clearFailures(String key) {
        db.deleteFrom(SIGN_IN_FAILURE).where(SIGN_IN_FAILURE.THROTTLE_KEY.eq(key)).execute();
    }

    public void deleteFailuresBefore(long before) {
        db.deleteFrom(SIGN_IN_FAILURE).where(SIGN_IN_FAILURE.FAILED_AT.lt(before)).execute();
    }

    // ---- audit ----

    public void audit(long at, Integer actorId, String action, Integer subjectId, String detail) {
        db.insertInto(STAFF_AUDIT)
                .set(STAFF_AUDIT.AT, at)
                .set(STAFF_AUDIT.ACTOR_ID, actorId)
                .set(STAFF_AUDIT.ACTION, action)
                .set(STAFF_AUDIT.SUBJECT_ID, subjectId)
                .set(STAFF_AUDIT.DETAIL, detail)
                .execute();
    }

    /** The newest audit entries first. */
    public List<AuditRow> audit(int limit) {
        return db.selectFrom(STAFF_AUDIT).orderBy(STAFF_AUDIT.ID.desc()).limit(limit)
                .fetch(r -> new AuditRow(r.getAt(), r.getActorId(), r.getAction(), r.getSubjectId(), r.getDetail()));
    }
}
