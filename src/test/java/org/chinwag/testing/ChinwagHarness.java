package org.chinwag.testing;

import static org.chinwag.store.schema.Tables.MESSAGE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.Stream;
import org.chinwag.app.Models;
import org.chinwag.app.Settings;
import org.chinwag.channel.telegram.TelegramWebhook;
import org.chinwag.messages.CampaignAnalyzer;
import org.chinwag.messages.ModelAnalyzer;
import org.jooq.DSLContext;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The whole service for a test, as {@code serve} runs it: a real HTTP server on loopback, a real
 * SQLite file (or a PostgreSQL database of its own), and, when Telegram is on, the real TelegramBots
 * client talking to a {@link FakeBotApi}. Register it as a field:
 *
 * <pre>{@code
 * @RegisterExtension final ChinwagHarness chinwag = ChinwagHarness.polling().build();         // one per test
 * @RegisterExtension static final ChinwagHarness chinwag = ChinwagHarness.web().build();      // one per class
 * }</pre>
 *
 * It makes a folder for the service's files, starts the fake Bot API and the service before the
 * test (or the class, for a static field) and stops both and removes the folder after it. By
 * default the service runs the tests' own script ({@link TestScript}, under
 * {@code src/test/resources/test-intents}) and the {@link StubAnalyser}, so a wording change in the
 * Big Chat script or a retrained model breaks none of these tests; {@link Builder#realScript()}
 * and {@link Builder#realAnalyser()} give the bundled script and the trained models for the few
 * journeys that check those.
 */
public final class ChinwagHarness implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    /** How the service hears from Telegram, if at all. */
    public enum Telegram { OFF, POLLING, WEBHOOK }

    public static final String TOKEN = "123456:TEST-token-abcdefghij";
    public static final String SECRET = "webhook-secret_42";
    /** How long an await waits before failing. Generous: nothing asserts how long things take. */
    public static final Duration WAIT = Duration.ofSeconds(20);

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The trained models, loaded once for every test that asks for them (they only read). */
    private static ModelAnalyzer realModels;

    private final Builder options;
    private boolean perClass;
    private Path dir;
    private FakeBotApi telegram;
    private RunningService service;
    private final List<RunningService> others = new ArrayList<>();

    private ChinwagHarness(Builder options) {
        this.options = options;
    }

    /** The service with Telegram off: web chat and HTTP API only. */
    public static Builder web() {
        return new Builder(Telegram.OFF);
    }

    /** The service long-polling the fake Bot API. */
    public static Builder polling() {
        return new Builder(Telegram.POLLING);
    }

    /** The service taking webhooks from the fake Bot API, with {@link #SECRET}. */
    public static Builder webhook() {
        return new Builder(Telegram.WEBHOOK);
    }

    public static final class Builder {
        private final Telegram mode;
        private boolean realScript;
        private boolean realAnalyser;
        private final Map<String, String> settings = new HashMap<>();
        private Clock clock = Clock.systemUTC();
        private String botApiToken = TOKEN;
        private boolean startLater;

        private Builder(Telegram mode) {
            this.mode = mode;
        }

        /** The bundled Big Chat script instead of the tests' own. */
        public Builder realScript() {
            realScript = true;
            return this;
        }

        /** The trained theme classifier and safeguarding detector instead of the stub. */
        public Builder realAnalyser() {
            realAnalyser = true;
            return this;
        }

        /** Adds or overrides one CHINWAG_* setting. */
        public Builder setting(String name, String value) {
            settings.put(name, value);
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** The fake Bot API knows this bot token instead of the one the service is given (it then answers 401). */
        public Builder botApiToken(String token) {
            botApiToken = token;
            return this;
        }

        /** Leaves the start to the test ({@link #start()} or {@link #start(Map)}); stopping is still the harness's. */
        public Builder startLater() {
            startLater = true;
            return this;
        }

        public ChinwagHarness build() {
            return new ChinwagHarness(this);
        }
    }

    // ---- lifecycle: a static field starts once for the class, an instance field once per test ----

    @Override
    public void beforeAll(ExtensionContext context) {
        perClass = true;
        setUp();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        tearDown();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!perClass) setUp();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!perClass) tearDown();
    }

    private void setUp() {
        try {
            dir = Files.createTempDirectory("chinwag-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (options.mode != Telegram.OFF) telegram = FakeBotApi.start(options.botApiToken);
        if (!options.startLater) start();
    }

    private void tearDown() {
        List<AutoCloseable> open = new ArrayList<>(others);
        open.add(service);
        open.add(telegram);
        for (AutoCloseable running : open) {
            try {
                if (running != null) running.close();
            } catch (Exception ignored) {
                // closing the rest matters more
            }
        }
        others.clear();
        service = null;
        telegram = null;
        deleteFolder(dir);
    }

    /** Starts the service with the builder's settings. */
    public RunningService start() {
        return start(Map.of());
    }

    /** Starts the service with the builder's settings and these on top. */
    public RunningService start(Map<String, String> extra) {
        if (service != null) throw new IllegalStateException("the service is already started: restart() it instead");
        service = startOn(dir, extra);
        return service;
    }

    /**
     * A second instance on the same database and the same fake Bot API, as behind a load balancer
     * (its own folder for anything else); stopped with the first.
     */
    public RunningService startAnother() {
        try {
            Map<String, String> sameDatabase = Map.of("CHINWAG_DB_URL", TestDatabase.url(dir));
            RunningService another = startOn(Files.createTempDirectory(dir, "another-"), sameDatabase);
            others.add(another);
            return another;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private RunningService startOn(Path folder, Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(telegramSettings());
        if (!options.realScript) env.put("CHINWAG_INTENTS_DIR", TestScript.intentsFolder().toString());
        env.putAll(options.settings);
        env.putAll(extra);
        Function<Settings, CampaignAnalyzer> analysis = options.realAnalyser ? settings -> realModels() : settings -> new StubAnalyser();
        return RunningService.start(folder, env, options.clock, analysis);
    }

    private Map<String, String> telegramSettings() {
        if (options.mode == Telegram.OFF) return Map.of();
        Map<String, String> env = new HashMap<>();
        env.put("CHINWAG_TELEGRAM_TOKEN", TOKEN);
        env.put("CHINWAG_TELEGRAM_API_URL", telegram.url());
        if (options.mode == Telegram.WEBHOOK) {
            env.put("CHINWAG_TELEGRAM_MODE", "webhook");
            env.put("CHINWAG_TELEGRAM_WEBHOOK_SECRET", SECRET);
            // the public URL only needs to look right, as the fake never calls it
            env.put("CHINWAG_PUBLIC_URL", "https://chat.example.org/");
        }
        return env;
    }

    /** The trained models from {@code intents/}, as the build made them (whatever script the service runs). */
    private static synchronized ModelAnalyzer realModels() {
        if (realModels == null) {
            try {
                Path noConfig = Files.createTempFile("chinwag-models-", ".properties");
                noConfig.toFile().deleteOnExit();
                realModels = Models.analyzer(Settings.from(Map.of("CHINWAG_CONFIG", noConfig.toString(),
                        "CHINWAG_MODEL_DIR", Path.of("target/classes/models").toAbsolutePath().toString())));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return realModels;
    }

    // ---- what tests use ----

    public RunningService service() {
        if (service == null) throw new IllegalStateException("the service is not started");
        return service;
    }

    public FakeBotApi telegram() {
        if (telegram == null) throw new IllegalStateException("Telegram is off in this harness");
        return telegram;
    }

    /** The folder the service keeps its files in (the SQLite database: {@link #databaseFile()}). */
    public Path dir() {
        return dir;
    }

    public Path databaseFile() {
        return dir.resolve("chinwag.db");
    }

    public DSLContext db() {
        return service().service().database().dsl();
    }

    /** A Telegram resident, whose updates reach the service the way this harness's mode receives them. */
    public TelegramResident resident(long chatId) {
        FakeBotApi bot = telegram();
        return switch (options.mode) {
            case POLLING -> new TelegramResident(bot, chatId, bot::enqueue);
            case WEBHOOK -> new TelegramResident(bot, chatId, this::postToWebhook);
            case OFF -> throw new IllegalStateException("Telegram is off in this harness");
        };
    }

    /** A resident in the web chat, through its JSON API. */
    public WebChatClient webResident() {
        return WebChatClient.open(service());
    }

    /** Posts the update (given an id if it has none) to the service's webhook with the secret; expects 200. */
    public HttpResponse<String> postToWebhook(ObjectNode update) {
        return postToWebhook(service(), update);
    }

    /** As {@link #postToWebhook(ObjectNode)}, to one of several instances. */
    public HttpResponse<String> postToWebhook(RunningService instance, ObjectNode update) {
        if (!update.hasNonNull("update_id")) update.put("update_id", telegram().nextUpdateId());
        HttpResponse<String> response = telegram().deliverWebhook(instance.url(TelegramWebhook.PATH), SECRET, update.toString());
        assertEquals(200, response.statusCode(), "webhook answer: " + response.body());
        return response;
    }

    /** The replies API as an integration sees it (with a token of its own). */
    public JsonNode replies() {
        HttpResponse<String> response = service().get("/api/replies?limit=1000", service().createToken("test-" + System.nanoTime()));
        assertEquals(200, response.statusCode(), response.body());
        return json(response.body());
    }

    public int messageCount() {
        return db().fetchCount(MESSAGE);
    }

    public int inboundCount() {
        return db().fetchCount(MESSAGE, MESSAGE.DIRECTION.eq("in"));
    }

    /** Outbound messages the outbox has not sent yet. */
    public int pendingOutbound() {
        return db().fetchCount(MESSAGE, MESSAGE.DIRECTION.eq("out"), MESSAGE.STATUS.eq("pending"));
    }

    /** Waits until the outbox has sent everything queued so far. */
    public void awaitAllSent() {
        await("every queued message sent", () -> pendingOutbound() == 0);
    }

    public static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    /** Waits (up to {@link #WAIT}) for the condition; fails naming {@code what}. */
    public static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for " + what);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static void deleteFolder(Path folder) {
        if (folder == null || !Files.exists(folder)) return;
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(file);
        } catch (IOException e) {
            // a folder under the system's temporary folder: left for the system to clear
        }
    }

    /** Where a class-path resource of the test sources is on disk. */
    static Path resourceFolder(String resource) {
        URL url = ChinwagHarness.class.getClassLoader().getResource(resource);
        if (url == null) throw new IllegalStateException("missing test resource " + resource);
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
