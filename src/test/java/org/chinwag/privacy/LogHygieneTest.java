package org.chinwag.privacy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.chinwag.testing.CapturedLog;
import org.chinwag.testing.ChinwagHarness;
import org.chinwag.testing.TelegramResident;
import org.chinwag.testing.TestScript;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Everything the service logs during a whole resident journey over Telegram (answers, a
 * disclosure, /mydata, a refused send, /forget), captured at DEBUG for Chinwag's own code and at
 * the configured level for the libraries: no message text, no Telegram chat id, no bot token.
 */
class LogHygieneTest {

    static final long CHAT = 5_550_424_242L;

    /** Started by the test, once the log is captured, so that the start is logged too. */
    @RegisterExtension final ChinwagHarness chinwag = ChinwagHarness.polling().startLater().build();
    CapturedLog log;

    @BeforeEach
    void start() {
        log = CapturedLog.startAtDebug();
        chinwag.start();
    }

    @AfterEach
    void stop() {
        log.close();
    }

    @Test
    void aWholeJourneyLogsNoTextNoChatIdAndNoToken() {
        TelegramResident resident = chinwag.resident(CHAT);
        PrivacyJourneyTest.fullConversation(resident);
        resident.says("/mydata", "P-");
        resident.says("/forget", TestScript.FORGET_ASKS);
        resident.presses(TestScript.FORGET_YES, TestScript.FORGOTTEN);

        String logged = log.text();
        assertTrue(log.events() > 5, "the journey was logged at all: " + log.events() + " events");
        List<String> secrets = new ArrayList<>(PrivacyJourneyTest.SAID);
        secrets.add(String.valueOf(CHAT));
        secrets.add(ChinwagHarness.TOKEN.substring(ChinwagHarness.TOKEN.indexOf(':') + 1));
        for (String secret : secrets) {
            assertFalse(logged.contains(secret), () -> "leaked into the log: " + secret);
        }
        // nor a recognisable fragment of what was said
        for (String said : PrivacyJourneyTest.SAID) {
            String fragment = said.substring(0, Math.min(24, said.length()));
            assertFalse(logged.contains(fragment), () -> "leaked into the log: " + fragment);
        }
    }
}
