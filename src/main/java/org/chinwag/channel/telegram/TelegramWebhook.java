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
import java.util.Map;
import org.chinwag.http.HttpServer;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * {@code POST /telegram/webhook}: Telegram delivers each update here. The secret header is checked
 * first, in constant time; then the update is stored through the inbox, and only after that
 * commits does Telegram get its 200. Any failure answers an error, so Telegram delivers again.
 * Bodies over {@link HttpServer#MAX_REQUEST_BYTES} are refused with 413 by the HTTP server itself.
 */
public final class TelegramWebhook implements HttpServer.RouteSet {

    public static final String PATH = "/telegram/webhook";
    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final byte[] secret;
    private final TelegramUpdateHandler handler;

    public TelegramWebhook(String secret, TelegramUpdateHandler handler) {
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
        handler.handle(parse(ctx.bodyAsBytes()));
        ctx.status(200).result("");
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
