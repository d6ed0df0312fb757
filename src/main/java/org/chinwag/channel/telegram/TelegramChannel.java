package org.chinwag.channel.telegram;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.chinwag.http.HttpServer;
import org.chinwag.lease.Lease;
import org.chinwag.messages.Inbox;
import org.chinwag.messages.SendFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Telegram channel, put together from the settings: the sender the outbox uses, and the
 * receiving side (long polling, or the webhook route plus its registration with Telegram).
 * Connecting to Telegram never stops the service from starting: when Telegram cannot be reached,
 * the channel keeps trying in the background and says so in the log.
 */
public final class TelegramChannel implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TelegramChannel.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(2);
    private static final Duration LAST_RETRY = Duration.ofMinutes(5);

    /**
     * What the channel needs from the service's settings: the bot's token and the Bot API's address,
     * webhook mode (else long polling) with its secret, and the public address a webhook is registered at.
     */
    public record Config(String token, URI apiUrl, boolean webhook, Optional<String> webhookSecret, Optional<URI> publicUrl) {}

    private final Config config;
    private final TelegramSender sender;
    private final ScheduledExecutorService connector = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "chinwag-telegram-connect");
        thread.setDaemon(true);
        return thread;
    });
    private TelegramUpdateHandler handler;
    private TelegramPolling polling;
    private volatile boolean closed;

    public TelegramChannel(Config config) {
        this.config = config;
        this.sender = new TelegramSender(config.token(), config.apiUrl());
    }

    public TelegramSender sender() {
        return sender;
    }

    /** Where updates go once received. Call before {@link #webhookRoutes()} and {@link #start()}. */
    public void deliverTo(Inbox inbox) {
        this.handler = new TelegramUpdateHandler(inbox, sender);
    }

    private boolean webhookMode() {
        return config.webhook();
    }

    /** The webhook route in webhook mode; no routes at all in polling mode. */
    public HttpServer.RouteSet webhookRoutes() {
        if (!webhookMode()) return routes -> {};
        return new TelegramWebhook(config.webhookSecret().orElseThrow(), handler::handle);
    }

    /**
     * After the HTTP server is up: registers the webhook (when a public URL is set), or starts
     * polling while this instance holds {@code pollingLease}: Telegram answers one long poll per
     * bot at a time, so where instances share a database only the lease holder polls, and another
     * takes over within a lease's length if it stops.
     */
    public void start(Lease pollingLease) {
        if (webhookMode()) {
            Optional<URI> publicUrl = config.publicUrl();
            if (publicUrl.isEmpty()) {
                log.info("telegram webhook mode without CHINWAG_PUBLIC_URL: register the webhook yourself");
                return;
            }
            String url = publicUrl.get().toString().replaceAll("/+$", "") + TelegramWebhook.PATH;
            keepTrying("register the telegram webhook", FIRST_RETRY, () ->
                    sender.setWebhook(url, config.webhookSecret().orElseThrow()));
        } else {
            this.pollingLease = pollingLease;
            // often enough to retry a failed start soon and to renew well before the lease runs out
            long every = Math.min(FIRST_RETRY.toMillis(), pollingLease.length().dividedBy(3).toMillis());
            connector.scheduleWithFixedDelay(this::pollWhileLeaseHeld, 0, every, TimeUnit.MILLISECONDS);
        }
    }

    private Lease pollingLease;
    private Duration startWait = FIRST_RETRY;
    private long nextStartAt;

    /** On the connector thread: renews the lease, and starts or stops polling to match. */
    private void pollWhileLeaseHeld() {
        if (closed) return;
        boolean mine;
        try {
            mine = pollingLease.renew();
        } catch (RuntimeException e) {
            log.warn("telegram: could not renew the polling lease ({}); not polling meanwhile", e.getClass().getSimpleName());
            mine = false;
        }
        if (!mine) {
            if (polling != null) {
                log.info("telegram: another instance holds the polling lease; this one stops polling");
                polling.close();
                polling = null;
            }
            return;
        }
        if (polling != null || System.currentTimeMillis() < nextStartAt) return;
        TelegramPolling starting = new TelegramPolling(sender.token(), TelegramSender.telegramUrl(config.apiUrl()),
                handler::handle);
        try {
            starting.start();
            polling = starting;
            startWait = FIRST_RETRY;
            log.info("telegram: done: start telegram long polling");
        } catch (Exception e) {
            starting.close();
            log.warn("telegram: could not start telegram long polling ({}); trying again in {} s", why(e), startWait.toSeconds());
            nextStartAt = System.currentTimeMillis() + startWait.toMillis();
            startWait = doubled(startWait);
        }
    }

    private static String why(Exception e) {
        // the kind of failure only: exception messages from the HTTP stack can hold the URL
        return e instanceof SendFailure failure ? failure.kind().name() : e.getClass().getSimpleName();
    }

    private static Duration doubled(Duration wait) {
        return wait.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : wait.multipliedBy(2);
    }

    private interface Attempt {
        void run() throws Exception;
    }

    private void keepTrying(String what, Duration wait, Attempt attempt) {
        connector.execute(() -> {
            if (closed) return;
            try {
                attempt.run();
                log.info("telegram: done: {}", what);
            } catch (Exception e) {
                log.warn("telegram: could not {} ({}); trying again in {} s", what, why(e), wait.toSeconds());
                if (!closed) connector.schedule(() -> keepTrying(what, doubled(wait), attempt), wait.toMillis(), TimeUnit.MILLISECONDS);
            }
        });
    }

    private static void releaseQuietly(Lease lease) {
        try {
            lease.release();
        } catch (RuntimeException e) {
            log.warn("telegram: the polling lease was not given up ({}); it runs out by itself", e.getClass().getSimpleName());
        }
    }

    @Override
    public void close() {
        closed = true;
        connector.shutdownNow();
        try {
            connector.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (polling != null) {
            polling.close();
            releaseQuietly(pollingLease);
        }
        sender.close();
    }
}
