package org.chinwag.webchat;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.chinwag.conversation.Outbound;
import org.chinwag.messages.Json;
import org.chinwag.store.Database;
import org.chinwag.store.MessageRepository;
import org.chinwag.store.MessageRepository.StoredMessage;
import org.chinwag.store.ParticipantRepository;
import org.chinwag.store.Sha256;

/**
 * The web chat's sessions and transcripts. A session is a random secret the browser keeps; the
 * participant's channel id is only its SHA-256, so a copy of the database opens no one's
 * transcript. Both directions are read from the stored messages, so a reload, another device with
 * the same session, or a restart all show the same conversation.
 */
public final class WebChatSessions {

    public static final String CHANNEL = "web";
    /** How many of the newest messages with buttons a press may come from (older ones are stale anyway). */
    private static final int OFFERS_SEARCHED = 10;

    private final Database database;
    private final String campaignId;
    private final Clock clock;

    public WebChatSessions(Database database, String campaignId, Clock clock) {
        this.database = database;
        this.campaignId = campaignId;
        this.clock = clock;
    }

    /** The participant's channel id for a session secret: lower-case hex SHA-256. */
    public static String channelUserId(String secret) {
        return Sha256.hex(secret);
    }

    /**
     * A new resident's session. The participant row is made now, so that later a session the server
     * never issued (or one whose data was deleted with /forget) can be told apart and refused.
     */
    public void open(String secret, String language) {
        database.write(tx -> new ParticipantRepository(tx).create(campaignId, CHANNEL, channelUserId(secret), language,
                clock.millis()));
    }

    /** The session's participant, while anything is held about them. */
    public Optional<Session> find(String secret) {
        return new ParticipantRepository(database.dsl()).find(CHANNEL, channelUserId(secret))
                .map(p -> new Session(p.id(), p.channelUserId()));
    }

    /** The participant's messages in both directions after message {@code afterId}, oldest first. */
    public List<Line> transcript(Session session, int afterId) {
        return lines(new MessageRepository(database.dsl()).transcript(session.participantId(), afterId));
    }

    /** Messages by id (a forgotten resident's goodbye, whose transcript is gone), oldest first. */
    public List<Line> messages(List<Integer> ids) {
        return lines(new MessageRepository(database.dsl()).byIds(ids));
    }

    /**
     * The words of the button with {@code value} that the chat offered this participant most
     * recently, or null if it offered none: what a pressed button is stored as comes from the
     * script, never from the browser.
     */
    public String offeredLabel(Session session, String value) {
        for (String offered : new MessageRepository(database.dsl()).recentButtons(session.participantId(), OFFERS_SEARCHED)) {
            for (Outbound.Button button : Json.buttons(offered)) {
                if (button.value().equals(value)) return button.label();
            }
        }
        return null;
    }

    private static List<Line> lines(List<StoredMessage> rows) {
        // a message whose text the retention job removed has nothing left to show
        return rows.stream().filter(row -> row.body() != null)
                .map(row -> new Line(row.id(), row.outbound(), row.body(),
                        row.outbound() ? Json.buttons(row.buttonsJson()) : List.of(), row.kind()))
                .toList();
    }

    /** A live session: whose it is. */
    public record Session(int participantId, String channelUserId) {}

    /** One message of a transcript: who said it, the words, the buttons offered with it, its kind ("text", "command", ...). */
    public record Line(int id, boolean fromBot, String text, List<Outbound.Button> buttons, String kind) {}
}
