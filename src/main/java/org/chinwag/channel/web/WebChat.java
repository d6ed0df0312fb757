package org.chinwag.channel.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.UnauthorizedResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.chinwag.conversation.Inbound;
import org.chinwag.http.HttpServer;
import org.chinwag.messages.ChannelMessage;
import org.chinwag.messages.Inbox;
import org.chinwag.webchat.WebChatSessions;
import org.chinwag.webchat.WebChatSessions.Session;

/**
 * The web chat: the page at {@code /} and {@code /chat}, and the small JSON API it talks to.
 * <ul>
 *   <li>{@code POST /chat/api/session}: a new session secret for a new resident.</li>
 *   <li>{@code POST /chat/api/messages}: text or a button press; answers with the transcript after
 *       {@code after}, so the bot's replies come back in the same response.</li>
 *   <li>{@code GET /chat/api/messages?after=N}: the transcript after message N.</li>
 * </ul>
 * The session travels in the {@value #SESSION_HEADER} header, never in the URL (URLs end up in logs
 * and browser history). Everything said goes through {@link Inbox}, like every other channel.
 */
public final class WebChat implements HttpServer.RouteSet {

    public static final String CHANNEL = WebChatSessions.CHANNEL;
    public static final String SESSION_HEADER = "X-Chinwag-Session";
    private static final String PAGE_RESOURCE = "/web/chat.html";
    /** Same-origin only; nothing from elsewhere, no inline script. */
    private static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,2}");

    private final WebChatSessions sessions;
    private final Inbox inbox;
    private final String page;
    /** New chats per client address: a kiosk or a venue's wifi starts many, a script far more. */
    private final RateLimiter newChats;
    /** Messages per session: far faster than anyone types, far slower than a loop. */
    private final RateLimiter messages;

    public WebChat(WebChatSessions sessions, Inbox inbox, Clock clock) {
        this.sessions = sessions;
        this.inbox = inbox;
        this.page = readPage();
        this.newChats = new RateLimiter(60, 30, clock);
        this.messages = new RateLimiter(20, 30, clock);
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/", this::page);
        routes.get("/chat", this::page);
        routes.post("/chat/api/session", this::newSession);
        routes.post("/chat/api/messages", this::receive);
        routes.get("/chat/api/messages", this::transcript);
    }

    private void page(Context ctx) {
        ctx.header("Content-Security-Policy", PAGE_POLICY)
                // join codes are in the page's URL: don't pass them on to other sites
                .header("Referrer-Policy", "no-referrer")
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-cache")
                .html(page);
    }

    /** A new resident: a new session secret (see {@link WebChatSessions#open}). */
    private void newSession(Context ctx) {
        limit(ctx, newChats, HttpServer.clientAddress(ctx), "Too many new chats from your network just now.");
        String secret = WebSession.newSecret();
        sessions.open(secret, language(ctx.header("Accept-Language")));
        noStore(ctx).status(201).json(Map.of("session", secret));
    }

    private void receive(Context ctx) {
        String secret = ctx.header(SESSION_HEADER);
        Session session = session(ctx);
        limit(ctx, messages, session.channelUserId(), "You're sending messages very quickly.");
        BrowserMessage message = withOfferedLabel(session, BrowserMessage.parse(ctx.body()));
        // scoped to the participant, so one browser's ids can never collide with another's
        String externalId = session.participantId() + ":" + message.clientId();
        Inbox.Receipt receipt = inbox.receive(new ChannelMessage(CHANNEL, session.channelUserId(), externalId,
                message.event(), null));
        Map<String, Object> body = new LinkedHashMap<>();
        if (sessions.find(secret).isEmpty()) {
            // nothing is kept about this person any more (a confirmed /forget): their transcript is
            // gone, so show the goodbye and tell the page to drop the session
            body.put("messages", Transcript.items(sessions.messages(receipt.outboundIds())));
            body.put("session_ended", true);
        } else {
            body.put("messages", Transcript.items(sessions.transcript(session, message.after())));
            body.put("session_ended", false);
        }
        noStore(ctx).json(body);
    }

    /** A button press is stored with the words the chat put on that button, whatever label the browser sent. */
    private BrowserMessage withOfferedLabel(Session session, BrowserMessage message) {
        if (!(message.event() instanceof Inbound.ButtonPress press)) return message;
        String label = sessions.offeredLabel(session, press.value());
        return new BrowserMessage(message.clientId(), new Inbound.ButtonPress(press.value(), label), message.after());
    }

    private void transcript(Context ctx) {
        Session session = session(ctx);
        int after;
        try {
            String raw = ctx.queryParam("after");
            after = raw == null || raw.isBlank() ? 0 : Integer.parseInt(raw);
            if (after < 0) throw new NumberFormatException();
        } catch (NumberFormatException e) {
            throw new BadRequestResponse("'after' must be a whole number: the last message id the page shows.", Map.of());
        }
        noStore(ctx).json(Map.of("messages", Transcript.items(sessions.transcript(session, after)), "session_ended", false));
    }

    /** 429 with {@code Retry-After} when the bucket for {@code key} is empty. */
    private static void limit(Context ctx, RateLimiter limiter, String key, String why) {
        long wait = limiter.take(key);
        if (wait > 0) {
            ctx.header("Retry-After", String.valueOf(wait));
            throw new HttpResponseException(429, why + " Please wait " + wait + " seconds and try again.", Map.of());
        }
    }

    /** The request's session, or 401 with a message the page can act on. */
    private Session session(Context ctx) {
        String secret = ctx.header(SESSION_HEADER);
        if (secret == null || secret.isBlank()) {
            throw new UnauthorizedResponse("No chat session: start one with POST /chat/api/session and send it in the "
                    + SESSION_HEADER + " header.", Map.of());
        }
        return (WebSession.looksValid(secret) ? sessions.find(secret) : Optional.<Session>empty())
                .orElseThrow(() -> new UnauthorizedResponse(
                        "This chat session is not recognised or has ended. Please start a new chat.", Map.of()));
    }

    /** The browser's first language ("en-GB" from "en-GB,en;q=0.9"), like Telegram's language_code; else null. */
    static String language(String acceptLanguage) {
        if (acceptLanguage == null) return null;
        String first = acceptLanguage.split(",", 2)[0].split(";", 2)[0].strip();
        return LANGUAGE_TAG.matcher(first).matches() ? first : null;
    }

    private static Context noStore(Context ctx) {
        return ctx.header("Cache-Control", "no-store");
    }

    private static String readPage() {
        try (InputStream in = WebChat.class.getResourceAsStream(PAGE_RESOURCE)) {
            if (in == null) throw new IllegalStateException("the web chat page is missing from the jar: " + PAGE_RESOURCE);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
