package org.chinwag.messages;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.chinwag.conversation.ConversationState;
import org.chinwag.conversation.Outbound;

/** How engine state and buttons are written into the database as JSON, and read back. */
public final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final TypeReference<List<Outbound.Button>> BUTTONS = new TypeReference<>() {};

    private Json() {}

    static String state(ConversationState state) {
        return write(state);
    }

    static ConversationState state(String json) {
        try {
            return MAPPER.readValue(json, ConversationState.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored conversation state is not readable", e);
        }
    }

    /** Buttons as JSON, or null when there are none. */
    static String buttons(List<Outbound.Button> buttons) {
        return buttons.isEmpty() ? null : write(buttons);
    }

    /** Buttons stored with an outbound message (none for null or empty). */
    public static List<Outbound.Button> buttons(String json) {
        if (json == null || json.isEmpty()) return List.of();
        try {
            return MAPPER.readValue(json, BUTTONS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored buttons are not readable", e);
        }
    }

    private static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
