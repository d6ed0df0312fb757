package org.chinwag.channel.telegram;

import static org.chinwag.testing.ChinwagHarness.TOKEN;
import static org.chinwag.testing.ChinwagHarness.await;
import static org.chinwag.store.schema.Tables.MESSAGE;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.chinwag.conversation.Inbound;
import org.chinwag.messages.ChannelMessage;
import org.chinwag.testing.CapturedLog;
import org.chinwag.testing.ChinwagHarness;
import org.chinwag.testing.RunningService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The bot token is in every Bot API URL. When Telegram refuses the token or cannot be reached,
 * neither the log nor the stored error may show it.
 */
class TelegramSecretsTest {

    /** The secret half of the token the service is configured with. */
    static final String SECRET_PART = TOKEN.substring(TOKEN.indexOf(':') + 1);

    /** A Bot API that knows a different bot, so it answers 401 to ours. */
    @RegisterExtension final ChinwagHarness otherBot = ChinwagHarness.webhook().botApiToken("999999:OTHER-token-zzzzzzzzzz")
            .startLater().build();
    /** Polling a Bot API that is not there. */
    @RegisterExtension final ChinwagHarness noBot = ChinwagHarness.polling().startLater().build();
    CapturedLog log;

    @BeforeEach
    void capture() {
        log = CapturedLog.start();
    }

    @AfterEach
    void release() {
        log.close();
    }

    @Test
    void aRefusedTokenIsNeverLoggedOrStored() {
        try (RunningService service = otherBot.start()) {
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
        try (RunningService service = noBot.start(Map.of("CHINWAG_TELEGRAM_API_URL", "http://127.0.0.1:" + closedPort))) {
            service.service().inbox().receive(new ChannelMessage("telegram", "5000000009", "u1", Inbound.fromTyped("/start"), "en"));
            await("a failed send recorded", () -> service.service().database().dsl()
                    .fetchCount(MESSAGE, MESSAGE.LAST_ERROR.isNotNull()) > 0);
            await("the polling failure logged", () -> log.text().contains("could not start telegram long polling"));
            assertTrue(service.get("/health", null).statusCode() == 200, "the service runs without Telegram");
        }
        assertFalse(log.text().contains(SECRET_PART), "the token leaked into the log");
    }
}
