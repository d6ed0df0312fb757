package org.chinwag.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.chinwag.testing.TestScript;

/**
 * A resident talking to the engine in a test. Inputs are written as a resident would act:
 * {@code "hi"} or {@code "/start abc"} is typed, {@code "[No thanks]"} presses the button with that
 * label from the last bot message, {@code "<sticker>"} sends something unreadable, and a trailing
 * {@code {transport,gp_access}} is what the classifier heard in the text (the themes in its Signals).
 */
final class Chat {

    /** The tests' own script (see {@link TestScript}): the engine is tested on words the tests own. */
    static final ScriptLibrary SCRIPTS = TestScript.library();
    private static final java.util.regex.Pattern HEARD = java.util.regex.Pattern.compile("(.*) \\{([a-z_,]*)}");

    final Engine engine;
    ConversationState state;
    Turn last;
    final List<Effect> effects = new ArrayList<>();

    Chat() {
        this(SCRIPTS);
    }

    Chat(ScriptLibrary library) {
        this.engine = new Engine(library);
    }

    Chat(ScriptLibrary library, ConversationState state) {
        this(library);
        this.state = state;
    }

    Chat send(String input) {
        java.util.regex.Matcher heard = HEARD.matcher(input);
        if (!heard.matches()) return send(input, Signals.NONE);
        List<String> themes = heard.group(2).isEmpty() ? List.of() : List.of(heard.group(2).split(","));
        return send(heard.group(1), new Signals(themes, false));
    }

    Chat send(String input, Signals signals) {
        last = engine.step(state, inbound(input), signals);
        state = last.state();
        effects.addAll(last.effects());
        return this;
    }

    Chat sendAll(List<String> inputs) {
        inputs.forEach(this::send);
        return this;
    }

    Inbound inbound(String input) {
        if (input.startsWith("<") && input.endsWith(">")) return new Inbound.Unsupported(input.substring(1, input.length() - 1));
        if (input.startsWith("[") && input.endsWith("]")) {
            String label = input.substring(1, input.length() - 1);
            if (last == null) throw new AssertionError("no buttons yet to press " + input);
            return last.messages().stream().flatMap(m -> m.buttons().stream())
                    .filter(b -> b.label().equals(label)).findFirst()
                    .map(b -> (Inbound) new Inbound.ButtonPress(b.value(), b.label()))
                    .orElseThrow(() -> new AssertionError("no button " + input + " in " + last.messages()));
        }
        return Inbound.fromTyped(input);
    }

    /** All texts the bot sent in the last turn, one per line. */
    String said() {
        return last.messages().stream().map(Outbound::text).collect(Collectors.joining("\n"));
    }

    List<String> briefEffects() {
        return effects.stream().map(Chat::brief).toList();
    }

    static List<String> brief(List<Effect> effects) {
        return effects.stream().map(Chat::brief).toList();
    }

    /** An effect in a short form that reads well in a table. */
    static String brief(Effect e) {
        if (e instanceof Effect.ReplyGiven r) return "reply " + r.questionId() + "=" + r.text();
        if (e instanceof Effect.ConsentGiven c) return "consent " + c.scriptId() + "/" + c.scriptVersion();
        if (e instanceof Effect.ConsentRefused c) return "refused " + c.scriptId() + "/" + c.scriptVersion();
        if (e instanceof Effect.ProfileAnswered p) return "profile " + p.field() + "=" + p.value();
        if (e instanceof Effect.OptInChanged o) return "optin " + o.optedIn();
        if (e instanceof Effect.ConversationStarted s) {
            return "started " + s.scriptId() + "/" + s.scriptVersion() + (s.eventCode() == null ? "" : " @" + s.eventCode());
        }
        if (e instanceof Effect.Stopped) return "stopped";
        if (e instanceof Effect.Resumed) return "resumed";
        if (e instanceof Effect.ForgetConfirmed) return "forget";
        if (e instanceof Effect.MyDataRequested) return "mydata";
        if (e instanceof Effect.ThemesConfirmed t) return "themes " + t.questionId() + "=" + String.join(",", t.themes());
        throw new AssertionError("unknown effect " + e);
    }

    static Script script() {
        return SCRIPTS.latest(TestScript.ID);
    }

    static String text(BotText key) {
        return script().text(key);
    }

    static String stepText(String stepId) {
        return script().require(stepId).text();
    }
}
