package org.chinwag.messages;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.chinwag.conversation.Outbound;
import org.chinwag.store.Database;
import org.chinwag.store.MessageRepository;
import org.chinwag.store.MessageRepository.PendingMessage;
import org.chinwag.store.ParticipantRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends what the inbox queued, from the database, on one thread: a message is marked sent only
 * after its channel accepted it, so a restart resends nothing already delivered and loses nothing
 * still pending. Honours the channel's "retry after", backs off on server errors, keeps each
 * person's messages in order, and stops writing to people who blocked the bot.
 */
public final class Outbox implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);
    static final int MAX_ATTEMPTS = 12;
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(10);
    private static final Duration IDLE_WAIT = Duration.ofSeconds(1);
    /** Telegram allows about 30 messages a second per bot; stay under it. */
    private static final long MIN_GAP_NANOS = TimeUnit.MILLISECONDS.toNanos(35);

    private final Database database;
    private final Clock clock;
    private final Map<String, ChannelSender> senders;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private boolean woken;
    private volatile boolean running;
    private Thread thread;
    private long lastSendNanos;
    /** Per channel: when its rate limit says we may send again (epoch millis); only the outbox thread touches it. */
    private final Map<String, Long> pausedUntil = new java.util.HashMap<>();

    public Outbox(Database database, Clock clock, List<ChannelSender> senders) {
        this.database = database;
        this.clock = clock;
        this.senders = senders.stream().collect(Collectors.toUnmodifiableMap(ChannelSender::channel, Function.identity()));
    }

    public synchronized void start() {
        if (running) return;
        running = true;
        thread = new Thread(this::loop, "chinwag-outbox");
        thread.setDaemon(true);
        thread.start();
    }

    /** New rows are waiting: send them now rather than at the next poll. */
    public void wake() {
        lock.lock();
        try {
            woken = true;
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void loop() {
        while (running) {
            try {
                int sent = drain();
                if (sent == 0) awaitWork();
            } catch (RuntimeException e) {
                log.error("outbox pass failed; retrying shortly", e);
                awaitWork();
            }
        }
    }

    private void awaitWork() {
        lock.lock();
        try {
            if (!woken) wake.await(IDLE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            woken = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
    }

    /**
     * One pass over the due messages (each person's oldest pending one); returns how many were
     * delivered. Public for tests and the CLI.
     */
    public int drain() {
        List<PendingMessage> due = database.dsl().transactionResult(cfg ->
                new MessageRepository(cfg.dsl()).due(new ArrayList<>(senders.keySet()), clock.millis(), 100));
        int delivered = 0;
        for (PendingMessage message : due) {
            // a channel that asked us to wait (429) gets nothing until the wait is over
            if (clock.millis() < pausedUntil.getOrDefault(message.channel(), 0L)) continue;
            if (deliver(message)) delivered++;
        }
        return delivered;
    }

    private boolean deliver(PendingMessage message) {
        ChannelSender sender = senders.get(message.channel());
        pace();
        try {
            sender.send(message.recipient(), new Outbound(message.body(), Json.buttons(message.buttonsJson())));
            database.write(tx -> {
                new MessageRepository(tx).markSent(message.id(), clock.millis());
                return null;
            });
            return true;
        } catch (SendFailure failure) {
            handle(message, failure);
            return false;
        } catch (RuntimeException e) {
            handle(message, SendFailure.retry(e.getClass().getSimpleName(), null));
            return false;
        }
    }

    private void pace() {
        long wait = lastSendNanos + MIN_GAP_NANOS - System.nanoTime();
        if (wait > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        lastSendNanos = System.nanoTime();
    }

    private void handle(PendingMessage message, SendFailure failure) {
        long now = clock.millis();
        if (failure.kind() == SendFailure.Kind.RETRY && failure.retryAfter() != null) {
            pausedUntil.put(message.channel(), now + failure.retryAfter().toMillis());
        }
        String reason = failure.kind() + ": " + failure.getMessage();
        database.write(tx -> {
            var messages = new MessageRepository(tx);
            switch (failure.kind()) {
                case BLOCKED -> {
                    messages.markFailed(message.id(), reason);
                    if (message.participantId() != null) {
                        messages.failPending(message.participantId(), "recipient blocked the bot");
                        new ParticipantRepository(tx).setActive(message.participantId(), false, now);
                    }
                }
                case PERMANENT -> messages.markFailed(message.id(), reason);
                case RETRY -> {
                    if (message.attempts() + 1 >= MAX_ATTEMPTS) {
                        messages.markFailed(message.id(), "gave up after " + MAX_ATTEMPTS + " attempts: " + reason);
                    } else {
                        messages.markRetry(message.id(), now + backoff(message.attempts(), failure.retryAfter()).toMillis(), reason);
                    }
                }
            }
            return null;
        });
        // message ids and failure kinds only: never text or channel ids in logs
        log.warn("message {} not delivered: {}", message.id(), failure.kind());
    }

    /** The far end's own wait when it gave one, else exponential: 1 s, 2 s, 4 s ... up to ten minutes. */
    static Duration backoff(int attempts, Duration retryAfter) {
        if (retryAfter != null) return retryAfter;
        long seconds = 1L << Math.min(attempts, 20);
        return Duration.ofSeconds(Math.min(seconds, MAX_BACKOFF.toSeconds()));
    }

    @Override
    public void close() {
        running = false;
        wake();
        if (thread != null) {
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
