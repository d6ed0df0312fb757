package org.chinwag.conversation;

import static org.chinwag.conversation.ConversationState.Status.ACTIVE;
import static org.chinwag.conversation.ConversationState.Status.DECLINED;
import static org.chinwag.conversation.ConversationState.Status.STOPPED;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The conversation engine: pure logic, like RapidPro's goflow. A state and an inbound go in; the
 * new state, the messages to send and the effects to record come out. No I/O, no clock, no logging,
 * so the same inputs always give the same turn and any restart is safe.
 *
 * <p>All wording comes from the script. The returned state is null only when nothing at all should
 * be kept about the resident: after a confirmed /forget, or /forget and /mydata from someone never seen.
 */
public final class Engine {

    /** The question id under which text sent after the end of a script is recorded. */
    public static final String AFTER_END_QUESTION = "after_end";
    /** {@link ConversationState#pending()} while /forget waits for a yes. */
    public static final String PENDING_FORGET = "forget";
    /** Button values for the /forget confirmation ('_' cannot start a step id, so no clash). */
    static final String FORGET_YES = "_forget:yes";
    static final String FORGET_NO = "_forget:no";
    private static final int MAX_EVENT_CODE = 64;

    private final ScriptLibrary library;

    public Engine(ScriptLibrary library) {
        this.library = Objects.requireNonNull(library);
    }

    /**
     * One inbound for one resident.
     *
     * @param stateOrNull the conversation state, or null for a resident never seen (or forgotten)
     * @param inbound     what they sent
     * @param signals     themes and risk found in the inbound text (null means none)
     */
    public Turn step(ConversationState stateOrNull, Inbound inbound, Signals signals) {
        inbound = tidy(Objects.requireNonNull(inbound, "inbound"));
        Signals heard = signals == null ? Signals.NONE : signals;
        if (stateOrNull == null) return firstContact(inbound);
        Script script = scriptFor(stateOrNull);
        ConversationState state = Position.placed(stateOrNull, script);
        if (PENDING_FORGET.equals(state.pending()) && !(inbound instanceof Inbound.Command)) {
            return forgetAnswer(script, state, inbound);
        }
        state = state.withPending(null); // a command cancels any confirmation waiting
        if (inbound instanceof Inbound.Command command) return command(script, state, command);
        TurnBuilder out = new TurnBuilder();
        return switch (state.status()) {
            case STOPPED -> out.say(script.text(BotText.STOPPED_REMINDER)).turn(state);
            case DECLINED -> out.say(script.text(BotText.DECLINED_REMINDER)).turn(state);
            case FINISHED -> afterEnd(script, state, inbound, heard, out);
            case ACTIVE -> answer(script, state, inbound, heard, out);
        };
    }

    /** "Welcome back, here's where we were": re-sends the current question of an active conversation. */
    public Turn resume(ConversationState state) {
        Objects.requireNonNull(state, "state");
        Script script = scriptFor(state);
        ConversationState placed = Position.placed(state, script);
        TurnBuilder out = new TurnBuilder();
        if (placed.status() != ACTIVE) return out.turn(placed);
        if (PENDING_FORGET.equals(placed.pending())) return out.send(forgetQuestion(script)).turn(placed);
        return welcomeBack(script, placed, out);
    }

    // --- starting ---------------------------------------------------------------------------

    private Turn firstContact(Inbound inbound) {
        Script script = library.latest(library.defaultScriptId());
        TurnBuilder out = new TurnBuilder();
        if (!(inbound instanceof Inbound.Command command)) return startFresh(script.id(), null, null, out);
        switch (command.name()) {
            case "forget":
                return out.record(new Effect.ForgetConfirmed()).say(script.text(BotText.FORGOTTEN)).turn(null);
            case "mydata":
                return out.record(new Effect.MyDataRequested(Map.of())).turn(null);
            case "stop":
                ConversationState first = Position.placed(newState(script, script.first().id(), null, Map.of()), script);
                return out.record(new Effect.ConversationStarted(script.id(), script.version(), null))
                        .record(new Effect.Stopped()).say(script.text(BotText.STOPPED)).turn(first.withStatus(STOPPED));
            case "help":
                out.say(script.text(BotText.HELP));
                return startFresh(script.id(), null, null, out);
            case "start":
                return startFresh(script.id(), eventCode(command.argument()), null, out);
            default:
                return startFresh(script.id(), null, null, out);
        }
    }

    /**
     * A new conversation with the newest version of the script. Consent already given to that same
     * version carries over (start at the first question); otherwise it is asked again.
     */
    private Turn startFresh(String scriptId, String eventCode, ConversationState previous, TurnBuilder out) {
        Script script = library.latest(scriptId);
        out.record(new Effect.ConversationStarted(script.id(), script.version(), eventCode));
        if (previous != null && Position.consentedTo(previous, script)) {
            ConversationState state = newState(script, null, eventCode, Position.consentVars(script));
            out.say(script.text(BotText.RESTARTED));
            return Position.enter(script, state, script.startOfQuestions().id(), Signals.NONE, out);
        }
        return Position.enter(script, newState(script, null, eventCode, Map.of()), script.first().id(), Signals.NONE, out);
    }

    private static ConversationState newState(Script script, String step, String eventCode, Map<String, String> vars) {
        return new ConversationState(script.id(), script.version(), step, ACTIVE, null, eventCode, vars);
    }

    // --- commands ---------------------------------------------------------------------------

    private Turn command(Script script, ConversationState state, Inbound.Command command) {
        TurnBuilder out = new TurnBuilder();
        switch (command.name()) {
            case "start": {
                String code = eventCode(command.argument());
                boolean sameEvent = code == null || code.equals(state.eventCode());
                if (state.status() == ACTIVE && sameEvent) return welcomeBack(script, state, out);
                if (state.status() == STOPPED && sameEvent) {
                    return welcomeBack(script, state.withStatus(ACTIVE), out.record(new Effect.Resumed()));
                }
                return startFresh(script.id(), code, state, out);
            }
            case "restart":
                return startFresh(script.id(), state.eventCode(), state, out);
            case "help":
                out.say(script.text(BotText.HELP));
                return state.status() == ACTIVE ? out.send(Position.prompt(script, state)).turn(state) : out.turn(state);
            case "stop":
                if (state.status() != STOPPED) out.record(new Effect.Stopped());
                return out.say(script.text(BotText.STOPPED)).turn(state.withStatus(STOPPED));
            case "forget":
                return out.send(forgetQuestion(script)).turn(state.withPending(PENDING_FORGET));
            case "mydata":
                // the messages layer renders what is held; the conversation stays where it is
                return out.record(new Effect.MyDataRequested(profileLabels(script))).turn(state);
            default:
                out.say(script.text(BotText.UNKNOWN_COMMAND));
                return state.status() == ACTIVE ? out.send(Position.prompt(script, state)).turn(state) : out.turn(state);
        }
    }

    private static Outbound forgetQuestion(Script script) {
        return new Outbound(script.text(BotText.FORGET_CONFIRM), List.of(
                new Outbound.Button(script.text(BotText.FORGET_YES), FORGET_YES),
                new Outbound.Button(script.text(BotText.FORGET_NO), FORGET_NO)));
    }

    /** Only a clear yes deletes; anything else keeps everything and carries on. */
    private Turn forgetAnswer(Script script, ConversationState state, Inbound inbound) {
        boolean yes = inbound instanceof Inbound.ButtonPress press ? FORGET_YES.equals(press.value())
                : inbound instanceof Inbound.Text text && TypedAnswers.isYes(text.text());
        TurnBuilder out = new TurnBuilder();
        if (yes) return out.record(new Effect.ForgetConfirmed()).say(script.text(BotText.FORGOTTEN)).turn(null);
        ConversationState kept = state.withPending(null);
        out.say(script.text(BotText.FORGET_CANCELLED));
        return kept.status() == ACTIVE ? out.send(Position.prompt(script, kept)).turn(kept) : out.turn(kept);
    }

    private Turn welcomeBack(Script script, ConversationState state, TurnBuilder out) {
        return out.say(script.text(BotText.WELCOME_BACK)).send(Position.prompt(script, state)).turn(state);
    }

    // --- answers ----------------------------------------------------------------------------

    private Turn answer(Script script, ConversationState state, Inbound inbound, Signals signals, TurnBuilder out) {
        Step step = script.require(state.step());
        if (inbound instanceof Inbound.Unsupported) {
            return out.say(script.text(BotText.UNSUPPORTED)).send(Prompts.of(script, step, state)).turn(state);
        }
        if (signals.risk() && inbound instanceof Inbound.Text text && !text.text().isBlank()) {
            return holdForSafeguarding(script, step, state, text.text().strip(), out);
        }
        if (step.type() == StepType.REFLECT) return Reflecting.answer(script, state, step, inbound, out);
        Answer answer = TypedAnswers.interpret(step, inbound);
        if (answer instanceof Answer.Nothing) return out.send(Prompts.of(script, step, state)).turn(state);
        if (answer instanceof Answer.Unclear) {
            return out.say(script.text(BotText.NOT_UNDERSTOOD)).send(Prompts.of(script, step, state)).turn(state);
        }
        return switch (step.type()) {
            case CONSENT -> consent(script, state, step, chosen(answer), out);
            case QUESTION, FOLLOWUP -> {
                if (answer instanceof Answer.Typed typed) out.record(new Effect.ReplyGiven(step.id(), typed.text()));
                // a reflect step later on says back what was heard here
                Signals heard = answer instanceof Answer.Typed ? signals : Signals.NONE;
                yield Position.enter(script, Reflecting.remember(script, step.id(), heard, state), step.next(), signals, out);
            }
            case CHOICE -> Position.enter(script, state, step.nextAfter(chosen(answer)), signals, out);
            case PROFILE -> {
                if (answer instanceof Answer.Typed typed) out.record(new Effect.ProfileAnswered(step.field(), profileText(step, typed.text())));
                if (answer instanceof Answer.Chosen chosen) out.record(new Effect.ProfileAnswered(step.field(), chosen.option().value()));
                yield Position.enter(script, state, step.next(), signals, out);
            }
            case OPTIN -> {
                out.record(new Effect.OptInChanged("yes".equals(chosen(answer).value())));
                yield Position.enter(script, state, step.next(), signals, out);
            }
            case REFLECT -> throw new IllegalStateException("reflect steps are answered by Reflecting, above");
            case MESSAGE, END -> throw new IllegalStateException("a conversation never waits at " + step.type());
        };
    }

    private Turn consent(Script script, ConversationState state, Step step, Step.Option option, TurnBuilder out) {
        if ("yes".equals(option.value())) {
            out.record(new Effect.ConsentGiven(script.id(), script.version()));
            ConversationState consented = Position.consentGiven(state, script);
            return Position.enter(script, consented, step.next(), Signals.NONE, out);
        }
        out.record(new Effect.ConsentRefused(script.id(), script.version()));
        return out.say(script.text(BotText.CONSENT_REFUSED)).turn(state.withStatus(DECLINED));
    }

    /**
     * Safeguarding hook: the text suggests someone may be at risk. The reply is still recorded
     * (where the step records replies) but the conversation does not move on: the messages layer
     * sends the campaign's signposting first, then the engine asks the same question again, so the
     * resident's next message is stored against the question it answers.
     */
    private static Turn holdForSafeguarding(Script script, Step step, ConversationState state, String text, TurnBuilder out) {
        if (step.type().recordsReply()) out.record(new Effect.ReplyGiven(step.id(), text));
        return out.send(Prompts.of(script, step, state)).turn(state);
    }

    /** After the end, more text is still worth keeping: record it and point to /restart. */
    private Turn afterEnd(Script script, ConversationState state, Inbound inbound, Signals signals, TurnBuilder out) {
        if (inbound instanceof Inbound.Unsupported) return out.say(script.text(BotText.UNSUPPORTED)).turn(state);
        if (inbound instanceof Inbound.Text text && !text.text().isBlank()) {
            out.record(new Effect.ReplyGiven(AFTER_END_QUESTION, text.text().strip()));
            if (signals.risk()) return out.turn(state);
        }
        return out.say(script.text(BotText.AFTER_END)).turn(state);
    }

    /** The words of each profile step's options, by field then value, for /mydata. */
    private static Map<String, Map<String, String>> profileLabels(Script script) {
        Map<String, Map<String, String>> labels = new java.util.HashMap<>();
        for (Step step : script.steps()) {
            if (step.type() != StepType.PROFILE || step.options().isEmpty()) continue;
            Map<String, String> byValue = labels.computeIfAbsent(step.field(), field -> new java.util.HashMap<>());
            step.options().forEach(option -> byValue.put(option.value(), option.label()));
        }
        return labels;
    }

    private static Step.Option chosen(Answer answer) {
        if (answer instanceof Answer.Chosen c) return c.option();
        throw new IllegalStateException("expected a button answer, got " + answer);
    }

    private static String profileText(Step step, String text) {
        return "area".equals(step.field()) ? TypedAnswers.areaOnly(text) : text;
    }

    /** The script this state follows: its version, the newest if that is gone, the default if the id is gone. */
    private Script scriptFor(ConversationState state) {
        return library.has(state.scriptId())
                ? library.get(state.scriptId(), state.scriptVersion())
                : library.latest(library.defaultScriptId());
    }

    /** Channels may hand over null text or a capitalised command name; make both safe. */
    private static Inbound tidy(Inbound inbound) {
        if (inbound instanceof Inbound.Text text && text.text() == null) return new Inbound.Text("");
        if (inbound instanceof Inbound.Command c) {
            return new Inbound.Command(c.name() == null ? "" : c.name().toLowerCase(java.util.Locale.ROOT),
                    c.argument() == null ? "" : c.argument());
        }
        return inbound;
    }

    /** The first word of a /start argument, as Telegram deep links allow (at most 64 characters). */
    private static String eventCode(String argument) {
        if (argument == null || argument.isBlank()) return null;
        String code = argument.strip().split("\\s+", 2)[0];
        return code.length() > MAX_EVENT_CODE ? code.substring(0, MAX_EVENT_CODE) : code;
    }
}
