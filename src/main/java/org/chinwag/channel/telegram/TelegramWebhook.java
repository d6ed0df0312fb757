package org.chinwag.channel.telegram;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.UnauthorizedResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.chinwag.http.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * {@code POST /telegram/webhook}: Telegram delivers each update here. The secret header is checked
 * first, in constant time; then the update is stored through the inbox, and only after that
 * commits does Telegram get its 200. A failure to store answers an error, so Telegram delivers
 * again. An update that fails for another reason (a bug, not an outage) is refused the same way
 * {@link TelegramPolling#ATTEMPTS_BEFORE_SKIPPING} times and then acknowledged and skipped, as
 * polling does: Telegram holds back later updates behind one it keeps redelivering, so one broken
 * update must not stall every resident for a day. Bodies over {@link HttpServer#MAX_REQUEST_BYTES}
 * are refused with 413 by the HTTP server itself.
 */
public final class TelegramWebhook implements HttpServer.RouteSet {

    public static final String PATH = "/telegram/webhook";
    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private static final Logger log = LoggerFactory.getLogger(TelegramWebhook.class);
    private static final int REMEMBERED_FAILURES = 1000;

    private final byte[] secret;
    private final TelegramPolling.UpdateSink handler;
    /** update_id -> deliveries that failed for a reason other than storage. */
    private final Map<Integer, Integer> failedDeliveries = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, Integer> eldest) {
            return size() > REMEMBERED_FAILURES;
        }
    };

    public TelegramWebhook(String secret, TelegramPolling.UpdateSink handler) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.handler = handler;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.post(PATH, this::receive);
    }

    private void receive(Context ctx) {
        String given = ctx.header(SECRET_HEADER);
        if (given == null || !MessageDigest.isEqual(secret, given.getBytes(StandardCharsets.UTF_8))) {
            throw new UnauthorizedResponse("Missing or wrong secret token.", Map.of());
        }
        Update update = parse(ctx.bodyAsBytes());
        try {
            handler.handle(update);
        } catch (RuntimeException e) {
            if (TelegramPolling.storageFailure(e) || !giveUpOn(update.getUpdateId(), e)) throw e;
        }
        ctx.status(200).result("");
    }

    /** Counts a delivery that failed for a reason other than storage; true once it is to be skipped. */
    private boolean giveUpOn(int updateId, RuntimeException e) {
        int failed;
        synchronized (failedDeliveries) {
            failed = failedDeliveries.merge(updateId, 1, Integer::sum);
            if (failed >= TelegramPolling.ATTEMPTS_BEFORE_SKIPPING) failedDeliveries.remove(updateId);
        }
        // ids and exception types only: messages could quote what the resident wrote
        log.warn("telegram update {} not handled (delivery {}): {}", updateId, failed, e.getClass().getName());
        if (failed < TelegramPolling.ATTEMPTS_BEFORE_SKIPPING) return false;
        log.error("telegram update {} skipped after {} deliveries", updateId, failed);
        return true;
    }

    /** Not JSON, or no update_id: 400. An update of an unexpected shape is taken (and then ignored). */
    private static Update parse(byte[] body) {
        if (body.length == 0) throw new BadRequestResponse("Empty body: expected a Telegram update.", Map.of());
        try {
            Update update = TelegramUpdates.readable(JSON, JSON.readTree(body));
            if (update == null) throw new BadRequestResponse("Not a Telegram update.", Map.of());
            return update;
        } catch (JacksonException e) {
            throw new BadRequestResponse("Malformed JSON: expected a Telegram update.", Map.of());
        } catch (java.io.IOException e) {
            throw new BadRequestResponse("Unreadable body.", Map.of());
        }
    }
}
