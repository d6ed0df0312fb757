package org.chinwag.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local stand-in for Telegram's Bot API (core.telegram.org/bots/api), for tests that run the
 * real TelegramBots client against it. It is a real HTTP server on 127.0.0.1 that answers
 * {@code POST /bot<token>/<method>} (method names in any case; JSON, form or multipart bodies)
 * with Telegram's envelope: {@code {"ok":true,"result":...}} or
 * {@code {"ok":false,"error_code":N,"description":"...","parameters":{"retry_after":N}}}.
 *
 * <p>What it implements: getMe; deleteWebhook and setWebhook (recording url and secret_token);
 * getUpdates with Telegram's offset rule (asking for offset N confirms and forgets every update
 * below N), limit, and long polling (a request with a timeout is held until an update arrives, the
 * timeout passes, a newer getUpdates replaces it, or the fake closes); sendMessage (recorded, and
 * answered with a Message); answerCallbackQuery (recorded). A wrong token gets 401 Unauthorized,
 * an unknown method 404.
 *
 * <p>Test controls: {@link #enqueue} an update (see the builders {@link #text}, {@link #press},
 * {@link #sticker} ...), {@link #failNext} to make the next call of a method fail (429 with
 * retry_after, 500, 403 blocked ...), {@link #hold} to make calls wait (a slow Telegram, or one that
 * took a message but whose answer is late), {@link #dropNextAfterAccepting} to take a message and
 * then cut the connection, {@link #sentMessages()} and {@link #awaitSent} to see what the bot said
 * (and {@link #requestedAtNanos} when it asked), {@link #deliverWebhook} to post an update to a webhook as
 * Telegram would.
 *
 * <pre>{@code
 * try (FakeBotApi telegram = FakeBotApi.start("123456:TEST-token-abcdefghij")) {
 *     // run the service with CHINWAG_TELEGRAM_API_URL = telegram.url()
 *     telegram.enqueue(telegram.text(CHAT, "/start"));
 *     telegram.awaitSent(CHAT, 2, Duration.ofSeconds(10));
 * }
 * }</pre>
 */
public final class FakeBotApi implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern PATH = Pattern.compile("^/bot([^/]+)/([A-Za-z]+)$");
    /** The bot as getMe describes it; also the sender of callback queries' messages. */
    public static final long BOT_ID = 123456;
    public static final String BOT_USERNAME = "chinwag_test_bot";

    private final String token;
    private final HttpServer server;
    private final ExecutorService threads;
    private final Object lock = new Object();
    private final HttpClient webhookClient = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    // all guarded by lock
    private final Deque<ObjectNode> queued = new ArrayDeque<>();
    private final List<Call> calls = new ArrayList<>();
    private final List<SentMessage> sent = new ArrayList<>();
    private final Map<String, Deque<Failure>> failures = new HashMap<>();
    private final List<Drop> drops = new ArrayList<>();
    private final List<Hold> holds = new ArrayList<>();
    /** message_id of each sent message -> System.nanoTime() when its request arrived. */
    private final Map<Integer, Long> requestedAt = new HashMap<>();
    private int nextUpdateId = 500_000_001;
    private int nextMessageId = 1;
    private long getUpdatesGeneration;
    /** Long polls older than this ended with their client in {@link #stops}, not cut short by another poller. */
    private long droppedBefore;
    /** While an instance stops, new long polls wait: its connection closes before anyone can take over. */
    private boolean stopping;
    /** Long polls cut short by another one: two bot instances polling at once. */
    private int pollingConflicts;
    private Webhook webhook;
    private boolean closed;

    private FakeBotApi(String token) throws IOException {
        this.token = token;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        this.threads = Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "fake-bot-api");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(threads);
        server.createContext("/", this::serve);
        server.start();
    }

    /** Starts a fake Bot API for the bot with this token on a free loopback port. */
    public static FakeBotApi start(String token) {
        try {
            return new FakeBotApi(token);
        } catch (IOException e) {
            throw new IllegalStateException("fake Bot API did not start", e);
        }
    }

    /** The base address to give the bot, e.g. {@code http://127.0.0.1:41234} (no path: TelegramBots adds /bot...). */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String token() {
        return token;
    }

    // ---- what the bot did ------------------------------------------------------------------------

    /** One API call, recorded once answered: the method name in lower case and its parameters as JSON. */
    public record Call(String method, JsonNode params) {}

    /** A message the bot sent with sendMessage. */
    public record SentMessage(long chatId, int messageId, String text, JsonNode replyMarkup) {
        /** The inline buttons, in order, as (label, callback data). */
        public List<Button> buttons() {
            List<Button> buttons = new ArrayList<>();
            if (replyMarkup == null) return buttons;
            for (JsonNode row : replyMarkup.path("inline_keyboard")) {
                for (JsonNode button : row) buttons.add(new Button(button.path("text").asText(), button.path("callback_data").asText()));
            }
            return buttons;
        }

        /** The rows of the inline keyboard, each a list of labels. */
        public List<List<String>> buttonRows() {
            List<List<String>> rows = new ArrayList<>();
            if (replyMarkup == null) return rows;
            for (JsonNode row : replyMarkup.path("inline_keyboard")) {
                List<String> labels = new ArrayList<>();
                row.forEach(button -> labels.add(button.path("text").asText()));
                rows.add(labels);
            }
            return rows;
        }
    }

    public record Button(String label, String data) {}

    /** The webhook as last set: null after deleteWebhook or before any setWebhook. */
    public record Webhook(String url, String secretToken, JsonNode allowedUpdates) {}

    public List<Call> calls() {
        synchronized (lock) {
            return List.copyOf(calls);
        }
    }

    /** Calls of one method (any case). */
    public List<Call> calls(String method) {
        String name = method.toLowerCase(Locale.ROOT);
        return calls().stream().filter(c -> c.method().equals(name)).toList();
    }

    public List<SentMessage> sentMessages() {
        synchronized (lock) {
            return List.copyOf(sent);
        }
    }

    public List<SentMessage> sentTo(long chatId) {
        return sentMessages().stream().filter(m -> m.chatId() == chatId).toList();
    }

    /**
     * When the request that sent this message arrived ({@link System#nanoTime()}), before any hold:
     * Telegram's rate limits count requests as they arrive. For checks on the spacing between sends.
     */
    public long requestedAtNanos(SentMessage message) {
        synchronized (lock) {
            Long at = requestedAt.get(message.messageId());
            if (at == null) throw new AssertionError("not a message this fake accepted: " + message);
            return at;
        }
    }

    public Webhook webhook() {
        synchronized (lock) {
            return webhook;
        }
    }

    /** How many long polls another getUpdates cut short (Telegram's 409: two instances polling one bot). */
    public int pollingConflicts() {
        synchronized (lock) {
            return pollingConflicts;
        }
    }

    /**
     * Runs {@code stop} (an instance shutting down) as Telegram sees it: the stopping client's
     * connection closes before anyone can take over, so its held long poll ends with it and is
     * not cut short (and counted as a conflict) by the instance that takes over. A getUpdates
     * arriving meanwhile waits at the door until the stop is done; a live poller whose poll is
     * ended this way just polls again.
     */
    public void stops(Runnable stop) {
        synchronized (lock) {
            stopping = true;
        }
        try {
            stop.run();
        } finally {
            synchronized (lock) {
                droppedBefore = ++getUpdatesGeneration;
                stopping = false;
                lock.notifyAll();
            }
        }
    }

    /** Updates not yet confirmed by a getUpdates with a higher offset. */
    public int unconfirmedUpdates() {
        synchronized (lock) {
            return queued.size();
        }
    }

    /** Waits until at least {@code count} messages went to this chat; returns them all. */
    public List<SentMessage> awaitSent(long chatId, int count, Duration timeout) {
        return await(() -> sentTo(chatId), list -> list.size() >= count, timeout,
                "at least " + count + " message(s) to chat " + chatId);
    }

    /** Waits for a message to this chat, after the first {@code skip} ones, whose text contains {@code words}. */
    public SentMessage awaitText(long chatId, int skip, String words, Duration timeout) {
        List<SentMessage> found = await(() -> sentTo(chatId), list -> list.stream().skip(skip)
                .anyMatch(m -> m.text().contains(words)), timeout, "a message to chat " + chatId + " containing '" + words + "'");
        return found.stream().skip(skip).filter(m -> m.text().contains(words)).findFirst().orElseThrow();
    }

    /** Waits until at least {@code count} calls of {@code method} arrived. */
    public List<Call> awaitCalls(String method, int count, Duration timeout) {
        return await(() -> calls(method), list -> list.size() >= count, timeout, count + " call(s) of " + method);
    }

    private <T> T await(java.util.function.Supplier<T> read, Predicate<T> done, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (true) {
                T value = read.get();
                if (done.test(value)) return value;
                long left = deadline - System.nanoTime();
                if (left <= 0) throw new AssertionError("timed out waiting for " + what + "; sent so far: " + describeSent());
                try {
                    lock.wait(Math.max(1, Math.min(left / 1_000_000, 200)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted waiting for " + what);
                }
            }
        }
    }

    private String describeSent() {
        StringBuilder out = new StringBuilder();
        for (SentMessage m : sentMessages()) {
            String text = m.text().length() > 60 ? m.text().substring(0, 60) + "..." : m.text();
            out.append("\n  ").append(m.chatId()).append(": ").append(text.replace('\n', ' '));
        }
        return out.length() == 0 ? "nothing" : out.toString();
    }

    // ---- test controls ---------------------------------------------------------------------------

    /**
     * Makes the next call of {@code method} fail with this status and description (and
     * {@code parameters.retry_after} when {@code retryAfterSeconds} is not null). Queue several to
     * fail several calls in a row.
     */
    public void failNext(String method, int status, String description, Integer retryAfterSeconds) {
        synchronized (lock) {
            failures.computeIfAbsent(method.toLowerCase(Locale.ROOT), m -> new ArrayDeque<>())
                    .add(new Failure(status, description, retryAfterSeconds));
        }
    }

    /** Telegram's rate limit answer. */
    public void failNextWithTooManyRequests(String method, int retryAfterSeconds) {
        failNext(method, 429, "Too Many Requests: retry after " + retryAfterSeconds, retryAfterSeconds);
    }

    /** What Telegram says when the person blocked the bot. */
    public void failNextAsBlocked(String method) {
        failNext(method, 403, "Forbidden: bot was blocked by the user", null);
    }

    private record Failure(int status, String description, Integer retryAfter) {}

    /**
     * Makes the next {@code calls} calls of {@code method} succeed on this side (a sent message is
     * recorded) and then closes the connection without answering, as when the network drops after
     * Telegram took a message: the bot cannot know it was delivered.
     */
    public void dropNextAfterAccepting(String method, int calls) {
        dropNextAfterAccepting(method, calls, params -> true);
    }

    /** As {@link #dropNextAfterAccepting(String, int)}, for calls whose parameters match {@code which}. */
    public void dropNextAfterAccepting(String method, int calls, Predicate<JsonNode> which) {
        synchronized (lock) {
            drops.add(new Drop(method.toLowerCase(Locale.ROOT), which, new int[] {calls}));
        }
    }

    /** Drops the connection of the next {@code calls} sendMessage calls to one chat, after taking the message. */
    public void dropNextSendsToAfterAccepting(long chatId, int calls) {
        dropNextAfterAccepting("sendMessage", calls, params -> params.path("chat_id").asText().equals(String.valueOf(chatId)));
    }

    private record Drop(String method, Predicate<JsonNode> which, int[] left) {
        /** Called with the lock held. */
        boolean catches(String calledMethod, JsonNode params) {
            if (left[0] == 0 || !method.equals(calledMethod) || !which.test(params)) return false;
            left[0]--;
            return true;
        }
    }

    /** Where a held call waits: before Telegram takes it (a slow Telegram), or after (taken, answer late). */
    public enum HoldPoint { BEFORE_ACCEPTING, AFTER_ACCEPTING }

    /**
     * Holds the next {@code calls} calls of {@code method} whose parameters match {@code which} until
     * {@link Hold#release()} (or until this fake closes). Other calls go through meanwhile.
     */
    public Hold hold(String method, HoldPoint point, int calls, Predicate<JsonNode> which) {
        Hold hold = new Hold(method.toLowerCase(Locale.ROOT), point, calls, which);
        synchronized (lock) {
            holds.add(hold);
        }
        return hold;
    }

    /** Holds the next {@code calls} sendMessage calls to one chat. */
    public Hold holdSendsTo(long chatId, HoldPoint point, int calls) {
        return hold("sendMessage", point, calls, params -> params.path("chat_id").asText().equals(String.valueOf(chatId)));
    }

    /** Calls kept waiting by {@link #hold}; all guarded by the fake's lock. */
    public final class Hold {
        private final String method;
        private final HoldPoint point;
        private final Predicate<JsonNode> which;
        private int toHold;
        private int held;
        private boolean released;

        private Hold(String method, HoldPoint point, int calls, Predicate<JsonNode> which) {
            this.method = method;
            this.point = point;
            this.toHold = calls;
            this.which = which;
        }

        /** Waits until {@code count} calls are being (or have been) held. */
        public void awaitHeld(int count, Duration timeout) {
            await(() -> held(), n -> n >= count, timeout, count + " held call(s) of " + method);
        }

        /** How many calls this hold caught so far. */
        public int held() {
            synchronized (lock) {
                return held;
            }
        }

        /** True while held calls are still waiting to be answered. */
        public boolean holding() {
            synchronized (lock) {
                return !released && held > 0;
            }
        }

        /** Lets every held call go on, and holds no more. */
        public void release() {
            synchronized (lock) {
                released = true;
                lock.notifyAll();
            }
        }

        /** Called with the lock held: true when this call is caught (and counted). */
        private boolean catches(String calledMethod, HoldPoint at, JsonNode params) {
            if (released || toHold == 0 || at != point || !method.equals(calledMethod) || !which.test(params)) return false;
            toHold--;
            held++;
            lock.notifyAll();
            return true;
        }
    }

    /** Blocks the calling server thread while a hold catches this call at this point. */
    private void waitIfHeld(String method, HoldPoint at, JsonNode params) {
        synchronized (lock) {
            Hold caught = null;
            for (Hold hold : holds) {
                if (hold.catches(method, at, params)) {
                    caught = hold;
                    break;
                }
            }
            while (caught != null && !caught.released && !closed) {
                try {
                    lock.wait(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * Queues an update for getUpdates. Gives it the next update_id unless it has one (reusing an
     * id is how a test redelivers an update). Returns the update_id.
     */
    public int enqueue(ObjectNode update) {
        synchronized (lock) {
            if (!update.hasNonNull("update_id")) update.put("update_id", nextUpdateId++);
            int id = update.get("update_id").asInt();
            nextUpdateId = Math.max(nextUpdateId, id + 1);
            queued.add(update.deepCopy());
            lock.notifyAll();
            return id;
        }
    }

    /**
     * Queues several updates at once, so one getUpdates returns them together (e.g. the same
     * update twice, as Telegram may redeliver).
     */
    public void enqueueTogether(ObjectNode... updates) {
        synchronized (lock) {
            for (ObjectNode update : updates) enqueue(update);
        }
    }

    /** Queues an update given as raw JSON (e.g. a type the bot does not handle). */
    public int enqueue(String updateJson) {
        try {
            return enqueue((ObjectNode) JSON.readTree(updateJson));
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + updateJson, e);
        }
    }

    /** The next update_id this fake will hand out (for building updates by hand). */
    public int nextUpdateId() {
        synchronized (lock) {
            return nextUpdateId++;
        }
    }

    // ---- update builders (JSON as Telegram sends it) -----------------------------------------------

    /** A text message (commands included) from a person in their private chat with the bot. */
    public ObjectNode text(long chatId, String text) {
        ObjectNode message = message(privateChat(chatId), chatId);
        message.put("text", text);
        if (text.startsWith("/")) {
            int end = text.indexOf(' ') < 0 ? text.length() : text.indexOf(' ');
            ArrayNode entities = message.putArray("entities");
            entities.addObject().put("type", "bot_command").put("offset", 0).put("length", end);
        }
        return update("message", message);
    }

    /**
     * A press of the button labelled {@code label} on the latest message the bot sent to this chat
     * that has it, as Telegram delivers it: a callback_query carrying that message and its keyboard.
     */
    public ObjectNode press(long chatId, String label) {
        SentMessage shown = null;
        for (SentMessage m : sentTo(chatId)) {
            if (m.buttons().stream().anyMatch(b -> b.label().equals(label))) shown = m;
        }
        if (shown == null) throw new AssertionError("no button '" + label + "' was sent to chat " + chatId + "; sent: " + describeSent());
        String data = shown.buttons().stream().filter(b -> b.label().equals(label)).findFirst().orElseThrow().data();
        return callback(chatId, data, shown);
    }

    /** A callback_query with this data on the given message (or on no message, when null). */
    public ObjectNode callback(long chatId, String data, SentMessage on) {
        ObjectNode query = NODES.objectNode();
        query.put("id", "cb" + System.nanoTime());
        query.set("from", user(chatId));
        query.put("chat_instance", "ci" + chatId);
        query.put("data", data);
        if (on != null) {
            ObjectNode message = NODES.objectNode();
            message.put("message_id", on.messageId());
            message.set("from", botUser());
            message.set("chat", privateChat(chatId));
            message.put("date", now());
            message.put("text", on.text());
            if (on.replyMarkup() != null) message.set("reply_markup", on.replyMarkup().deepCopy());
            query.set("message", message);
        }
        return update("callback_query", query);
    }

    public ObjectNode sticker(long chatId) {
        ObjectNode message = message(privateChat(chatId), chatId);
        message.putObject("sticker").put("file_id", "st1").put("file_unique_id", "u1").put("type", "regular")
                .put("width", 512).put("height", 512).put("is_animated", false).put("is_video", false).put("emoji", "👍");
        return update("message", message);
    }

    public ObjectNode photo(long chatId, String caption) {
        ObjectNode message = message(privateChat(chatId), chatId);
        message.putArray("photo").addObject().put("file_id", "ph1").put("file_unique_id", "u2")
                .put("width", 90).put("height", 90).put("file_size", 1234);
        if (caption != null) message.put("caption", caption);
        return update("message", message);
    }

    public ObjectNode voice(long chatId) {
        ObjectNode message = message(privateChat(chatId), chatId);
        message.putObject("voice").put("file_id", "vo1").put("file_unique_id", "u3").put("duration", 3);
        return update("message", message);
    }

    public ObjectNode location(long chatId) {
        ObjectNode message = message(privateChat(chatId), chatId);
        message.putObject("location").put("latitude", 53.8).put("longitude", -1.55);
        return update("message", message);
    }

    /** An edit of an earlier text message. */
    public ObjectNode edited(long chatId, String newText) {
        ObjectNode message = message(privateChat(chatId), chatId);
        message.put("text", newText);
        message.put("edit_date", now());
        return update("edited_message", message);
    }

    /** A text message in a group chat (negative id) from one of its members. */
    public ObjectNode groupText(long groupChatId, long fromUserId, String text) {
        ObjectNode chat = NODES.objectNode().put("id", groupChatId).put("type", "supergroup").put("title", "Allotment society");
        ObjectNode message = message(chat, fromUserId);
        message.put("text", text);
        return update("message", message);
    }

    /** The person blocked ("kicked") or unblocked ("member") the bot in their private chat. */
    public ObjectNode myChatMember(long chatId, String newStatus) {
        ObjectNode change = NODES.objectNode();
        change.set("chat", privateChat(chatId));
        change.set("from", user(chatId));
        change.put("date", now());
        change.putObject("old_chat_member").put("status", "member").set("user", botUser());
        change.putObject("new_chat_member").put("status", newStatus).set("user", botUser());
        return update("my_chat_member", change);
    }

    private ObjectNode message(ObjectNode chat, long fromId) {
        ObjectNode message = NODES.objectNode();
        synchronized (lock) {
            message.put("message_id", nextMessageId++);
        }
        message.set("from", user(fromId));
        message.set("chat", chat);
        message.put("date", now());
        return message;
    }

    private static ObjectNode update(String kind, ObjectNode body) {
        ObjectNode update = NODES.objectNode();
        update.set(kind, body);
        return update;
    }

    private static ObjectNode privateChat(long chatId) {
        return NODES.objectNode().put("id", chatId).put("type", "private").put("first_name", "Resident");
    }

    private static ObjectNode user(long id) {
        return NODES.objectNode().put("id", id).put("is_bot", false).put("first_name", "Resident").put("language_code", "en");
    }

    private static ObjectNode botUser() {
        return NODES.objectNode().put("id", BOT_ID).put("is_bot", true).put("first_name", "Chinwag").put("username", BOT_USERNAME);
    }

    private static long now() {
        return System.currentTimeMillis() / 1000;
    }

    // ---- webhook delivery ------------------------------------------------------------------------

    /** Posts an update to a webhook as Telegram does, with the secret header when {@code secret} is not null. */
    public HttpResponse<String> deliverWebhook(String url, String secret, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (secret != null) request.header("X-Telegram-Bot-Api-Secret-Token", secret);
        try {
            return webhookClient.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("webhook delivery failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Gives the update an id (like {@link #enqueue}) and posts it to the webhook that was set, with its secret. */
    public HttpResponse<String> deliverWebhook(ObjectNode update) {
        Webhook hook = webhook();
        if (hook == null) throw new AssertionError("no webhook was set");
        synchronized (lock) {
            if (!update.hasNonNull("update_id")) update.put("update_id", nextUpdateId++);
        }
        return deliverWebhook(hook.url(), hook.secretToken(), update.toString());
    }

    // ---- the HTTP side -----------------------------------------------------------------------------

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            Matcher path = PATH.matcher(exchange.getRequestURI().getPath());
            if (!path.matches()) {
                respond(exchange, 404, error(404, "Not Found", null));
                return;
            }
            if (!path.group(1).equals(token)) {
                respond(exchange, 401, error(401, "Unauthorized", null));
                return;
            }
            long arrived = System.nanoTime();
            String method = path.group(2).toLowerCase(Locale.ROOT);
            ObjectNode params = params(exchange);
            waitIfHeld(method, HoldPoint.BEFORE_ACCEPTING, params);
            Failure failure;
            synchronized (lock) {
                Deque<Failure> queue = failures.get(method);
                failure = queue == null ? null : queue.poll();
            }
            Reply reply = failure != null
                    ? new Reply(failure.status(), error(failure.status(), failure.description(), failure.retryAfter()))
                    : answer(method, params, arrived);
            boolean drop;
            synchronized (lock) {
                // recorded once answered, so a test that saw the call also sees its effect
                calls.add(new Call(method, params));
                lock.notifyAll();
                drop = drops.stream().anyMatch(d -> d.catches(method, params));
            }
            waitIfHeld(method, HoldPoint.AFTER_ACCEPTING, params);
            // closing the exchange before any response headers closes the connection: no answer at all
            if (drop) return;
            respond(exchange, reply.status(), reply.body());
        } catch (IOException e) {
            // the client went away (e.g. a cancelled long poll): nothing to answer
        }
    }

    private Reply answer(String method, ObjectNode params, long arrived) {
        return switch (method) {
            case "getme" -> ok(botUser().put("can_join_groups", true).put("can_read_all_group_messages", false));
            case "deletewebhook" -> deleteWebhook();
            case "setwebhook" -> setWebhook(params);
            case "getwebhookinfo" -> webhookInfo();
            case "getupdates" -> getUpdates(params);
            case "sendmessage" -> sendMessage(params, arrived);
            case "answercallbackquery" -> ok(NODES.booleanNode(true));
            default -> new Reply(404, error(404, "Not Found: method not found", null));
        };
    }

    private record Reply(int status, JsonNode body) {}

    private static Reply ok(JsonNode result) {
        ObjectNode body = NODES.objectNode().put("ok", true);
        body.set("result", result);
        return new Reply(200, body);
    }

    private static ObjectNode error(int code, String description, Integer retryAfter) {
        ObjectNode body = NODES.objectNode().put("ok", false).put("error_code", code).put("description", description);
        if (retryAfter != null) body.putObject("parameters").put("retry_after", retryAfter);
        return body;
    }

    private Reply deleteWebhook() {
        synchronized (lock) {
            webhook = null;
        }
        return ok(NODES.booleanNode(true));
    }

    private Reply setWebhook(ObjectNode params) {
        String url = params.path("url").asText("");
        if (url.isEmpty()) return deleteWebhook();
        if (!url.startsWith("https://") && !url.startsWith("http://")) {
            return new Reply(400, error(400, "Bad Request: bad webhook: An HTTPS URL must be provided for webhook", null));
        }
        synchronized (lock) {
            webhook = new Webhook(url, params.hasNonNull("secret_token") ? params.get("secret_token").asText() : null,
                    json(params.get("allowed_updates")));
        }
        return ok(NODES.booleanNode(true));
    }

    private Reply webhookInfo() {
        ObjectNode info = NODES.objectNode();
        synchronized (lock) {
            info.put("url", webhook == null ? "" : webhook.url());
            info.put("pending_update_count", queued.size());
        }
        info.put("has_custom_certificate", false);
        return ok(info);
    }

    private Reply getUpdates(ObjectNode params) {
        long offset = params.path("offset").asLong(0);
        int limit = Math.max(1, Math.min(100, params.path("limit").asInt(100)));
        long timeoutMillis = Math.max(0, params.path("timeout").asLong(0)) * 1000;
        synchronized (lock) {
            if (webhook != null) {
                return new Reply(409, error(409, "Conflict: can't use getUpdates method while webhook is active; "
                        + "use deleteWebhook to delete the webhook first", null));
            }
            while (stopping && !closed) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            long generation = ++getUpdatesGeneration;
            lock.notifyAll(); // an older held request is replaced by this one, as on Telegram
            if (offset > 0) queued.removeIf(u -> u.get("update_id").asLong() < offset);
            long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
            while (queued.isEmpty() && !closed && generation == getUpdatesGeneration) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) break;
                try {
                    lock.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            if (generation < droppedBefore) return ok(NODES.arrayNode());
            if (generation != getUpdatesGeneration) {
                pollingConflicts++;
                return new Reply(409, error(409, "Conflict: terminated by other getUpdates request; "
                        + "make sure that only one bot instance is running", null));
            }
            ArrayNode result = NODES.arrayNode();
            Iterator<ObjectNode> it = queued.iterator();
            while (it.hasNext() && result.size() < limit) result.add(it.next().deepCopy());
            return ok(result);
        }
    }

    private Reply sendMessage(ObjectNode params, long arrived) {
        String chat = params.path("chat_id").asText("");
        String text = params.path("text").asText("");
        if (chat.isEmpty()) return new Reply(400, error(400, "Bad Request: chat_id is empty", null));
        if (text.isBlank()) return new Reply(400, error(400, "Bad Request: message text is empty", null));
        if (text.length() > 4096) return new Reply(400, error(400, "Bad Request: message is too long", null));
        long chatId;
        try {
            chatId = Long.parseLong(chat);
        } catch (NumberFormatException e) {
            return new Reply(400, error(400, "Bad Request: chat not found", null));
        }
        JsonNode markup = json(params.get("reply_markup"));
        ObjectNode message = NODES.objectNode();
        synchronized (lock) {
            int id = nextMessageId++;
            sent.add(new SentMessage(chatId, id, text, markup));
            requestedAt.put(id, arrived);
            lock.notifyAll();
            message.put("message_id", id);
        }
        message.set("from", botUser());
        message.set("chat", chatId > 0 ? privateChat(chatId) : NODES.objectNode().put("id", chatId).put("type", "supergroup"));
        message.put("date", now());
        message.put("text", text);
        if (markup != null) message.set("reply_markup", markup);
        return ok(message);
    }

    /** Form and multipart fields arrive as strings; JSON-valued ones (reply_markup) are parsed here. */
    private static JsonNode json(JsonNode value) {
        if (value == null || value.isNull()) return null;
        if (value.isTextual()) {
            try {
                return JSON.readTree(value.asText());
            } catch (IOException e) {
                return value;
            }
        }
        return value;
    }

    /** Parameters from the query string and the body, whichever way the client encoded them. */
    private static ObjectNode params(HttpExchange exchange) throws IOException {
        ObjectNode params = NODES.objectNode();
        formFields(exchange.getRequestURI().getRawQuery(), params);
        byte[] body = exchange.getRequestBody().readAllBytes();
        String rawType = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
        String type = rawType.toLowerCase(Locale.ROOT);
        String text = new String(body, StandardCharsets.UTF_8);
        if (type.startsWith("application/json") && !text.isBlank()) {
            JsonNode json = JSON.readTree(text);
            if (json instanceof ObjectNode object) params.setAll(object);
        } else if (type.startsWith("application/x-www-form-urlencoded")) {
            formFields(text, params);
        } else if (type.startsWith("multipart/form-data")) {
            Matcher boundary = Pattern.compile("boundary=\"?([^\";]+)\"?").matcher(rawType);
            if (boundary.find()) multipartFields(text, boundary.group(1), params);
        }
        return params;
    }

    private static void formFields(String raw, ObjectNode into) {
        if (raw == null || raw.isEmpty()) return;
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            into.put(name, value);
        }
    }

    private static void multipartFields(String body, String boundary, ObjectNode into) {
        for (String part : body.split("--" + Pattern.quote(boundary))) {
            int headersEnd = part.indexOf("\r\n\r\n");
            if (headersEnd < 0) continue;
            Matcher name = Pattern.compile("name=\"([^\"]+)\"").matcher(part.substring(0, headersEnd));
            if (!name.find()) continue;
            String value = part.substring(headersEnd + 4);
            if (value.endsWith("\r\n")) value = value.substring(0, value.length() - 2);
            into.put(name.group(1), value);
        }
    }

    private static void respond(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
        server.stop(0);
        threads.shutdownNow();
    }
}
