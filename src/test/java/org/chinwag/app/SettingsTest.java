package org.chinwag.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SettingsTest {

    @TempDir Path dir;

    @Test
    void defaultsRunEmbeddedWithTelegramOff() {
        Settings s = Settings.from(Map.of("CHINWAG_CONFIG", write("")));
        assertEquals(7070, s.port());
        assertEquals("jdbc:sqlite:data/chinwag.db", s.dbUrl());
        assertTrue(s.telegramToken().isEmpty());
        assertEquals(Settings.TelegramMode.POLLING, s.telegramMode());
        assertEquals("https://api.telegram.org", s.telegramApiUrl().toString());
    }

    @Test
    void environmentWinsOverThePropertiesFile() {
        String file = write("CHINWAG_PORT=8000\nCHINWAG_TELEGRAM_MODE=webhook\nCHINWAG_TELEGRAM_WEBHOOK_SECRET=s3cret\n");
        Settings s = Settings.from(Map.of("CHINWAG_CONFIG", file, "CHINWAG_PORT", "9000",
                "CHINWAG_TELEGRAM_TOKEN", "123456:ABCdefGHIjklMNOpqr"));
        assertEquals(9000, s.port());
        assertEquals(Settings.TelegramMode.WEBHOOK, s.telegramMode());
        assertEquals("s3cret", s.telegramWebhookSecret().orElseThrow());
    }

    static Stream<Arguments> badSettings() {
        return Stream.of(
                Arguments.of("CHINWAG_PORT", "seventy", "CHINWAG_PORT"),
                Arguments.of("CHINWAG_PORT", "70000", "CHINWAG_PORT"),
                Arguments.of("CHINWAG_DB_URL", "mysql://x", "CHINWAG_DB_URL"),
                Arguments.of("CHINWAG_TELEGRAM_TOKEN", "not-a-token", "CHINWAG_TELEGRAM_TOKEN"),
                Arguments.of("CHINWAG_TELEGRAM_API_URL", "ftp://example", "CHINWAG_TELEGRAM_API_URL"),
                Arguments.of("CHINWAG_TELEGRAM_MODE", "carrier-pigeon", "CHINWAG_TELEGRAM_MODE"),
                Arguments.of("CHINWAG_TELEGRAM_WEBHOOK_SECRET", "has spaces", "CHINWAG_TELEGRAM_WEBHOOK_SECRET"),
                Arguments.of("CHINWAG_PUBLIC_URL", "chinwag.example", "CHINWAG_PUBLIC_URL"));
    }

    @ParameterizedTest
    @MethodSource("badSettings")
    void aBadSettingFailsWithOneLineNamingIt(String name, String value, String named) {
        Map<String, String> env = new HashMap<>(Map.of("CHINWAG_CONFIG", write("")));
        env.put(name, value);
        var e = assertThrows(Settings.Invalid.class, () -> Settings.from(env));
        assertTrue(e.getMessage().startsWith(named + ":"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void webhookModeNeedsASecretAndTheTokenIsNeverEchoed() {
        var e = assertThrows(Settings.Invalid.class, () -> Settings.from(Map.of("CHINWAG_CONFIG", write(""),
                "CHINWAG_TELEGRAM_TOKEN", "123456:ABCdefGHIjklMNOpqr", "CHINWAG_TELEGRAM_MODE", "webhook")));
        assertTrue(e.getMessage().startsWith("CHINWAG_TELEGRAM_WEBHOOK_SECRET:"));
        var bad = assertThrows(Settings.Invalid.class, () -> Settings.from(Map.of("CHINWAG_CONFIG", write(""),
                "CHINWAG_TELEGRAM_TOKEN", "123456:short")));
        assertFalse(bad.getMessage().contains("short"));
        Settings s = Settings.from(Map.of("CHINWAG_CONFIG", write(""), "CHINWAG_TELEGRAM_TOKEN", "123456:ABCdefGHIjklMNOpqr"));
        assertFalse(s.describe().contains("ABCdef"));
    }

    @ParameterizedTest
    @MethodSource("urlsWithPasswords")
    void passwordsInDatabaseUrlsAreNeverDescribed(String url, String shown) {
        Settings s = Settings.from(Map.of("CHINWAG_CONFIG", write(""), "CHINWAG_DB_URL", url));
        assertTrue(s.describe().contains("db=" + shown), s.describe());
        assertFalse(s.toString().contains("s3cret"), s.toString());
    }

    static Stream<Arguments> urlsWithPasswords() {
        return Stream.of(
                Arguments.of("jdbc:postgresql://db/chinwag?user=app&password=s3cret&ssl=true",
                        "jdbc:postgresql://db/chinwag?user=app&password=***&ssl=true"),
                Arguments.of("jdbc:postgresql://app:s3cret@db:5432/chinwag", "jdbc:postgresql://***@db:5432/chinwag"),
                Arguments.of("jdbc:postgresql://db/chinwag?PASSWORD=s3cret", "jdbc:postgresql://db/chinwag?password=***"),
                Arguments.of("jdbc:sqlite:data/chinwag.db", "jdbc:sqlite:data/chinwag.db"));
    }

    @Test
    void aMissingConfigFileIsNamed() {
        var e = assertThrows(Settings.Invalid.class, () -> Settings.from(Map.of("CHINWAG_CONFIG", dir.resolve("nope").toString())));
        assertTrue(e.getMessage().startsWith("CHINWAG_CONFIG:"));
    }

    private String write(String content) {
        try {
            Path file = Files.createTempFile(dir, "chinwag", ".properties");
            Files.writeString(file, content);
            return file.toString();
        } catch (java.io.IOException e) {
            throw new RuntimeException(e);
        }
    }
}
