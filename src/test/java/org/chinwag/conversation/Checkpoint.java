package org.chinwag.conversation;

import java.util.ArrayList;
import java.util.List;

/**
 * A point on a walk through a script where the engine waits for an answer: the state there, the
 * turn that asked, and the inputs still to come. Lets a test poke at every step of a script.
 */
record Checkpoint(String step, ConversationState state, Turn asked, List<String> rest, int effectsSoFar) {

    @Override
    public String toString() {
        return step;
    }

    /** Every waiting point along {@code inputs} (the first input starts the conversation). */
    static List<Checkpoint> along(List<String> inputs) {
        List<Checkpoint> points = new ArrayList<>();
        Chat chat = new Chat();
        for (int i = 0; i < inputs.size(); i++) {
            chat.send(inputs.get(i));
            if (chat.state != null && chat.state.status() == ConversationState.Status.ACTIVE) {
                points.add(new Checkpoint(chat.state.step(), chat.state, chat.last,
                        inputs.subList(i + 1, inputs.size()), chat.effects.size()));
            }
        }
        return points;
    }

    /** A chat resumed at this point. */
    Chat chat() {
        Chat chat = new Chat(Chat.SCRIPTS, state);
        chat.last = asked;
        return chat;
    }

    /** The question as asked here (the last message of the turn that asked it). */
    Outbound question() {
        return asked.messages().get(asked.messages().size() - 1);
    }
}
