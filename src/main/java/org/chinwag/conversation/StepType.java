package org.chinwag.conversation;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The kinds of step a script may use; the YAML name is the lower-case constant name. */
public enum StepType {
    /** Says something and moves straight on (a welcome, a bridge between questions). */
    MESSAGE(false, false),
    /** Asks to take part: buttons yes / no. Nothing is recorded before a yes. */
    CONSENT(true, false),
    /** A free-text question: the answer is recorded as a reply to this step's id. */
    QUESTION(false, true),
    /** A follow-up prompt on what was just heard; its text can depend on the themes found. */
    FOLLOWUP(false, true),
    /** Buttons, each with its own next step. */
    CHOICE(true, false),
    /** An optional about-you field (area, age_band, community); always skippable. */
    PROFILE(false, false),
    /**
     * Reflects back the themes heard in an earlier answer: yes / not quite (pick themes) / skip.
     * Passed over when nothing was heard. Its own answers are not replies, so they are never tagged.
     */
    REFLECT(false, false),
    /** Yes / no to hearing what happens next. */
    OPTIN(true, false),
    /** The last step: thanks; the conversation is finished. */
    END(false, false);

    private final boolean buttonsOnly;
    private final boolean recordsReply;

    StepType(boolean buttonsOnly, boolean recordsReply) {
        this.buttonsOnly = buttonsOnly;
        this.recordsReply = recordsReply;
    }

    /** True when the answer must be one of the buttons (typed text is matched to a button or re-asked). */
    public boolean buttonsOnly() {
        return buttonsOnly;
    }

    /** True when a typed answer is stored as a reply (ReplyGiven). */
    public boolean recordsReply() {
        return recordsReply;
    }

    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<StepType> fromYaml(String name) {
        return Arrays.stream(values()).filter(t -> t.yamlName().equals(name)).findFirst();
    }
}
