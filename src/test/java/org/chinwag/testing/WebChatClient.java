package org.chinwag.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.chinwag.channel.web.WebChat;

/** The web chat API as the page uses it, over real HTTP, for tests. */
public final class WebChatClient {

    public static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final RunningService service;
    public final String session;
    private int lastId;

    private WebChatClient(RunningService service, String session) {
        this.service = service;
        this.session = session;
    }

    public static WebChatClient open(RunningService service) {
        HttpResponse<String> response = service.post("/chat/api/session", "application/json", "", Map.of());
        assertEquals(201, response.statusCode(), response.body());
        return new WebChatClient(service, read(response).get("session").asText());
    }

    /** Sends typed text (commands included) and returns the bot's replies that came back with it. */
    public List<JsonNode> say(String text) {
        ObjectNode body = JSON.createObjectNode().put("id", newId()).put("text", text);
        return botReplies(sendOk(body));
    }

    /** Presses one of the buttons the bot offered last, chosen by its value ("yes" matches "consent:yes" too). */
    public List<JsonNode> press(List<JsonNode> replies, String value) {
        JsonNode button = buttons(replies).stream().filter(b -> matches(b.get("value").asText(), value)).findFirst()
                .orElseThrow(() -> new AssertionError("no button '" + value + "' offered in " + replies));
        return pressButton(button);
    }

    public List<JsonNode> pressButton(JsonNode button) {
        return botReplies(pressAndRead(button));
    }

    /** Presses the button and returns the whole answer (its messages, and whether the session ended). */
    public JsonNode pressAndRead(JsonNode button) {
        ObjectNode body = JSON.createObjectNode().put("id", newId());
        body.putObject("button").put("value", button.get("value").asText()).put("label", button.get("label").asText());
        return sendOk(body);
    }

    public JsonNode sendOk(ObjectNode body) {
        body.put("after", lastId);
        HttpResponse<String> response = post(body.toString());
        assertEquals(200, response.statusCode(), response.body());
        JsonNode json = read(response);
        for (JsonNode item : json.get("messages")) lastId = Math.max(lastId, item.get("id").asInt());
        return json;
    }

    public HttpResponse<String> post(String rawBody) {
        return service.post("/chat/api/messages", "application/json", rawBody, Map.of(WebChat.SESSION_HEADER, session));
    }

    public HttpResponse<String> transcript(int after) {
        return get("/chat/api/messages?after=" + after, session);
    }

    public HttpResponse<String> get(String path, String sessionHeader) {
        return get(service, path, sessionHeader);
    }

    /** A GET with the session header (or none); RunningService's own get sends a bearer token. */
    public static HttpResponse<String> get(RunningService service, String path, String sessionHeader) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(service.url(path)))
                .timeout(Duration.ofSeconds(10)).GET();
        if (sessionHeader != null) request.header(WebChat.SESSION_HEADER, sessionHeader);
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Button values may carry their step as a prefix ("consent:yes"): match on the answer part. */
    public static boolean matches(String buttonValue, String wanted) {
        return buttonValue.equals(wanted) || buttonValue.endsWith(":" + wanted);
    }

    public static List<JsonNode> buttons(List<JsonNode> replies) {
        assertFalse(replies.isEmpty(), "the bot said nothing");
        List<JsonNode> buttons = new ArrayList<>();
        replies.get(replies.size() - 1).get("buttons").forEach(buttons::add);
        return buttons;
    }

    public static String lastText(List<JsonNode> replies) {
        assertFalse(replies.isEmpty(), "the bot said nothing");
        return replies.get(replies.size() - 1).get("text").asText();
    }

    private static List<JsonNode> botReplies(JsonNode response) {
        List<JsonNode> replies = new ArrayList<>();
        for (JsonNode item : response.get("messages")) {
            if (item.get("from").asText().equals("bot")) replies.add(item);
        }
        return replies;
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }

    public static JsonNode read(HttpResponse<String> response) {
        try {
            JsonNode json = JSON.readTree(response.body());
            assertTrue(json != null && json.isObject(), response.body());
            return json;
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }
}
