package org.chinwag.channel.telegram;

import static org.chinwag.channel.telegram.TelegramTesting.TOKEN;
import static org.chinwag.channel.telegram.TelegramTesting.await;
import static org.chinwag.store.schema.Tables.MESSAGE;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.chinwag.conversation.Inbound;
import org.chinwag.messages.ChannelMessage;
import org.chinwag.testing.FakeBotApi;
import org.chinwag.testing.RunningService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The bot token is in every Bot API URL. When Telegram refuses the token or cannot be reached,
 * neither the log nor the stored error may show it.
 */
class TelegramSecretsTest {

    /** The secret half of the token the service is configured with. */
    static final String SECRET_PART = TOKEN.substring(TOKEN.indexOf(':') + 1);

    @TempDir Path dir;
    final ListAppender<ILoggingEvent> log = new ListAppender<>();
    final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    /** A Bot API that knows a different bot, so it answers 401 to ours. */
    final FakeBotApi otherBot = FakeBotApi.start("999999:OTHER-token-zzzzzzzzzz");

    @BeforeEach
    void capture() {
        log.start();
        root.addAppender(log);
    }

    @AfterEach
    void release() {
        root.detachAppender(log);
        otherBot.close();
    }

    @Test
    void aRefusedTokenIsNeverLoggedOrStored() {
        Map<String, String> env = new HashMap<>(TelegramTesting.webhookSettings(otherBot));
        try (RunningService service = RunningService.start(dir, env)) {
            service.service().inbox().receive(new ChannelMessage("telegram", "5000000009", "u1", Inbound.fromTyped("/start"), "en"));
            await("a failed send recorded", () -> service.service().database().dsl()
                    .fetchCount(MESSAGE, MESSAGE.LAST_ERROR.isNotNull()) > 0);
            await("the webhook registration failure logged", () -> logged().contains("could not register the telegram webhook"));
            List<String> errors = service.service().database().dsl().select(MESSAGE.LAST_ERROR).from(MESSAGE)
                    .where(MESSAGE.LAST_ERROR.isNotNull()).fetch(r -> r.value1());
            errors.forEach(error -> assertFalse(error.contains(SECRET_PART), error));
        }
        assertFalse(logged().contains(SECRET_PART), "the token leaked into the log");
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
            await("the polling failure logged", () -> logged().contains("could not start telegram long polling"));
            assertTrue(service.get("/health", null).statusCode() == 200, "the service runs without Telegram");
        }
        assertFalse(logged().contains(SECRET_PART), "the token leaked into the log");
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
