package org.chinwag.channel.telegram;

import static org.chinwag.channel.telegram.TelegramTesting.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.chinwag.testing.FakeBotApi;
import org.chinwag.testing.RunningService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole service in long-polling mode, talking to the fake Bot API through the real TelegramBots client. */
class TelegramPollingTest {

    /** Above 2^32, as real chat ids can be. */
    static final long CHAT = 5_000_000_001L;

    @TempDir Path dir;
    FakeBotApi telegram;
    RunningService service;

    @BeforeEach
    void start() {
        telegram = FakeBotApi.start(TOKEN);
        service = RunningService.start(dir, pollingSettings(telegram));
    }

    @AfterEach
    void stop() {
        if (service != null) service.close();
        telegram.close();
    }

    @Test
    void aWholeBigChatByLongPolling() {
        Resident resident = Resident.polling(telegram, CHAT);
        resident.completesTheBigChat();

        assertTrue(telegram.calls("deleteWebhook").size() >= 1, "polling starts by deleting any webhook");
        assertTrue(telegram.calls("answerCallbackQuery").size() >= 3, "every button press is answered");
        assertRepliesStoredUnderPseudonym(service, CHAT);
    }
}
