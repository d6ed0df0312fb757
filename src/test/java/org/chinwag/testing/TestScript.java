package org.chinwag.testing;

import java.nio.file.Path;
import org.chinwag.conversation.Script;
import org.chinwag.conversation.ScriptLibrary;

/**
 * The tests' own conversation script, {@code src/test/resources/test-intents/scripts/test-chat.yaml},
 * and the words of it that tests look for. It has the Big Chat's shape and step ids in wording of
 * its own, so tests of the engine, the channels and privacy own what they assert. (It lives apart
 * from {@code intents/} so that it never shadows the bundled script on the class path.)
 */
public final class TestScript {

    public static final String ID = "test-chat";
    public static final int VERSION = 1;

    public static final String WELCOME = "Hello from the test chat.";
    public static final String ASKS_CONSENT = "Shall we begin?";
    public static final String CONSENT_YES = "Yes, let's begin";
    public static final String CONSENT_NO = "No thanks";
    public static final String FIRST_QUESTION = "what keeps you well";
    public static final String SECOND_QUESTION = "what makes that harder";
    /** The reflect step, as said back with the themes heard. */
    public static final String REFLECTS = "I heard that";
    public static final String REFLECT_ASKS = "Is that right?";
    public static final String REFLECTS_TRAVEL = "I heard that travel matters to you";
    public static final String REFLECT_YES = "Yes, spot on";
    public static final String FOLLOWUP_TRAVEL = "where do you need to get to";
    public static final String FOLLOWUP_GENERIC = "Anything to add";
    public static final String FOLLOWUP_PREFIX = "About";
    public static final String LAST_QUESTION = "the one thing you would ask for";
    public static final String ABOUT_YOU = "a little about you";
    public static final String OPT_IN = "what happens next";
    public static final String THANKS = "That is the end of the test chat";
    public static final String UNSUPPORTED = "reads text only";
    public static final String FORGET_ASKS = "Delete everything you told the test chat?";
    public static final String FORGET_YES = "Yes, delete it all";
    public static final String FORGOTTEN = "everything you told the test chat is gone";
    public static final String CONSENT_REFUSED = "Understood – the test chat keeps nothing";

    private TestScript() {}

    /** The folder to give as {@code CHINWAG_INTENTS_DIR}: it holds {@code scripts/} with the test script. */
    public static Path intentsFolder() {
        return ChinwagHarness.resourceFolder("test-intents/scripts/index.txt").getParent().getParent();
    }

    /** The test scripts as the engine reads them. */
    public static ScriptLibrary library() {
        return ScriptLibrary.load(intentsFolder().resolve("scripts"));
    }

    public static Script script() {
        return library().latest(ID);
    }
}
