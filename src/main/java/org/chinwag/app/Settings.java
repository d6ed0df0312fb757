package org.chinwag.app;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Chinwag's configuration: environment variables, optionally backed by a properties file named by
 * {@code CHINWAG_CONFIG} (or {@code ./chinwag.properties} when present). The environment wins.
 * Every value is checked at start-up; a bad one fails with one line naming the setting.
 */
public record Settings(
        int port,
        String dbUrl,
        Optional<String> telegramToken,
        URI telegramApiUrl,
        TelegramMode telegramMode,
        Optional<String> telegramWebhookSecret,
        Optional<URI> publicUrl,
        Path intentsDir,
        Path modelDir,
        String campaignId,
        Duration retention,
        boolean modelDirSet) {

    public enum TelegramMode { POLLING, WEBHOOK }

    public static final String DEFAULT_DB_URL = "jdbc:sqlite:data/chinwag.db";
    public static final URI TELEGRAM_API = URI.create("https://api.telegram.org");

    /** A setting that is missing or malformed; the message names the setting and what was wrong. */
    public static final class Invalid extends RuntimeException {
        public Invalid(String message) {
            super(message);
        }
    }

    /** Reads settings from environment variables (normally System.getenv()) and the optional properties file. */
    public static Settings from(Map<String, String> env) {
        Properties file = new Properties();
        String configPath = env.get("CHINWAG_CONFIG");
        Path path = configPath != null ? Path.of(configPath) : Path.of("chinwag.properties");
        if (configPath != null && !Files.isRegularFile(path)) {
            throw new Invalid("CHINWAG_CONFIG: no such file: " + path);
        }
        if (Files.isRegularFile(path)) {
            try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
                file.load(reader);
            } catch (IOException e) {
                throw new Invalid("CHINWAG_CONFIG: cannot read " + path + ": " + e.getMessage());
            }
        }
        Source source = new Source(env, file);

        int port = source.integer("CHINWAG_PORT", 7070, 0, 65535);
        String dbUrl = source.get("CHINWAG_DB_URL").orElse(DEFAULT_DB_URL);
        if (!dbUrl.startsWith("jdbc:sqlite:") && !dbUrl.startsWith("jdbc:postgresql:")) {
            throw new Invalid("CHINWAG_DB_URL: must start with jdbc:sqlite: or jdbc:postgresql:");
        }
        Optional<String> token = source.get("CHINWAG_TELEGRAM_TOKEN");
        if (token.isPresent() && !token.get().matches("\\d+:[A-Za-z0-9_-]{10,}")) {
            // never echo the token itself
            throw new Invalid("CHINWAG_TELEGRAM_TOKEN: not a bot token (expected digits, a colon, then the secret from BotFather)");
        }
        URI apiUrl = source.url("CHINWAG_TELEGRAM_API_URL").orElse(TELEGRAM_API);
        TelegramMode mode = source.get("CHINWAG_TELEGRAM_MODE").map(value -> switch (value.toLowerCase()) {
            case "polling" -> TelegramMode.POLLING;
            case "webhook" -> TelegramMode.WEBHOOK;
            default -> throw new Invalid("CHINWAG_TELEGRAM_MODE: expected polling or webhook, got '" + value + "'");
        }).orElse(TelegramMode.POLLING);
        Optional<String> secret = source.get("CHINWAG_TELEGRAM_WEBHOOK_SECRET");
        if (secret.isPresent() && !secret.get().matches("[A-Za-z0-9_-]{1,256}")) {
            throw new Invalid("CHINWAG_TELEGRAM_WEBHOOK_SECRET: 1-256 characters of A-Z, a-z, 0-9, _ and - (Telegram's rule)");
        }
        Optional<URI> publicUrl = source.url("CHINWAG_PUBLIC_URL");
        if (token.isPresent() && mode == TelegramMode.WEBHOOK && secret.isEmpty()) {
            throw new Invalid("CHINWAG_TELEGRAM_WEBHOOK_SECRET: required when CHINWAG_TELEGRAM_MODE is webhook");
        }
        Path intents = Path.of(source.get("CHINWAG_INTENTS_DIR").orElse("intents"));
        Optional<String> modelSetting = source.get("CHINWAG_MODEL_DIR");
        Path models = Path.of(modelSetting.orElse("data/models"));
        String campaign = source.get("CHINWAG_CAMPAIGN").orElse("big-chat");
        // two years, as the consent text promises; at least a day so a typo cannot wipe today's chats
        Duration retention = Duration.ofDays(source.integer("CHINWAG_RETENTION_DAYS", 730, 1, 36500));
        return new Settings(port, dbUrl, token, apiUrl, mode, secret, publicUrl, intents, models, campaign, retention,
                modelSetting.isPresent());
    }

    /** The same settings with the models kept in {@code folder} (the command-line tools' scratch folder). */
    public Settings withModelDir(Path folder) {
        return new Settings(port, dbUrl, telegramToken, telegramApiUrl, telegramMode, telegramWebhookSecret, publicUrl,
                intentsDir, folder, campaignId, retention, true);
    }

    /** Settings as a multi-line summary for the start-up log, secrets left out. */
    public String describe() {
        return "port=" + port
                + " db=" + masked(dbUrl)
                + " telegram=" + (telegramToken.isPresent() ? telegramMode.name().toLowerCase() + " via " + masked(telegramApiUrl.toString()) : "off")
                + " intents=" + intentsDir
                + " campaign=" + campaignId
                + " retention=" + retention.toDays() + "d";
    }

    /** Hides passwords in a URL's query ({@code password=}) or user info ({@code //user:pass@host}). */
    static String masked(String url) {
        return url.replaceAll("(?i)password=[^&;]*", "password=***").replaceAll("//[^/@?#]*@", "//***@");
    }

    /** Records print every field; this one must never print the bot token or webhook secret. */
    @Override
    public String toString() {
        return "Settings[" + describe() + "]";
    }

    private record Source(Map<String, String> env, Properties file) {

        Optional<String> get(String name) {
            String value = env.get(name);
            if (value == null) value = file.getProperty(name);
            if (value == null) return Optional.empty();
            value = value.strip();
            return value.isEmpty() ? Optional.empty() : Optional.of(value);
        }

        int integer(String name, int fallback, int min, int max) {
            Optional<String> raw = get(name);
            if (raw.isEmpty()) return fallback;
            try {
                int value = Integer.parseInt(raw.get());
                if (value < min || value > max) throw new NumberFormatException();
                return value;
            } catch (NumberFormatException e) {
                throw new Invalid(name + ": expected a whole number from " + min + " to " + max + ", got '" + raw.get() + "'");
            }
        }

        Optional<URI> url(String name) {
            return get(name).map(raw -> {
                try {
                    URI uri = new URI(raw);
                    if (uri.getHost() == null || !(raw.startsWith("http://") || raw.startsWith("https://"))) {
                        throw new Invalid(name + ": expected an http:// or https:// address, got '" + raw + "'");
                    }
                    return uri;
                } catch (java.net.URISyntaxException e) {
                    throw new Invalid(name + ": not a valid address: '" + raw + "'");
                }
            });
        }
    }
}
