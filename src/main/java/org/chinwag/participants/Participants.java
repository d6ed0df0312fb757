package org.chinwag.participants;

import java.util.List;
import java.util.Optional;
import org.chinwag.store.Consent;
import org.chinwag.store.Database;
import org.chinwag.store.Participant;
import org.chinwag.store.ParticipantRepository;
import org.chinwag.store.ReplyRepository;

/**
 * Staff acting on a resident's access or erasure request, by the reference (pseudonym) the resident
 * sees in /mydata. The API ({@code /api/participants/{ref}}) and the command line
 * ({@code participant show|forget}) both come here.
 */
public final class Participants {

    private final Database database;

    public Participants(Database database) {
        this.database = database;
    }

    /** Everything held about one participant; empty when there is no such reference. */
    public Optional<Held> describe(String pseudonym) {
        var db = database.dsl();
        return new ParticipantRepository(db).findByPseudonym(pseudonym).map(p -> new Held(p,
                new ReplyRepository(db).forParticipant(p.id()).stream()
                        .map(r -> new Answer(r.questionId(), r.body(), r.createdAt())).toList()));
    }

    /** Erases a participant and everything hanging off it, in one transaction; false when there is no such reference. */
    public boolean erase(String pseudonym) {
        return database.write(tx -> {
            var participants = new ParticipantRepository(tx);
            var found = participants.findByPseudonym(pseudonym);
            found.ifPresent(p -> participants.delete(p.id()));
            return found.isPresent();
        });
    }

    /**
     * What is held about one person: who they are to us (pseudonym, campaign, channel, consent,
     * about-you answers; never their channel id) and every reply. Times are epoch milliseconds.
     */
    public record Held(String pseudonym, String campaign, String channel, long createdAt, Consent consent,
                       Long consentAt, String consentScript, boolean optedIn, boolean active, String area,
                       String ageBand, String community, List<Answer> replies) {

        Held(Participant p, List<Answer> replies) {
            this(p.pseudonym(), p.campaignId(), p.channel(), p.createdAt(), p.consent(), p.consentAt(),
                    p.consentScriptId() == null ? null : p.consentScriptId() + " v" + p.consentScriptVersion(),
                    p.optedIn(), p.active(), p.area(), p.ageBand(), p.community(), replies);
        }
    }

    /** One reply: the question it answered, the words (null once retention removed them), when. */
    public record Answer(String question, String text, long createdAt) {}
}
