package org.chinwag.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The database a test runs on. By default a SQLite file in the test's own folder. With
 * {@code CHINWAG_TEST_DATABASE=postgresql} (the build's second test run, see the pom), a fresh
 * database on the PostgreSQL server {@code CHINWAG_TEST_POSTGRESQL} names, one per test folder, so
 * a service restarted on the same folder finds its data again, as it would in its SQLite file.
 */
public final class TestDatabase {

    private static final String SERVER = System.getenv("CHINWAG_TEST_POSTGRESQL");
    private static final boolean POSTGRES = "postgresql".equalsIgnoreCase(System.getenv("CHINWAG_TEST_DATABASE"));
    private static final Pattern URL = Pattern.compile("^(jdbc:postgresql://[^/?]+/)([^?]*)(\\?.*)?$");
    private static final String PREFIX = "chinwag_test_" + ProcessHandle.current().pid() + "_";
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final Map<String, String> BY_FOLDER = new ConcurrentHashMap<>();

    private TestDatabase() {}

    public static boolean onPostgres() {
        return POSTGRES;
    }

    /** True when a PostgreSQL server is given, whichever database this run is on. */
    public static boolean postgresGiven() {
        return SERVER != null && !SERVER.isBlank();
    }

    /** A fresh database of its own on the PostgreSQL server (tests that compare the two databases). */
    public static String newPostgres() {
        return create();
    }

    /** The JDBC URL of the database that belongs to {@code dir}: created on first use. */
    public static String url(Path dir) {
        return url(dir, "chinwag.db");
    }

    /** As {@link #url(Path)}, naming the SQLite file (on PostgreSQL the name only tells databases apart). */
    public static String url(Path dir, String fileName) {
        Path file = dir.resolve(fileName).toAbsolutePath();
        if (!POSTGRES) return "jdbc:sqlite:" + file;
        return BY_FOLDER.computeIfAbsent(file.toString(), key -> create());
    }

    private static synchronized String create() {
        if (SERVER == null || SERVER.isBlank()) {
            throw new IllegalStateException("CHINWAG_TEST_DATABASE=postgresql needs CHINWAG_TEST_POSTGRESQL, "
                    + "a JDBC URL of a server where the user may create databases");
        }
        Matcher server = URL.matcher(SERVER);
        if (!server.matches()) throw new IllegalStateException("CHINWAG_TEST_POSTGRESQL is not a jdbc:postgresql:// URL");
        if (NEXT.get() == 0) dropLeftoversOfEndedRuns();
        String name = PREFIX + NEXT.incrementAndGet();
        execute("CREATE DATABASE " + name);
        return server.group(1) + name + (server.group(3) == null ? "" : server.group(3));
    }

    /** Databases a run made and did not drop (it was killed): dropped once their process has gone. */
    private static void dropLeftoversOfEndedRuns() {
        List<String> ended = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(SERVER); Statement statement = connection.createStatement();
             ResultSet names = statement.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE 'chinwag\\_test\\_%'")) {
            while (names.next()) {
                String name = names.getString(1);
                String[] parts = name.split("_");
                long pid = parts.length > 2 ? Long.parseLong(parts[2]) : -1;
                if (ProcessHandle.of(pid).isEmpty()) ended.add(name);
            }
        } catch (SQLException | NumberFormatException e) {
            throw new IllegalStateException("cannot list the test server's databases: " + e.getMessage(), e);
        }
        ended.forEach(name -> execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"));
        Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::dropThisRunsDatabases));
    }

    private static void dropThisRunsDatabases() {
        for (String url : BY_FOLDER.values()) {
            Matcher database = URL.matcher(url);
            if (database.matches()) {
                try {
                    execute("DROP DATABASE IF EXISTS " + database.group(2) + " WITH (FORCE)");
                } catch (RuntimeException ignored) {
                    // the server may already be stopping; the next run drops what is left
                }
            }
        }
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(SERVER); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
