package org.chinwag.flags;

import java.time.Clock;
import java.util.List;
import org.chinwag.privacy.Redactor;
import org.chinwag.store.Database;
import org.chinwag.store.SafeguardingFlagRepository;
import org.chinwag.store.SafeguardingFlagRepository.FlagView;

/**
 * Safeguarding flags as staff work through them: open ones first (urgent, then check-ins, then
 * messages in a language the detector cannot read), and acknowledging one records who and when.
 * The inbox raises them; the detector itself ({@code safeguard}) does no I/O.
 */
public final class SafeguardingFlags {

    /** The most flags one listing returns. */
    static final int LISTED = 500;
    private static final Redactor REDACTOR = new Redactor();

    private final Database database;
    private final Clock clock;

    public SafeguardingFlags(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Open flags, most pressing first; with {@code includeAcknowledged}, acknowledged ones after them. */
    public List<Flag> list(boolean includeAcknowledged) {
        return new SafeguardingFlagRepository(database.dsl()).list(includeAcknowledged, LISTED).stream()
                .map(SafeguardingFlags::flag).toList();
    }

    /** Records that {@code by} has seen to an open flag; false when there is no open flag with that id. */
    public boolean acknowledge(int flagId, String by) {
        return database.write(tx -> new SafeguardingFlagRepository(tx).acknowledge(flagId, by, clock.millis()));
    }

    private static Flag flag(FlagView f) {
        return new Flag(f.id(), f.participant(), f.channel(), f.level(),
                f.categories().isEmpty() ? List.of() : List.of(f.categories().split(",")), f.language(), f.detectedBy(),
                f.createdAt(), f.text() == null ? null : REDACTOR.redact(f.text()), f.acknowledgedAt(), f.acknowledgedBy());
    }

    /**
     * A flag as staff see it: who by pseudonym, what kind, what was said (redacted; null once
     * retention removed it), who acknowledged it and when (null while open). Times in epoch ms.
     */
    public record Flag(int id, String participant, String channel, String level, List<String> categories,
                       String language, String detectedBy, long createdAt, String text, Long acknowledgedAt,
                       String acknowledgedBy) {}
}
