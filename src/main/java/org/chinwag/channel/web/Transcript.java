package org.chinwag.channel.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chinwag.http.HttpServer;
import org.chinwag.store.MessageRepository;
import org.chinwag.store.schema.tables.records.MessageRecord;

/**
 * Stored messages as the page shows them: {@code {id, from: "you"|"bot", text, buttons, kind}}.
 * Both directions come from the {@code message} table, so a reload, another device with the same
 * session, or a restart of the service all show the same conversation.
 */
final class Transcript {

    private static final TypeReference<List<Map<String, String>>> BUTTONS = new TypeReference<>() {};
    /** How many of the newest messages with buttons a press may come from (older ones are stale anyway). */
    private static final int OFFERS_SEARCHED = 10;

    private Transcript() {}

    static List<Map<String, Object>> items(List<MessageRecord> rows) {
        // a message whose text the retention job removed has nothing left to show
        return rows.stream().filter(row -> row.getBody() != null).map(Transcript::item).toList();
    }

    private static Map<String, Object> item(MessageRecord row) {
        boolean fromBot = MessageRepository.OUT.equals(row.getDirection());
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", row.getId());
        item.put("from", fromBot ? "bot" : "you");
        item.put("text", row.getBody());
        item.put("buttons", fromBot ? buttons(row.getButtons()) : List.of());
        // lets the page leave out the "/start CODE" it sent for the resident
        item.put("kind", row.getKind());
        return item;
    }

    /**
     * The words of the button with {@code value} that the chat offered this participant most
     * recently, or null if it offered none: what a pressed button is stored as comes from the
     * script, never from the browser.
     */
    static String offeredLabel(MessageRepository messages, int participantId, String value) {
        for (String offered : messages.recentButtons(participantId, OFFERS_SEARCHED)) {
            for (Map<String, String> button : buttons(offered)) {
                if (button.get("value").equals(value)) return button.get("label");
            }
        }
        return null;
    }

    private static List<Map<String, String>> buttons(String json) {
        if (json == null || json.isBlank()) return List.of();
        try {
            return HttpServer.JSON.readValue(json, BUTTONS).stream()
                    .map(b -> Map.of("label", String.valueOf(b.get("label")), "value", String.valueOf(b.get("value"))))
                    .toList();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored buttons are not readable", e);
        }
    }
}
