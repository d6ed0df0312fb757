package org.chinwag.app;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.chinwag.conversation.TerminalChat;
import org.chinwag.classify.EvaluateCli;
import org.chinwag.http.ClassifyApi;
import org.chinwag.http.HttpServer;
import org.chinwag.messages.ModelAnalyzer;
import org.chinwag.messages.Retagger;
import org.chinwag.participants.Participants;
import org.chinwag.safeguard.SafeguardEval;
import org.chinwag.http.ParticipantApi;
import org.chinwag.store.Database;
import org.chinwag.store.DatabaseUnavailable;
import org.chinwag.tokens.ApiTokens;
import org.chinwag.tokens.Scope;

/** The command line: {@code serve} (default), {@code chat}, {@code migrate}, {@code token}, {@code user}, and the tools. */
public final class Main {

    static final String USAGE = """
            Usage: java -jar chinwag.jar [command]
              serve                      run the service (default)
              chat                       chat with the conversation script in this terminal (nothing is stored)
              migrate                    apply database migrations and exit
              classify                   tag replies read from stdin, one per line; JSON lines on stdout
              evaluate [--folds N]       cross-validated and held-out scores of the theme classifier
              evaluate-risk [--mistakes] [--heldout-mistakes] [--language CODE]
                                         recall and false alarms of the safeguarding detector on
                                         disclosures, hard everyday lines and ordinary replies;
                                         --mistakes lists the cross-validation mistakes (to learn
                                         from), --heldout-mistakes the held-out ones (never tune on them)
              retag                      re-run the current theme model over stored replies
              token create --name NAME [--scope read|write]
                                         create an API token (printed once); read-only unless --scope write
              token revoke --name NAME   revoke an API token
              user add --email E --role admin|analyst|facilitator
                                         add a staff account (password from stdin, or asked for)
              user list                  list staff accounts, their roles and status
              user disable --email E     disable a staff account and end its sessions
              user reset-password --email E   set a new password (from stdin, or asked for)
              participant show P-XXXXXXXX     print everything held about a participant (JSON)
              participant forget P-XXXXXXXX   erase a participant and everything they said
            Configuration comes from CHINWAG_* environment variables; see README.""";

    private Main() {}

    public static void main(String[] args) throws Exception {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        // UTF-8 whatever the machine's locale: classify prints residents' words as JSON
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        int code;
        try {
            code = run(args, System.getenv(), System.in, out, err);
        } finally {
            out.flush();
        }
        System.exit(code);
    }

    static int run(String[] args, java.util.Map<String, String> env, java.io.InputStream in, PrintStream out, PrintStream err)
            throws Exception {
        try {
            return command(args, env, in, out, err);
        } catch (DatabaseUnavailable | Models.Unavailable e) {
            // start-up problems an operator can fix: one line naming the path and what to do, no stack trace
            err.println("chinwag: " + e.getMessage());
            return 1;
        }
    }

    private static int command(String[] args, java.util.Map<String, String> env, java.io.InputStream in, PrintStream out,
                               PrintStream err) throws Exception {
        String command = args.length == 0 ? "serve" : args[0];
        List<String> rest = Arrays.asList(args).subList(Math.min(1, args.length), args.length);
        Settings settings;
        try {
            settings = Settings.from(env);
        } catch (Settings.Invalid e) {
            err.println("chinwag: configuration error: " + e.getMessage());
            return 2;
        }
        switch (command) {
            case "serve" -> serve(settings);
            case "chat" -> chat(settings, in, out);
            case "migrate" -> {
                try (Database db = Database.open(settings.dbUrl())) {
                    out.println("applied " + db.migrate() + " migration(s); database is up to date");
                }
            }
            case "token" -> {
                return token(settings, rest, out, err);
            }
            case "user" -> {
                return UserCommand.run(settings, rest, in, out, err);
            }
            case "classify" -> {
                try (Models.ToolFolder tool = new Models.ToolFolder(settings)) {
                    classify(tool.settings(), in, out);
                }
            }
            case "evaluate" -> {
                int folds = rest.size() == 2 && rest.get(0).equals("--folds") ? Integer.parseInt(rest.get(1)) : 10;
                try (Models.ToolFolder tool = new Models.ToolFolder(settings)) {
                    Settings toolSettings = tool.settings();
                    EvaluateCli.run(Models.intentsFolder(toolSettings), toolSettings.campaignId(), folds, out,
                            toolSettings.modelDir());
                }
            }
            case "evaluate-risk" -> {
                int language = rest.indexOf("--language");
                if (language >= 0 && language + 1 >= rest.size()) {
                    err.println("chinwag: evaluate-risk --language needs a language code, e.g. --language pl");
                    return 2;
                }
                try (Models.ToolFolder tool = new Models.ToolFolder(settings)) {
                    SafeguardEval.run(Models.intentsFolder(tool.settings()), settings.campaignId(), out,
                            rest.contains("--mistakes"), rest.contains("--heldout-mistakes"),
                            language >= 0 ? rest.get(language + 1) : null);
                }
            }
            case "retag" -> {
                ModelAnalyzer analyzer = Models.analyzer(settings);
                try (Database db = Database.open(settings.dbUrl())) {
                    db.migrate();
                    int count = new Retagger(db, analyzer, analyzer.modelVersion(), Clock.systemUTC()).retagAll();
                    out.println("retagged " + count + " replies with " + analyzer.modelVersion());
                }
            }
            case "participant" -> {
                return participant(settings, rest, out, err);
            }
            case "help", "--help", "-h" -> out.println(USAGE);
            default -> {
                err.println("chinwag: unknown command '" + command + "'\n" + USAGE);
                return 2;
            }
        }
        return 0;
    }

    /** One JSON object per input line, in order; stdout carries nothing else (logs go to stderr). */
    private static void classify(Settings settings, java.io.InputStream stdin, PrintStream out) throws java.io.IOException {
        ModelAnalyzer analyzer = Models.analyzer(settings);
        var writer = HttpServer.JSON.writer();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("\uFEFF")) line = line.substring(1);
                out.println(writer.writeValueAsString(ClassifyApi.asJson(line, analyzer.analyse(line))));
            }
        }
        out.flush();
    }

    /** The real conversation, on a throwaway database, with the models the jar holds. */
    private static void chat(Settings settings, java.io.InputStream in, PrintStream out) {
        try (Models.ToolFolder tool = new Models.ToolFolder(settings)) {
            Settings toolSettings = tool.settings();
            var scripts = Service.loadScripts(toolSettings);
            try (TerminalConversation conversation = new TerminalConversation(scripts, Models.analyzer(toolSettings),
                    toolSettings.campaignId(), tool.scratch())) {
                TerminalChat.run(scripts.defaultScriptId(), conversation,
                        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), out);
            }
        }
    }

    private static void serve(Settings settings) throws InterruptedException {
        Service service = Service.start(settings, Clock.systemUTC());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.close();
            stopped.countDown();
        }, "chinwag-shutdown"));
        stopped.await();
    }

    /** Staff answering an access or erasure request by the reference the resident gave them. */
    private static int participant(Settings settings, List<String> args, PrintStream out, PrintStream err)
            throws Exception {
        if (args.size() != 2 || !(args.get(0).equals("show") || args.get(0).equals("forget"))) {
            err.println("chinwag: usage: participant show P-XXXXXXXX | participant forget P-XXXXXXXX");
            return 2;
        }
        String pseudonym = args.get(1);
        try (Database db = Database.open(settings.dbUrl())) {
            db.migrate();
            Participants participants = new Participants(db);
            if (args.get(0).equals("show")) {
                var held = participants.describe(pseudonym);
                if (held.isPresent()) {
                    out.println(HttpServer.JSON.writerWithDefaultPrettyPrinter()
                            .writeValueAsString(ParticipantApi.asJson(held.get())));
                    return 0;
                }
                err.println("No participant " + pseudonym + ".");
                return 1;
            }
            boolean erased = participants.erase(pseudonym);
            err.println(erased ? "Erased " + pseudonym + " and everything they said." : "No participant " + pseudonym + ".");
            return erased ? 0 : 1;
        }
    }

    private static int token(Settings settings, List<String> args, PrintStream out, PrintStream err) {
        String action = args.isEmpty() ? "" : args.get(0);
        String name = UserCommand.option(args, "--name").strip();
        String scopeWord = UserCommand.option(args, "--scope");
        Optional<Scope> scope = scopeWord.isEmpty() ? Optional.of(Scope.READ) : Scope.of(scopeWord);
        if (!(action.equals("create") || action.equals("revoke")) || name.isEmpty()
                || scope.isEmpty() || (action.equals("revoke") && !scopeWord.isEmpty())) {
            err.println("chinwag: usage: token create --name NAME [--scope read|write] | token revoke --name NAME");
            return 2;
        }
        try (Database db = Database.open(settings.dbUrl())) {
            db.migrate();
            ApiTokens tokens = new ApiTokens(db, Clock.systemUTC());
            if (action.equals("create")) {
                String token = tokens.create(name, scope.get());
                out.println(token);
                err.println("Token '" + name + "' created, scope " + scope.get().id()
                        + ". Keep it safe: it cannot be shown again.");
                return 0;
            }
            boolean revoked = tokens.revoke(name);
            err.println(revoked ? "Token '" + name + "' revoked." : "No live token named '" + name + "'.");
            return revoked ? 0 : 1;
        } catch (IllegalArgumentException e) {
            err.println("chinwag: " + e.getMessage());
            return 1;
        }
    }
}
