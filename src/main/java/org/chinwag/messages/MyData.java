package org.chinwag.messages;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.chinwag.store.Participant;
import org.chinwag.store.ParticipantRepository;
import org.chinwag.store.ReplyRepository;
import org.chinwag.store.ReplyRepository.ReplyText;
import org.jooq.DSLContext;

/** Renders everything held about one participant, for /mydata and for staff answering an access request. */
public final class MyData {

    /** Residents are in the UK: their own clock time, GMT or BST as the date falls, named so it is clear. */
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm z", Locale.UK)
            .withZone(ZoneId.of("Europe/London"));

    public static final String NOTHING_HELD = "We hold nothing about you.";

    private MyData() {}

    /**
     * @param profileLabels the script's words for stored profile values, by field then value; a
     *                      value with none (typed text, such as an area) is shown as stored
     */
    public static String describe(DSLContext db, int participantId, Map<String, Map<String, String>> profileLabels) {
        Participant p = new ParticipantRepository(db).find(participantId).orElse(null);
        if (p == null) return NOTHING_HELD;
        StringBuilder out = new StringBuilder("Here is everything we hold about you.\n");
        out.append("\nReference: ").append(p.pseudonym());
        out.append("\nChat started: ").append(DATE.format(Instant.ofEpochMilli(p.createdAt())));
        out.append("\nAgreed to take part: ").append(switch (p.consent()) {
            case GIVEN -> "yes, on " + DATE.format(Instant.ofEpochMilli(p.consentAt()));
            case REFUSED -> "no";
            case NONE -> "not yet asked";
        });
        out.append("\nHear what happens next: ").append(p.optedIn() ? "yes" : "no");
        line(out, "Area", shown(profileLabels, "area", p.area()));
        line(out, "Age band", shown(profileLabels, "age_band", p.ageBand()));
        line(out, "Community or group", shown(profileLabels, "community", p.community()));
        var replies = new ReplyRepository(db).forParticipant(participantId);
        if (replies.isEmpty()) {
            out.append("\n\nYour answers: none yet.");
        } else {
            out.append("\n\nYour answers:");
            for (ReplyText reply : replies) out.append("\n- ").append(reply.body());
        }
        out.append("\n\nSend /forget to delete all of this.");
        return out.toString();
    }

    private static String shown(Map<String, Map<String, String>> profileLabels, String field, String value) {
        return value == null ? null : profileLabels.getOrDefault(field, Map.of()).getOrDefault(value, value);
    }

    private static void line(StringBuilder out, String label, String value) {
        if (value != null && !value.isBlank()) out.append('\n').append(label).append(": ").append(value);
    }
}
