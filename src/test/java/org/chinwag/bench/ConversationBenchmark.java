package org.chinwag.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.chinwag.conversation.ConversationState;
import org.chinwag.conversation.Engine;
import org.chinwag.conversation.Inbound;
import org.chinwag.conversation.ScriptLibrary;
import org.chinwag.conversation.Signals;
import org.chinwag.conversation.Turn;
import org.chinwag.messages.ChannelMessage;
import org.chinwag.messages.Inbox;
import org.chinwag.messages.TextAnalyzer;
import org.chinwag.store.Database;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The message path in process, one thread: the pure engine walking a whole Big Chat, and the
 * inbox storing one resident message (the whole write transaction, on a real SQLite file in WAL
 * mode). Run with bench/jmh.sh ConversationBenchmark.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ConversationBenchmark {

    /** The resident's side of a whole conversation: consent, answers, skip about-you, opt in. */
    static final Inbound[] CONVERSATION = {
        Inbound.fromTyped("/start"),
        new Inbound.ButtonPress("consent:yes", "Yes"),
        Inbound.fromTyped("Walking by the canal and the Tuesday lunch club"),
        Inbound.fromTyped("The buses stop at seven and the GP phone line is always busy"),
        Inbound.fromTyped("nothing more to add"),
        Inbound.fromTyped("More buses in the evening please"),
        new Inbound.ButtonPress("about_you:skip", "Skip"),
        new Inbound.ButtonPress("optin:yes", "Yes please"),
    };

    Engine engine;
    Path dir;
    Database database;
    Inbox inbox;
    final AtomicLong resident = new AtomicLong();
    final AtomicLong update = new AtomicLong();

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        engine = new Engine(ScriptLibrary.bundled());
        dir = Files.createTempDirectory("chinwag-bench");
        database = Database.open("jdbc:sqlite:" + dir.resolve("bench.db"));
        database.migrate();
        inbox = new Inbox(database, engine, TextAnalyzer.NONE, Clock.systemUTC(), "big-chat", () -> {});
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        database.close();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Engine only: a whole 8-message conversation, state in and out, no I/O. Divide by 8 for steps. */
    @Benchmark
    public ConversationState engineWholeConversation() {
        ConversationState state = null;
        for (Inbound inbound : CONVERSATION) {
            Turn turn = engine.step(state, inbound, Signals.NONE);
            state = turn.state();
        }
        return state;
    }

    /** Inbox: one resident message stored, engine run, replies queued, committed. */
    @Benchmark
    @OperationsPerInvocation(8)
    public int inboxWholeConversation() {
        String who = "bench-" + resident.incrementAndGet();
        int queued = 0;
        for (Inbound inbound : CONVERSATION) {
            queued += inbox.receive(new ChannelMessage("bench", who, Long.toString(update.incrementAndGet()), inbound, "en"))
                    .outboundIds().size();
        }
        return queued;
    }
}
