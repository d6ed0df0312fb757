package org.chinwag.messages;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
 * Sends what the inbox queued, from the database. A message is marked sent only after its channel
 * accepted it, so a restart loses nothing still pending; the price is that a message in flight
 * when the service dies (or whose answer is lost on the network) is sent again: at most one per
 * chat, and at most {@link #SENDING_THREADS} in all.
 *
 * <p>One dispatcher reads the due rows (each chat's oldest pending message) and hands them to a
 * pool of sending threads, one chat at a time per thread, so a slow chat holds up only itself.
 * A chat never has two sends in flight, which keeps each person's messages in order and no row
 * is handed out twice. Pacing is each channel's own: a gap between any two sends
 * ({@link ChannelSender#minimumGapOverall()}, Telegram's ~30 a second per bot) and a gap per chat
 * ({@link ChannelSender#minimumGapPerChat()}, Telegram's one a second), the latter timed on the
 * injected clock. Honours the channel's "retry after", backs off on server errors, and stops
 * writing to people who blocked the bot.
 *
 * <p>Instances that share a PostgreSQL database each run an outbox; a send holds its row's lock
 * until its outcome is stored, and the others skip locked rows, so no message goes out twice.
 * The per-chat gap is kept by each instance for its own sends.
 */
public final class Outbox implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);
    static final int MAX_ATTEMPTS = 12;
    /** Chats sent to at the same time; also the most messages a crash can leave to be sent twice. */
    public static final int SENDING_THREADS = 8;
    private static final int BATCH = 100;
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(10);
    private static final Duration IDLE_WAIT = Duration.ofSeconds(1);
    /** How long to wait before retrying to record an outcome the database refused. */
    private static final Duration STORAGE_RETRY = Duration.ofSeconds(1);

    private final Database database;
    private final Clock clock;
    private final Map<String, ChannelSender> senders;
    private final ExecutorService sending;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private boolean woken;
    private volatile boolean running;
    private Thread dispatcher;
    /** Guards {@link #busyChats} and {@link #readyAt}; held while due rows are read and claimed. */
    private final Object claims = new Object();
    /** Chats with a send in flight: nothing else goes to them until it is recorded. */
    private final Set<String> busyChats = new HashSet<>();
    /** Per chat: the clock time before which nothing more goes to it (its channel's gap after a send). */
    private final Map<String, Long> readyAt = new HashMap<>();
    /** Per channel: when its rate limit says we may send again (clock millis). */
    private final Map<String, Long> pausedUntil = new ConcurrentHashMap<>();
    /** Per channel: when its last send started (System.nanoTime), for its overall pace. */
    private final Map<String, Long> lastSendNanos = new HashMap<>();

    public Outbox(Database database, Clock clock, List<ChannelSender> senders) {
        this.database = database;
        this.clock = clock;
        this.senders = senders.stream().collect(Collectors.toUnmodifiableMap(ChannelSender::channel, Function.identity()));
        AtomicInteger number = new AtomicInteger();
        this.sending = Executors.newFixedThreadPool(SENDING_THREADS, r -> {
            Thread thread = new Thread(r, "chinwag-outbox-send-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    public synchronized void start() {
        if (running) return;
        running = true;
        dispatcher = new Thread(this::loop, "chinwag-outbox");
        dispatcher.setDaemon(true);
        dispatcher.start();
    }

    /** New rows are waiting (or a chat became free): look again now rather than at the next poll. */
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
                awaitWork(dispatch().nextReadyAt());
            } catch (RuntimeException e) {
                log.error("outbox pass failed; retrying shortly", e);
                awaitWork(Long.MAX_VALUE);
            }
        }
    }

    /** Sleeps until woken, until a chat waiting out its gap is ready, or for the idle poll. */
    private void awaitWork(long nextReadyAt) {
        long wait = Math.min(IDLE_WAIT.toMillis(), Math.max(1, nextReadyAt - clock.millis()));
        lock.lock();
        try {
            if (!woken) wake.await(wait, TimeUnit.MILLISECONDS);
            woken = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
    }

    /**
     * One pass over the due messages, waiting for the sends it started; returns how many were
     * delivered. For tests and the CLI; the running outbox does not wait like this.
     */
    public int drain() {
        int delivered = 0;
        for (Future<Boolean> send : dispatch().started()) {
            try {
                if (send.get()) delivered++;
            } catch (ExecutionException e) {
                throw new IllegalStateException("send failed unexpectedly", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return delivered;
    }

    /** What one pass started, and the earliest clock time at which a chat held back becomes ready. */
    private record Pass(List<Future<Boolean>> started, long nextReadyAt) {}

    private Pass dispatch() {
        List<PendingMessage> claimed = new ArrayList<>();
        long nextReadyAt = Long.MAX_VALUE;
        // Reading and claiming under one lock, and a send releasing its chat only after its outcome
        // committed, mean a row read as pending here is never one whose send just finished.
        synchronized (claims) {
            long now = clock.millis();
            List<PendingMessage> due = database.dsl().transactionResult(cfg ->
                    new MessageRepository(cfg.dsl()).due(new ArrayList<>(senders.keySet()), now, BATCH));
            readyAt.values().removeIf(at -> at <= now);
            for (PendingMessage message : due) {
                String chat = chatOf(message);
                long paused = pausedUntil.getOrDefault(message.channel(), 0L);
                long ready = Math.max(paused, readyAt.getOrDefault(chat, 0L));
                if (now < ready) {
                    nextReadyAt = Math.min(nextReadyAt, ready);
                } else if (busyChats.add(chat)) {
                    claimed.add(message);
                }
            }
        }
        List<Future<Boolean>> started = new ArrayList<>();
        for (PendingMessage message : claimed) started.add(sending.submit(() -> deliver(message)));
        return new Pass(started, nextReadyAt);
    }

    private static String chatOf(PendingMessage message) {
        return message.channel() + ":" + message.recipient();
    }

    /**
     * On a sending thread: one message to one chat, its outcome recorded before the chat is free
     * again. The row is claimed first ({@link Database#hold()}): where instances share the
     * database, one that another instance is sending, or that went out since it was read, is left.
     */
    private boolean deliver(PendingMessage message) {
        ChannelSender sender = senders.get(message.channel());
        String chat = chatOf(message);
        long gap = 0;
        boolean delivered = false;
        try (Database.Held held = database.hold()) {
            if (!held.claim(tx -> new MessageRepository(tx).claimPending(message.id()))) return false;
            // paced as each send starts, so sends queued behind slow ones cannot go out in a burst
            pace(message.channel(), sender.minimumGapOverall());
            if (clock.millis() < pausedUntil.getOrDefault(message.channel(), 0L)) {
                return false; // a 429 came in meanwhile: this waits with the rest of its channel
            }
            try {
                sender.send(message.recipient(), new Outbound(message.body(), Json.buttons(message.buttonsJson())));
                delivered = true;
                gap = sender.minimumGapPerChat().toMillis();
            } catch (SendFailure failure) {
                recordUntilStored(() -> handle(held, message, failure));
            } catch (RuntimeException e) {
                recordUntilStored(() -> handle(held, message, SendFailure.retry(e.getClass().getSimpleName(), null)));
            }
            if (delivered) recordUntilStored(() -> markSent(held, message));
        } catch (RuntimeException e) {
            // the claim failed, or we are stopping with the outcome unrecorded: the row stays pending
            log.warn("message {} not sent or its outcome not stored ({}); it stays pending", message.id(),
                    e.getClass().getSimpleName());
            gap = STORAGE_RETRY.toMillis();
        } finally {
            release(chat, gap);
        }
        return delivered;
    }

    private void markSent(Database.Held held, PendingMessage message) {
        held.writeAndCommit(tx -> {
            new MessageRepository(tx).markSent(message.id(), clock.millis());
            return null;
        });
    }

    /**
     * Retries writing a send's outcome while the database refuses it (locked, disk full): a
     * delivered message whose "sent" was not stored must not be handed out again, so its chat
     * stays busy meanwhile. Gives up only when the outbox is stopping.
     */
    private void recordUntilStored(Runnable write) {
        while (true) {
            try {
                write.run();
                return;
            } catch (RuntimeException e) {
                if (!running) throw e;
                log.warn("outbox could not store a send's outcome ({}); trying again", e.getClass().getSimpleName());
                try {
                    Thread.sleep(STORAGE_RETRY.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private void release(String chat, long gapMillis) {
        synchronized (claims) {
            busyChats.remove(chat);
            if (gapMillis > 0) readyAt.put(chat, clock.millis() + gapMillis);
        }
        wake();
    }

    /** Keeps a channel under its overall rate (Telegram: ~30 messages a second per bot), across all chats. */
    private void pace(String channel, Duration gap) {
        if (gap.isZero()) return;
        synchronized (lastSendNanos) {
            long wait = lastSendNanos.getOrDefault(channel, System.nanoTime() - gap.toNanos()) + gap.toNanos() - System.nanoTime();
            if (wait > 0) {
                try {
                    TimeUnit.NANOSECONDS.sleep(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            lastSendNanos.put(channel, System.nanoTime());
        }
    }

    private void handle(Database.Held held, PendingMessage message, SendFailure failure) {
        long now = clock.millis();
        if (failure.kind() == SendFailure.Kind.RETRY && failure.retryAfter() != null) {
            pausedUntil.merge(message.channel(), now + failure.retryAfter().toMillis(), Math::max);
        }
        String reason = failure.kind() + ": " + failure.getMessage();
        held.writeAndCommit(tx -> {
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

    /**
     * Stops handing out messages and gives sends in flight a few seconds to finish and be recorded.
     * One still unanswered after that stays pending and is sent again after the restart.
     */
    @Override
    public void close() {
        running = false;
        wake();
        if (dispatcher != null) {
            try {
                dispatcher.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        sending.shutdown();
        try {
            if (!sending.awaitTermination(5, TimeUnit.SECONDS)) sending.shutdownNow();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            sending.shutdownNow();
        }
    }
}
