package org.chinwag.privacy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.chinwag.testing.FakeBotApi;
import org.chinwag.testing.RunningService;
import org.chinwag.testing.TelegramResident;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Everything the service logs during a whole resident journey over Telegram (answers, a
 * disclosure, /mydata, a refused send, /forget), captured at DEBUG for Chinwag's own code and at
 * the configured level for the libraries: no message text, no Telegram chat id, no bot token.
 */
class LogHygieneTest {

    static final long CHAT = 5_550_424_242L;

    @TempDir Path dir;
    final ListAppender<ILoggingEvent> log = new ListAppender<>();
    final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    final Logger ours = (Logger) LoggerFactory.getLogger("org.chinwag");
    Level oursBefore;
    FakeBotApi telegram;
    RunningService service;

    @BeforeEach
    void start() {
        oursBefore = ours.getLevel();
        ours.setLevel(Level.DEBUG);
        log.start();
        root.addAppender(log);
        telegram = FakeBotApi.start(TelegramResident.TOKEN);
        service = RunningService.start(dir, TelegramResident.pollingSettings(telegram));
    }

    @AfterEach
    void stop() {
        if (service != null) service.close();
        telegram.close();
        root.detachAppender(log);
        ours.setLevel(oursBefore);
    }

    @Test
    void aWholeJourneyLogsNoTextNoChatIdAndNoToken() {
        TelegramResident resident = new TelegramResident(telegram, CHAT);
        PrivacyJourneyTest.fullConversation(resident);
        resident.says("/mydata", "P-");
        resident.says("/forget", "delete everything");
        resident.presses("Yes, delete it", "we've deleted everything");

        String logged = logged();
        assertTrue(log.list.size() > 5, "the journey was logged at all: " + log.list.size() + " events");
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

    /** Every message and every exception (with causes) that was logged, as one text. */
    private String logged() {
        StringBuilder all = new StringBuilder();
        for (ILoggingEvent event : List.copyOf(log.list)) {
            all.append(event.getFormattedMessage()).append('\n');
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                all.append(t.getClassName()).append(": ").append(t.getMessage()).append('\n');
            }
        }
        return all.toString();
    }
}
