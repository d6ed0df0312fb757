package org.chinwag.channel.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chinwag.webchat.WebChatSessions.Line;

/** Stored messages as the page shows them: {@code {id, from: "you"|"bot", text, buttons, kind}}. */
final class Transcript {

    private Transcript() {}

    static List<Map<String, Object>> items(List<Line> lines) {
        return lines.stream().map(Transcript::item).toList();
    }

    private static Map<String, Object> item(Line line) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", line.id());
        item.put("from", line.fromBot() ? "bot" : "you");
        item.put("text", line.text());
        item.put("buttons", line.buttons().stream().map(b -> Map.of("label", b.label(), "value", b.value())).toList());
        // lets the page leave out the "/start CODE" it sent for the resident
        item.put("kind", line.kind());
        return item;
    }
}
