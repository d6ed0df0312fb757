package org.chinwag.channel.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import javax.net.SocketFactory;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.util.DefaultGetUpdatesGenerator;
import org.telegram.telegrambots.longpolling.util.ExponentialBackOff;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * Long polling with TelegramBots, made durable. Telegram forgets an update once a later getUpdates
 * asks for a higher offset, and TelegramBots asks for the next batch as soon as the consumer
 * returns. So this consumer handles each update synchronously, on the polling thread, and returns
 * only after the inbox committed it (unlike the library's single-thread consumer, which queues
 * updates and lets the next getUpdates confirm them before they are stored). If storage fails, it
 * keeps retrying instead of returning; if the service stops first, the update stays unconfirmed
 * and Telegram delivers it again after the restart.
 */
final class TelegramPolling implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TelegramPolling.class);
    /** Attempts at an update that fails for a reason other than storage (a bug, not an outage). */
    static final int ATTEMPTS_BEFORE_SKIPPING = 3;
    private static final Duration MAX_RETRY_WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String token;
    private final TelegramUrl url;
    private final UpdateSink handler;
    private final ReentrantLock handling = new ReentrantLock();
    private final OpenSockets sockets = new OpenSockets();
    private final OkHttpClient http;
    private final ScheduledExecutorService pollThread;
    private final TelegramBotsLongPollingApplication application;
    private volatile boolean running = true;

    /** Where each update goes; returns only once it is stored, throws when it could not be. */
    @FunctionalInterface
    interface UpdateSink {
        void handle(Update update);
    }

    TelegramPolling(String token, TelegramUrl url, UpdateSink handler) {
        this.token = token;
        this.url = url;
        this.handler = handler;
        // our own client and thread, so close() can cut a held getUpdates short and end the thread
        this.http = new OkHttpClient.Builder().connectTimeout(10, TimeUnit.SECONDS)
                .readTimeout(75, TimeUnit.SECONDS).writeTimeout(30, TimeUnit.SECONDS)
                .socketFactory(sockets).retryOnConnectionFailure(false)
                .addInterceptor(this::quietWhenStopping).addInterceptor(TelegramPolling::readableUpdates).build();
        this.pollThread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "chinwag-telegram-polling");
            thread.setDaemon(true);
            return thread;
        });
        this.application = new TelegramBotsLongPollingApplication(
                ObjectMapper::new, () -> http, () -> pollThread, ExponentialBackOff::new);
    }

    /**
     * A getUpdates cut short by close() (which closes its socket) would be logged by TelegramBots as
     * an error with a stack trace on every normal shutdown; answer it as "no updates" instead.
     * Nothing is confirmed by this: only a later getUpdates with a higher offset confirms anything,
     * and none follows.
     */
    private Response quietWhenStopping(Interceptor.Chain chain) throws IOException {
        try {
            return chain.proceed(chain.request());
        } catch (IOException e) {
            if (running) throw e;
            return new Response.Builder().request(chain.request()).protocol(Protocol.HTTP_1_1).code(200).message("OK")
                    .body(ResponseBody.create("{\"ok\":true,\"result\":[]}", MediaType.get("application/json")))
                    .build();
        }
    }

    /**
     * TelegramBots reads a whole getUpdates answer at once: one update that does not fit its types
     * would fail every poll from then on, at the same offset, and stall the bot. Such an update is
     * handed on with only its id, so it is confirmed and ignored like any other unusable update.
     */
    private static Response readableUpdates(Interceptor.Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        if (!chain.request().url().encodedPath().toLowerCase().endsWith("/getupdates") || response.body() == null) {
            return response;
        }
        MediaType type = response.body().contentType();
        String body = response.body().string();
        JsonNode answer;
        try {
            answer = JSON.readTree(body);
        } catch (IOException e) {
            answer = null; // not JSON: left for TelegramBots to report as it does
        }
        if (answer != null && answer.path("result").isArray()) {
            ArrayNode updates = (ArrayNode) answer.get("result");
            for (int i = 0; i < updates.size(); i++) {
                Integer id = TelegramUpdates.updateId(updates.get(i));
                if (id != null && !TelegramUpdates.fits(JSON, updates.get(i))) {
                    log.warn("telegram update {} could not be read; confirmed and ignored", id);
                    updates.set(i, JSON.createObjectNode().put("update_id", id));
                }
            }
            body = JSON.writeValueAsString(answer);
        }
        return response.newBuilder().body(ResponseBody.create(body, type)).build();
    }

    /** Calls deleteWebhook, then polls; throws when Telegram cannot be reached to begin with. */
    void start() throws TelegramApiException {
        try {
            application.registerBot(token, () -> url, new DefaultGetUpdatesGenerator(TelegramUpdates.ALLOWED_UPDATES),
                    this::consume);
        } catch (TelegramApiException e) {
            // TelegramBots keeps a session that failed to start; drop it so the next try can register
            try {
                application.unregisterBot(token);
            } catch (TelegramApiException ignored) {
                // it was not registered after all
            }
            throw e;
        }
    }

    /** Called by TelegramBots with each batch; the next getUpdates (which confirms them) waits for this. */
    private void consume(List<Update> updates) {
        // Never throws: an exception here would end TelegramBots' polling task for good.
        for (Update update : updates) {
            if (!running || !handleUntilStored(update)) return;
        }
    }

    /** False when the service is stopping and the update was left for Telegram to deliver again. */
    private boolean handleUntilStored(Update update) {
        long wait = 250;
        for (int attempt = 1; running; attempt++) {
            handling.lock();
            try {
                if (!running) return false;
                handler.handle(update);
                return true;
            } catch (RuntimeException e) {
                boolean storage = storageFailure(e);
                // ids and exception types only: messages could quote what the resident wrote
                log.warn("telegram update {} not handled (attempt {}): {}", update.getUpdateId(), attempt,
                        storage ? "storage unavailable" : e.getClass().getName());
                if (!storage && attempt >= ATTEMPTS_BEFORE_SKIPPING) {
                    // One broken update must not stall every other resident behind it.
                    log.error("telegram update {} skipped after {} attempts", update.getUpdateId(), attempt);
                    return true;
                }
            } finally {
                handling.unlock();
            }
            sleep(wait);
            wait = Math.min(wait * 2, MAX_RETRY_WAIT.toMillis());
        }
        return false;
    }

    /**
     * True when the update failed because it could not be stored (an outage: keep trying), false
     * for any other reason (a bug: after {@link #ATTEMPTS_BEFORE_SKIPPING} tries, skip it). The
     * webhook follows the same rule.
     */
    static boolean storageFailure(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SQLException) return true;
        }
        return false;
    }

    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** Stops polling; waits for an update being stored to commit, so the database can close after. */
    @Override
    public void close() {
        running = false;
        boolean locked = false;
        try {
            locked = handling.tryLock(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            application.close(); // no further getUpdates (none that would confirm this batch)
            sockets.closeAll(); // ends a held getUpdates now rather than in 50 s
        } catch (Exception e) {
            log.warn("telegram polling did not stop cleanly: {}", e.getClass().getName());
        } finally {
            if (locked) handling.unlock();
        }
        pollThread.shutdownNow();
        try {
            // a getUpdates that started just as we cancelled the others: cancel it too
            for (int i = 0; i < 50 && !pollThread.awaitTermination(100, TimeUnit.MILLISECONDS); i++) {
                sockets.closeAll();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    /** Hands OkHttp its sockets and remembers them, so close() can end a held long poll. */
    private static final class OpenSockets extends SocketFactory {
        private final SocketFactory plain = SocketFactory.getDefault();
        private final Set<Socket> open = ConcurrentHashMap.newKeySet();

        private Socket track(Socket socket) {
            open.removeIf(Socket::isClosed);
            open.add(socket);
            return socket;
        }

        void closeAll() {
            for (Socket socket : open) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing is all we wanted
                }
            }
        }

        @Override
        public Socket createSocket() throws IOException {
            return track(plain.createSocket());
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return track(plain.createSocket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return track(plain.createSocket(host, port, localHost, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return track(plain.createSocket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
            return track(plain.createSocket(address, port, localAddress, localPort));
        }
    }
}
