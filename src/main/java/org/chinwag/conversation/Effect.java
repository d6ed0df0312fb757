package org.chinwag.conversation;

import java.util.Map;

import java.util.List;

/**
 * Something the engine decided that the outside world must record. The engine never does I/O:
 * the messages layer applies these effects in the same transaction that stores the inbound message.
 */
public sealed interface Effect {

    /** The inbound text answered question {@code questionId} of the current script. */
    record ReplyGiven(String questionId, String text) implements Effect {}

    /**
     * The resident said which themes their answer to {@code questionId} is about: the ones reflected
     * back ("Yes, that's right") or the ones they picked instead. An empty list means "none of these".
     * A person's judgement: stored beside the model's tags, never replaced by a later model.
     */
    record ThemesConfirmed(String questionId, List<String> themes) implements Effect {
        public ThemesConfirmed {
            themes = List.copyOf(themes);
        }
    }

    /** The resident agreed to take part under this script version. */
    record ConsentGiven(String scriptId, int scriptVersion) implements Effect {}

    /** The resident declined: keep only that this channel id declined. */
    record ConsentRefused(String scriptId, int scriptVersion) implements Effect {}

    /** An optional about-you answer; {@code field} is one of {@code area}, {@code age_band}, {@code community}. */
    record ProfileAnswered(String field, String value) implements Effect {}

    /** Opt in (true) or out (false) of hearing what happens next. */
    record OptInChanged(boolean optedIn) implements Effect {}

    /** /stop: opt out of everything; the bot stays quiet until the resident starts again. */
    record Stopped() implements Effect {}

    /**
     * /start after /stop picked the same conversation up again: the resident is active again
     * (a {@link ConversationStarted} means the same). Opt-ins withdrawn by /stop stay withdrawn.
     */
    record Resumed() implements Effect {}

    /** /forget, confirmed: erase everything held about this resident. */
    record ForgetConfirmed() implements Effect {}

    /**
     * /mydata: send the resident what is held about them (the messages layer renders it).
     * {@code profileLabels} are the script's words for stored profile values, by field then value
     * ("age_band" -> "65_to_74" -> "65–74"), so the resident sees what they chose, not a code.
     */
    record MyDataRequested(Map<String, Map<String, String>> profileLabels) implements Effect {
        public MyDataRequested {
            profileLabels = profileLabels == null ? Map.of() : Map.copyOf(profileLabels);
        }
    }

    /** A new conversation began (via /start or /restart), optionally for an event code. */
    record ConversationStarted(String scriptId, int scriptVersion, String eventCode) implements Effect {}
}
