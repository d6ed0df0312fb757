package org.chinwag.channel.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.BadRequestResponse;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.chinwag.conversation.Inbound;
import org.chinwag.http.HttpServer;

/**
 * One message as the browser posts it, checked before anything is stored:
 * {@code {"id": "...", "text": "..."}} or {@code {"id": "...", "button": {"value": "...", "label": "..."}}},
 * with an optional {@code "after"}: the last transcript id the page already shows. A button's
 * {@code label} is only checked here: {@link WebChat} replaces it with the words of the button the
 * chat offered, so a browser cannot put words in the resident's mouth. Only typed text
 * (which may be a command such as /help) and button presses are accepted from a browser.
 *
 * @param clientId the id the page made for this message, so a retry or double-submit is stored once
 * @param event    what was sent
 * @param after    the transcript id to answer from
 */
record BrowserMessage(String clientId, Inbound event, int after) {

    static final int MAX_TEXT_CHARS = 4_000;
    private static final int MAX_BUTTON_CHARS = 200;
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9_-]{8,64}");
    private static final Set<String> FIELDS = Set.of("id", "text", "button", "after");

    static BrowserMessage parse(String body) {
        JsonNode json;
        try {
            json = HttpServer.JSON.readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            throw bad("The message must be JSON, like {\"id\": \"a1b2c3d4\", \"text\": \"Hello\"}.");
        }
        if (json == null || !json.isObject()) {
            throw bad("The message must be a JSON object, like {\"id\": \"a1b2c3d4\", \"text\": \"Hello\"}.");
        }
        json.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) throw bad("'" + name + "' is not something the web chat accepts: send 'text' or 'button'.");
        });
        String clientId = json.path("id").isTextual() ? json.get("id").asText() : null;
        if (clientId == null || !CLIENT_ID.matcher(clientId).matches()) {
            throw bad("Each message needs an 'id' of 8 to 64 letters, digits, '-' or '_', new for each message.");
        }
        boolean hasText = json.has("text");
        boolean hasButton = json.has("button");
        if (hasText == hasButton) throw bad("Send either 'text' or 'button', not both or neither.");
        Inbound event = hasText ? text(json.get("text")) : button(json.get("button"));
        return new BrowserMessage(clientId, event, after(json.get("after")));
    }

    private static Inbound text(JsonNode node) {
        if (!node.isTextual()) throw bad("'text' must be a string.");
        String text = node.asText().strip();
        if (text.isEmpty()) throw bad("The message is empty: type something before sending.");
        if (text.codePointCount(0, text.length()) > MAX_TEXT_CHARS) {
            throw bad("That message is too long. Please keep it under 4,000 characters, or send it in parts.");
        }
        // typed text may be a command: "/start LEEDS-MARKET", "/help", "/forget"
        return Inbound.fromTyped(text);
    }

    private static Inbound button(JsonNode node) {
        if (node == null || !node.isObject()) throw bad("'button' must be an object like {\"value\": \"yes\", \"label\": \"Yes\"}.");
        JsonNode value = node.get("value");
        JsonNode label = node.get("label");
        if (value == null || !value.isTextual() || value.asText().isBlank() || value.asText().length() > MAX_BUTTON_CHARS) {
            throw bad("'button.value' must be the value of a button the chat offered.");
        }
        if (label != null && !label.isNull() && (!label.isTextual() || label.asText().length() > MAX_BUTTON_CHARS)) {
            throw bad("'button.label' must be the button's words, up to " + MAX_BUTTON_CHARS + " characters.");
        }
        String words = label == null || label.isNull() ? null : label.asText();
        return new Inbound.ButtonPress(value.asText(), words);
    }

    private static int after(JsonNode node) {
        if (node == null || node.isNull()) return 0;
        if (!node.canConvertToInt() || !node.isIntegralNumber() || node.asInt() < 0) {
            throw bad("'after' must be a whole number: the last message id the page shows.");
        }
        return node.asInt();
    }

    private static BadRequestResponse bad(String message) {
        return new BadRequestResponse(message, Map.of());
    }
}
