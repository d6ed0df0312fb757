package org.chinwag.app;

import io.javalin.Javalin;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.chinwag.accounts.Accounts;
import org.chinwag.channel.telegram.TelegramChannel;
import org.chinwag.channel.web.WebChat;
import org.chinwag.channel.web.WebSender;
import org.chinwag.conversation.Engine;
import org.chinwag.conversation.ScriptLibrary;
import org.chinwag.flags.SafeguardingFlags;
import org.chinwag.http.BearerAuth;
import org.chinwag.http.ClassifyApi;
import org.chinwag.http.Gatekeeper;
import org.chinwag.http.HttpServer;
import org.chinwag.http.ParticipantApi;
import org.chinwag.http.ReplyApi;
import org.chinwag.http.SafeguardingApi;
import org.chinwag.http.StaffPages;
import org.chinwag.lease.Lease;
import org.chinwag.messages.CampaignAnalyzer;
import org.chinwag.messages.ChannelSender;
import org.chinwag.messages.Inbox;
import org.chinwag.messages.Outbox;
import org.chinwag.participants.Participants;
import org.chinwag.replies.Replies;
import org.chinwag.retention.RetentionJob;
import org.chinwag.store.Database;
import org.chinwag.tokens.ApiTokens;
import org.chinwag.webchat.WebChatSessions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running service, wired in one place: database, engine, inbox and outbox, channels, HTTP.
 * Tests start it exactly as {@code serve} does, on a loopback port with their own settings.
 */
public final class Service implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Service.class);

    private final Database database;
    private final Outbox outbox;
    private final Inbox inbox;
    private final Javalin http;
    /** Channels and jobs running beside HTTP, closed first on shutdown. */
    private final List<AutoCloseable> background;

    private Service(Database database, Outbox outbox, Inbox inbox, Javalin http, List<AutoCloseable> background) {
        this.database = database;
        this.outbox = outbox;
        this.inbox = inbox;
        this.http = http;
        this.background = background;
    }

    /** The service as {@code serve} runs it: the campaign's trained models analyse every text. */
    public static Service start(Settings settings, Clock clock) {
        return start(settings, clock, Models.analyzer(settings));
    }

    /** The service with the given text analysis (tests pass a stand-in for the trained models). */
    public static Service start(Settings settings, Clock clock, CampaignAnalyzer analyzer) {
        Database database = Database.open(settings.dbUrl());
        try {
            int ran = database.migrate();
            if (ran > 0) log.info("applied {} database migration(s)", ran);
            ScriptLibrary scripts = loadScripts(settings);
            Engine engine = new Engine(scripts);

            List<ChannelSender> senders = new ArrayList<>();
            List<HttpServer.RouteSet> routes = new ArrayList<>();
            List<AutoCloseable> background = new ArrayList<>();
            // web chat: the browser reads replies from the transcript, so its sender only marks them sent
            senders.add(new WebSender());
            Optional<TelegramChannel> telegram = settings.telegramToken().map(token -> new TelegramChannel(new TelegramChannel.Config(
                    token, settings.telegramApiUrl(), settings.telegramMode() == Settings.TelegramMode.WEBHOOK,
                    settings.telegramWebhookSecret(), settings.publicUrl())));
            telegram.ifPresent(t -> senders.add(t.sender()));
            Outbox outbox = new Outbox(database, clock, senders);
            Inbox inbox = new Inbox(database, engine, analyzer, clock, settings.campaignId(), outbox::wake);

            // one service per capability, the HTTP routes only adapt them
            boolean httpsPublic = settings.publicUrl().map(url -> "https".equalsIgnoreCase(url.getScheme())).orElse(false);
            BearerAuth auth = new BearerAuth(new ApiTokens(database, clock));
            Accounts accounts = new Accounts(database, clock);
            Gatekeeper gate = new Gatekeeper(accounts, auth, httpsPublic);
            routes.add(new StaffPages(accounts, gate));
            routes.add(new ReplyApi(new Replies(database, clock), auth, analyzer.themeIds()));
            routes.add(new ParticipantApi(new Participants(database), auth));
            routes.add(new ClassifyApi(analyzer, auth));
            routes.add(new SafeguardingApi(new SafeguardingFlags(database, clock), auth));
            routes.add(new WebChat(new WebChatSessions(database, settings.campaignId(), clock), inbox, clock));
            telegram.ifPresent(t -> {
                t.deliverTo(inbox);
                routes.add(t.webhookRoutes());
                background.add(t);
            });

            Javalin http = HttpServer.create(() -> database.ready(clock.millis()), httpsPublic, routes, gate).start(settings.port());
            outbox.start();
            // this start's name as the holder of leases on work only one instance may do at a time
            String instance = Lease.newInstanceName();
            RetentionJob retention = new RetentionJob(database, clock, settings.retention());
            retention.start(RetentionJob.lease(database, clock, instance));
            background.add(retention);
            // polling or webhook registration only once we can store what arrives and send replies
            Lease pollingLease = new Lease(database, clock, "telegram-polling", Duration.ofSeconds(30), instance);
            telegram.ifPresent(t -> t.start(pollingLease));
            log.info("Chinwag listening on port {} ({})", http.port(), settings.describe());
            return new Service(database, outbox, inbox, http, background);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** Scripts from {@code CHINWAG_INTENTS_DIR}, or the copies inside the jar when that folder is absent. */
    static ScriptLibrary loadScripts(Settings settings) {
        return ScriptLibrary.load(Models.intentsFolder(settings).resolve("scripts"));
    }

    public int port() {
        return http.port();
    }

    /** Every HTTP route the service answers (method and path pattern). */
    public List<HttpServer.Route> routes() {
        return HttpServer.routes(http);
    }

    public Database database() {
        return database;
    }

    public Inbox inbox() {
        return inbox;
    }

    public Outbox outbox() {
        return outbox;
    }

    @Override
    public void close() {
        for (AutoCloseable running : background) {
            try {
                running.close();
            } catch (Exception e) {
                log.warn("did not close cleanly: {}", e.toString());
            }
        }
        http.stop();
        outbox.close();
        database.close();
    }
}
