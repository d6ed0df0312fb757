package org.chinwag.conversation;

import java.util.Locale;

/**
 * The fixed things the bot says outside the script's steps. Every script must give a wording for
 * each (in its {@code messages:} section), so no resident-facing wording lives in Java.
 */
public enum BotText {
    /** /help: what this is and the commands. */
    HELP,
    /** After /stop. */
    STOPPED,
    /** Any message while stopped: how to start again. */
    STOPPED_REMINDER,
    /** /forget: are you sure? */
    FORGET_CONFIRM,
    /** Button label: yes, delete everything. */
    FORGET_YES,
    /** Button label: no, keep it. */
    FORGET_NO,
    /** /forget confirmed. */
    FORGOTTEN,
    /** /forget not confirmed. */
    FORGET_CANCELLED,
    /** A sticker, photo, voice note or edit. */
    UNSUPPORTED,
    /** Typed text that matches none of the buttons. */
    NOT_UNDERSTOOD,
    /** The resident said no to taking part. */
    CONSENT_REFUSED,
    /** Any message after declining: how to change their mind. */
    DECLINED_REMINDER,
    /** Before the first question of a conversation started again (consent already given). */
    RESTARTED,
    /** Before re-asking where a conversation left off. */
    WELCOME_BACK,
    /** A command the bot does not know. */
    UNKNOWN_COMMAND,
    /** Text after the script ended: thanks, and /restart. */
    AFTER_END,
    /** Label of the Skip button on skippable steps. */
    SKIP_BUTTON;

    /** The key in the script's {@code messages:} section, e.g. {@code stopped_reminder}. */
    public String yamlKey() {
        return name().toLowerCase(Locale.ROOT);
    }
}
