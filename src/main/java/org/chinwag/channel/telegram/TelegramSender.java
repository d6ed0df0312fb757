package org.chinwag.channel.telegram;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import org.chinwag.conversation.Outbound;
import org.chinwag.messages.ChannelSender;
import org.chinwag.messages.SendFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiValidationException;

/**
 * Telegram's sending half, on the real TelegramBots client: sends the outbox's messages (with
 * inline buttons), answers button presses and registers the webhook. Telegram's errors become
 * {@link SendFailure}s the outbox acts on. The bot token is part of every request URL, so no
 * exception message from the HTTP stack is ever passed on: reasons are built from status codes
 * and Telegram's own descriptions only, and scrubbed of the token for good measure.
 *
 * <p>Timeouts are short (Telegram answers in well under a second when well): a hung call ties up
 * one of the outbox's sending threads for at most {@link #READ_TIMEOUT}, then the message is
 * retried. Button presses are answered on threads of their own, never on the caller's.
 */
public final class TelegramSender implements ChannelSender, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TelegramSender.class);
    /** Telegram refuses longer messages; longer texts go out as several. */
    static final int MAX_TEXT = 4096;
    /** Telegram's limit on a button's callback data. */
    static final int MAX_CALLBACK_BYTES = 64;
    /** Labels this short sit two to a row; longer ones get a row each so they are not cut off. */
    static final int SHORT_LABEL = 14;
    /** Telegram's limit for one chat: about one message a second. */
    static final Duration PER_CHAT_GAP = Duration.ofSeconds(1);
    /** Telegram allows about 30 messages a second per bot; stay under it. */
    static final Duration OVERALL_GAP = Duration.ofMillis(35);
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(10);
    /** Presses waiting to be answered; beyond this a spinner is left to clear itself. */
    private static final int ANSWERS_QUEUED = 1000;

    private final String token;
    private final OkHttpClient http;
    private final OkHttpTelegramClient client;
    private final ThreadPoolExecutor answering;

    public TelegramSender(String token, URI apiUrl) {
        this.token = token;
        this.http = new OkHttpClient.Builder()
                .connectTimeout(CONNECT_TIMEOUT)
                .readTimeout(READ_TIMEOUT)
                .writeTimeout(READ_TIMEOUT)
                .build();
        this.client = new OkHttpTelegramClient(http, token, telegramUrl(apiUrl));
        AtomicInteger number = new AtomicInteger();
        this.answering = new ThreadPoolExecutor(2, 2, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(ANSWERS_QUEUED), r -> {
            Thread thread = new Thread(r, "chinwag-telegram-answer-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }, (task, pool) -> log.debug("callback query not answered: too many waiting"));
        answering.allowCoreThreadTimeOut(true);
    }

    /** TelegramBots wants scheme, host and port apart; the Bot API has no path prefix. */
    static TelegramUrl telegramUrl(URI apiUrl) {
        String scheme = apiUrl.getScheme().toLowerCase();
        int port = apiUrl.getPort() != -1 ? apiUrl.getPort() : "https".equals(scheme) ? 443 : 80;
        return new TelegramUrl(scheme, apiUrl.getHost(), port, false);
    }

    @Override
    public String channel() {
        return TelegramUpdates.CHANNEL;
    }

    @Override
    public Duration minimumGapOverall() {
        return OVERALL_GAP;
    }

    @Override
    public Duration minimumGapPerChat() {
        return PER_CHAT_GAP;
    }

    @Override
    public void send(String recipient, Outbound message) throws SendFailure {
        List<String> parts = split(message.text());
        for (int i = 0; i < parts.size(); i++) {
            boolean last = i == parts.size() - 1;
            if (i > 0) waitBetweenParts();
            SendMessage request = SendMessage.builder()
                    .chatId(recipient)
                    .text(parts.get(i))
                    .replyMarkup(last ? keyboard(message.buttons()) : null)
                    .build();
            call(() -> client.execute(request));
        }
    }

    /** The parts of one long text go to the same chat: keep them to its one a second too. */
    private static void waitBetweenParts() throws SendFailure {
        try {
            Thread.sleep(PER_CHAT_GAP.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SendFailure.retry("interrupted between the parts of a long message", null);
        }
    }

    /** Answers a button press in the background, so the caller (the webhook, the poll) never waits on Telegram. */
    public void answerCallbackSoon(String callbackQueryId) {
        answering.execute(() -> answerCallback(callbackQueryId));
    }

    /** Stops the person's app showing a spinner on the button they pressed. Best effort. */
    void answerCallback(String callbackQueryId) {
        try {
            call(() -> client.execute(AnswerCallbackQuery.builder().callbackQueryId(callbackQueryId).build()));
        } catch (SendFailure e) {
            // The press is already stored; an unanswered spinner clears itself after a while.
            log.debug("callback query not answered: {}", e.kind());
        }
    }

    /** Points Telegram at our webhook; the secret comes back in a header on every delivery. */
    public void setWebhook(String url, String secret) throws SendFailure {
        SetWebhook request = SetWebhook.builder().url(url).secretToken(secret)
                .allowedUpdates(TelegramUpdates.ALLOWED_UPDATES).build();
        call(() -> client.execute(request));
    }

    /** The token, as the polling session needs it too. */
    String token() {
        return token;
    }

    static InlineKeyboardMarkup keyboard(List<Outbound.Button> buttons) {
        List<InlineKeyboardButton> usable = new ArrayList<>();
        for (Outbound.Button button : buttons) {
            if (button.value().getBytes(StandardCharsets.UTF_8).length > MAX_CALLBACK_BYTES) {
                // Telegram would refuse the whole message; free text is always accepted instead.
                log.warn("button left out: its value is longer than Telegram's {} bytes", MAX_CALLBACK_BYTES);
                continue;
            }
            usable.add(InlineKeyboardButton.builder().text(button.label()).callbackData(button.value()).build());
        }
        if (usable.isEmpty()) return null;
        // short labels pair up, two to a row; a long one gets a row of its own so it is not cut off
        List<InlineKeyboardRow> rows = new ArrayList<>();
        InlineKeyboardRow open = null;
        for (InlineKeyboardButton button : usable) {
            boolean isShort = button.getText().codePointCount(0, button.getText().length()) <= SHORT_LABEL;
            if (isShort && open != null) {
                open.add(button);
                open = null;
            } else {
                InlineKeyboardRow row = new InlineKeyboardRow(button);
                rows.add(row);
                open = isShort ? row : null;
            }
        }
        return new InlineKeyboardMarkup(rows);
    }

    /** Splits text over Telegram's limit at paragraph or line breaks where it can. */
    static List<String> split(String text) {
        List<String> parts = new ArrayList<>();
        String rest = text == null || text.isEmpty() ? " " : text;
        while (rest.length() > MAX_TEXT) {
            int cut = rest.lastIndexOf("\n\n", MAX_TEXT);
            if (cut < MAX_TEXT / 2) cut = rest.lastIndexOf('\n', MAX_TEXT);
            if (cut < MAX_TEXT / 2) cut = rest.lastIndexOf(' ', MAX_TEXT);
            if (cut < MAX_TEXT / 2) cut = MAX_TEXT;
            if (Character.isHighSurrogate(rest.charAt(cut - 1))) cut--;
            parts.add(rest.substring(0, cut).stripTrailing());
            rest = rest.substring(cut).stripLeading();
        }
        parts.add(rest);
        return parts;
    }

    private interface ApiCall {
        void run() throws TelegramApiException;
    }

    private void call(ApiCall call) throws SendFailure {
        try {
            call.run();
        } catch (TelegramApiException e) {
            throw failure(e);
        } catch (RuntimeException e) {
            throw SendFailure.retry("telegram client error: " + e.getClass().getSimpleName(), null);
        }
    }

    /** Telegram's answer in the outbox's terms (see core.telegram.org/bots/api#making-requests). */
    SendFailure failure(TelegramApiException e) {
        if (find(e, TelegramApiValidationException.class) != null) {
            // refused by the client before sending (e.g. an empty text): sending again cannot help
            return SendFailure.permanent("not a valid Telegram message: " + e.getClass().getSimpleName());
        }
        TelegramApiRequestException api = find(e, TelegramApiRequestException.class);
        Integer code = api == null ? null : api.getErrorCode();
        if (code == null) {
            // no answer from Telegram at all: network trouble, a timeout, or a proxy's error page
            IOException io = find(e, IOException.class);
            return SendFailure.retry("telegram unreachable: "
                    + (io != null ? io.getClass().getSimpleName() : e.getClass().getSimpleName()), null);
        }
        String reason = "telegram " + code + ": " + redact(api.getApiResponse());
        if (code == 429) {
            Integer seconds = api.getParameters() == null ? null : api.getParameters().getRetryAfter();
            return SendFailure.retry(reason, seconds == null ? null : Duration.ofSeconds(seconds));
        }
        if (code == 403) return SendFailure.blocked(reason);
        // 401/404: a wrong or revoked token; keep the messages until the setting is fixed
        if (code >= 500 || code == 401 || code == 404) return SendFailure.retry(reason, null);
        return SendFailure.permanent(reason);
    }

    private String redact(String text) {
        if (text == null) return "";
        String safe = text.replace(token, "***");
        int colon = token.indexOf(':');
        if (colon > 0) safe = safe.replace(token.substring(colon + 1), "***");
        return safe.length() > 200 ? safe.substring(0, 200) : safe;
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) return type.cast(t);
            if (t.getCause() == t) break;
        }
        return null;
    }

    /**
     * Lets go of idle connections. The client's threads are left to end on their own (they are
     * daemons and idle out), because the service closes channels before the outbox, which may
     * still be finishing a send.
     */
    @Override
    public void close() {
        answering.shutdown();
        http.connectionPool().evictAll();
    }
}
