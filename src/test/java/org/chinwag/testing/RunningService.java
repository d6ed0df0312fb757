package org.chinwag.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.chinwag.app.Models;
import org.chinwag.app.Service;
import org.chinwag.conversation.Inbound;
import org.chinwag.messages.CampaignAnalyzer;
import org.chinwag.messages.ChannelMessage;
import org.chinwag.app.Settings;
import org.chinwag.accounts.Accounts;
import org.chinwag.accounts.Role;
import org.chinwag.store.TokenRepository;
import org.chinwag.tokens.Scope;

/**
 * The whole service as {@code serve} runs it, on a free loopback port with its own SQLite file.
 * Restarting it on the same folder is how tests prove nothing is lost across a restart.
 */
public final class RunningService implements AutoCloseable {

    private final Path dir;
    private final Map<String, String> env;
    private final Clock clock;
    /** The text analysis each start gets, from the settings it starts with. */
    private final Function<Settings, CampaignAnalyzer> analysis;
    private Service service;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** Update ids for {@link #receive}: unique across every service a test starts on the same database. */
    private static final AtomicLong UPDATE_IDS = new AtomicLong();

    private RunningService(Path dir, Map<String, String> env, Clock clock, Function<Settings, CampaignAnalyzer> analysis) {
        this.dir = dir;
        this.env = env;
        this.clock = clock;
        this.analysis = analysis;
        this.service = startService();
    }

    /**
     * Starts the service with its data under {@code dir}, on the bundled script and the trained models;
     * {@code extra} adds or overrides CHINWAG_* settings. Tests of the service itself use {@link ChinwagHarness}.
     */
    public static RunningService start(Path dir, Map<String, String> extra) {
        return start(dir, extra, Clock.systemUTC(), Models::analyzer);
    }

    /** As {@link #start(Path, Map)}, with this clock and the text analysis {@code analysis} makes from the settings. */
    public static RunningService start(Path dir, Map<String, String> extra, Clock clock,
                                       Function<Settings, CampaignAnalyzer> analysis) {
        Map<String, String> env = new HashMap<>();
        env.put("CHINWAG_CONFIG", writeEmptyConfig(dir).toString());
        env.put("CHINWAG_PORT", "0");
        env.put("CHINWAG_DB_URL", TestDatabase.url(dir));
        // the models the build trained (process-classes), shared by every test: no retraining per test
        env.put("CHINWAG_MODEL_DIR", Path.of("target/classes/models").toAbsolutePath().toString());
        env.putAll(extra);
        return new RunningService(dir, env, clock, analysis);
    }

    private Service startService() {
        Settings settings = Settings.from(env);
        return Service.start(settings, clock, analysis.apply(settings));
    }

    private static Path writeEmptyConfig(Path dir) {
        try {
            Path file = dir.resolve("test.properties");
            java.nio.file.Files.writeString(file, "");
            return file;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stops the service (unless it is stopped) and starts it again on the same database (on a new port). */
    public void restart() {
        close();
        service = startService();
        closed = false;
    }

    public Service service() {
        return service;
    }

    public Path dir() {
        return dir;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + service.port() + path;
    }

    /** Creates an API token in this service's database, with write scope (it may do everything the API does). */
    public String createToken(String name) {
        return createToken(name, Scope.WRITE);
    }

    /** Creates an API token with this scope. */
    public String createToken(String name, Scope scope) {
        return service.database().write(tx -> new TokenRepository(tx).create(name, scope.id(), System.currentTimeMillis()));
    }

    /** The staff accounts of this service's database, on the service's clock. */
    public Accounts accounts() {
        return new Accounts(service.database(), clock);
    }

    /** Adds a staff account (as {@code user add} does) and returns a browser-like client not yet signed in. */
    public StaffClient staff(String email, Role role, String password) {
        accounts().add(email, role, password, null);
        return staffClient();
    }

    /** A browser-like client of this service, not signed in. */
    public StaffClient staffClient() {
        return new StaffClient(this);
    }

    /** A Telegram resident's events straight into the inbox (no Bot API), each with a new update id. */
    public void receive(String chatId, Inbound... events) {
        for (Inbound event : events) {
            service.inbox().receive(new ChannelMessage("telegram", chatId, "u" + UPDATE_IDS.incrementAndGet(), event, "en"));
        }
    }

    /** A Telegram resident who starts a chat, consents, and types each answer in turn. */
    public void consentAndAnswer(String chatId, String... answers) {
        receive(chatId, Inbound.fromTyped("/start"), new Inbound.ButtonPress("yes", "Yes"));
        for (String answer : answers) receive(chatId, Inbound.fromTyped(answer));
    }

    public HttpResponse<String> get(String path, String bearerToken) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(10)).GET();
        if (bearerToken != null) request.header("Authorization", "Bearer " + bearerToken);
        return send(request.build());
    }

    public HttpResponse<String> post(String path, String contentType, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(10))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return send(request.build());
    }

    public HttpResponse<String> put(String path, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return send(request.build());
    }

    /** Any method, any headers, any bytes (null: no body): for throwing odd requests at the service. */
    public HttpResponse<String> request(String method, String path, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return send(request.build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    /** Stops the service; a second call does nothing. */
    public void close() {
        if (closed) return;
        closed = true;
        service.close();
    }

    private boolean closed;
}
