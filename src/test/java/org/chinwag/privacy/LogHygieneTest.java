package org.chinwag.privacy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.chinwag.testing.CapturedLog;
import org.chinwag.testing.FakeBotApi;
import org.chinwag.testing.RunningService;
import org.chinwag.testing.TelegramResident;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Everything the service logs during a whole resident journey over Telegram (answers, a
 * disclosure, /mydata, a refused send, /forget), captured at DEBUG for Chinwag's own code and at
 * the configured level for the libraries: no message text, no Telegram chat id, no bot token.
 */
class LogHygieneTest {

    static final long CHAT = 5_550_424_242L;

    @TempDir Path dir;
    CapturedLog log;
    FakeBotApi telegram;
    RunningService service;

    @BeforeEach
    void start() {
        log = CapturedLog.startAtDebug();
        telegram = FakeBotApi.start(TelegramResident.TOKEN);
        service = RunningService.start(dir, TelegramResident.pollingSettings(telegram));
    }

    @AfterEach
    void stop() {
        if (service != null) service.close();
        telegram.close();
        log.close();
    }

    @Test
    void aWholeJourneyLogsNoTextNoChatIdAndNoToken() {
        TelegramResident resident = new TelegramResident(telegram, CHAT);
        PrivacyJourneyTest.fullConversation(resident);
        resident.says("/mydata", "P-");
        resident.says("/forget", "delete everything");
        resident.presses("Yes, delete it", "we've deleted everything");

        String logged = log.text();
        assertTrue(log.events() > 5, "the journey was logged at all: " + log.events() + " events");
        List<String> secrets = new ArrayList<>(PrivacyJourneyTest.SAID);
        secrets.add(String.valueOf(CHAT));
        secrets.add(TelegramResident.TOKEN.substring(TelegramResident.TOKEN.indexOf(':') + 1));
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
