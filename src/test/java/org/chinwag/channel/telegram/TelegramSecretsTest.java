package org.chinwag.channel.telegram;

import static org.chinwag.channel.telegram.TelegramTesting.TOKEN;
import static org.chinwag.channel.telegram.TelegramTesting.await;
import static org.chinwag.store.schema.Tables.MESSAGE;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.chinwag.conversation.Inbound;
import org.chinwag.messages.ChannelMessage;
import org.chinwag.testing.CapturedLog;
import org.chinwag.testing.FakeBotApi;
import org.chinwag.testing.RunningService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bot token is in every Bot API URL. When Telegram refuses the token or cannot be reached,
 * neither the log nor the stored error may show it.
 */
class TelegramSecretsTest {

    /** The secret half of the token the service is configured with. */
    static final String SECRET_PART = TOKEN.substring(TOKEN.indexOf(':') + 1);

    @TempDir Path dir;
    CapturedLog log;
    /** A Bot API that knows a different bot, so it answers 401 to ours. */
    final FakeBotApi otherBot = FakeBotApi.start("999999:OTHER-token-zzzzzzzzzz");

    @BeforeEach
    void capture() {
        log = CapturedLog.start();
    }

    @AfterEach
    void release() {
        log.close();
        otherBot.close();
    }

    @Test
    void aRefusedTokenIsNeverLoggedOrStored() {
        Map<String, String> env = new HashMap<>(TelegramTesting.webhookSettings(otherBot));
        try (RunningService service = RunningService.start(dir, env)) {
            service.service().inbox().receive(new ChannelMessage("telegram", "5000000009", "u1", Inbound.fromTyped("/start"), "en"));
            await("a failed send recorded", () -> service.service().database().dsl()
                    .fetchCount(MESSAGE, MESSAGE.LAST_ERROR.isNotNull()) > 0);
            await("the webhook registration failure logged", () -> log.text().contains("could not register the telegram webhook"));
            List<String> errors = service.service().database().dsl().select(MESSAGE.LAST_ERROR).from(MESSAGE)
                    .where(MESSAGE.LAST_ERROR.isNotNull()).fetch(r -> r.value1());
            errors.forEach(error -> assertFalse(error.contains(SECRET_PART), error));
        }
        assertFalse(log.text().contains(SECRET_PART), "the token leaked into the log");
    }

    @Test
    void anUnreachableTelegramIsNeverLoggedWithTheToken() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Map<String, String> env = Map.of("CHINWAG_TELEGRAM_TOKEN", TOKEN,
                "CHINWAG_TELEGRAM_API_URL", "http://127.0.0.1:" + closedPort);
        try (RunningService service = RunningService.start(dir, env)) {
            service.service().inbox().receive(new ChannelMessage("telegram", "5000000009", "u1", Inbound.fromTyped("/start"), "en"));
            await("a failed send recorded", () -> service.service().database().dsl()
                    .fetchCount(MESSAGE, MESSAGE.LAST_ERROR.isNotNull()) > 0);
            await("the polling failure logged", () -> log.text().contains("could not start telegram long polling"));
            assertTrue(service.get("/health", null).statusCode() == 200, "the service runs without Telegram");
        }
        assertFalse(log.text().contains(SECRET_PART), "the token leaked into the log");
    }
}
