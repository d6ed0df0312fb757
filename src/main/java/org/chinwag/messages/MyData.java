package org.chinwag.messages;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.chinwag.store.ParticipantRepository;
import org.chinwag.store.ReplyRepository;
import org.chinwag.store.schema.tables.records.ParticipantRecord;
import org.chinwag.store.schema.tables.records.ReplyRecord;
import org.jooq.DSLContext;

/** Renders everything held about one participant, for /mydata and for staff answering an access request. */
public final class MyData {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    public static final String NOTHING_HELD = "We hold nothing about you.";

    private MyData() {}

    public static String describe(DSLContext db, int participantId) {
        ParticipantRecord p = new ParticipantRepository(db).find(participantId).orElse(null);
        if (p == null) return NOTHING_HELD;
        StringBuilder out = new StringBuilder("Here is everything we hold about you.\n");
        out.append("\nReference: ").append(p.getPseudonym());
        out.append("\nChat started: ").append(DATE.format(Instant.ofEpochMilli(p.getCreatedAt())));
        out.append("\nAgreed to take part: ").append(switch (p.getConsent()) {
            case "given" -> "yes, on " + DATE.format(Instant.ofEpochMilli(p.getConsentAt()));
            case "refused" -> "no";
            default -> "not yet asked";
        });
        out.append("\nHear what happens next: ").append(Boolean.TRUE.equals(p.getOptedIn()) ? "yes" : "no");
        line(out, "Area", p.getArea());
        line(out, "Age band", p.getAgeBand());
        line(out, "Community or group", p.getCommunity());
        var replies = new ReplyRepository(db).forParticipant(participantId);
        if (replies.isEmpty()) {
            out.append("\n\nYour answers: none yet.");
        } else {
            out.append("\n\nYour answers:");
            for (ReplyRecord reply : replies) out.append("\n- ").append(reply.getBody());
        }
        out.append("\n\nSend /forget to delete all of this.");
        return out.toString();
    }

    private static void line(StringBuilder out, String label, String value) {
        if (value != null && !value.isBlank()) out.append('\n').append(label).append(": ").append(value);
    }
}
