package org.chinwag.store;

import static org.chinwag.store.schema.Tables.HEARTBEAT;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database: a small connection pool, Flyway migrations from {@code db/migration}, and jOOQ.
 * SQLite allows one writer at a time, so on SQLite every write transaction goes through one lock
 * in this process (other processes, such as the token CLI, wait on SQLite's busy timeout).
 */
public final class Database implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Database.class);

    private final HikariDataSource dataSource;
    private final SQLDialect dialect;
    private final ReentrantLock writeLock = new ReentrantLock(true);
    /** The file (or the URL, password masked) for messages to operators. */
    private final String where;

    private Database(HikariDataSource dataSource, SQLDialect dialect, String where) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.where = where;
    }

    /**
     * Opens (and for SQLite, creates the folder of) the database at a JDBC URL, and proves it can
     * be used; throws {@link DatabaseUnavailable} saying what is wrong when it cannot.
     */
    public static Database open(String jdbcUrl) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("chinwag-db");
        SQLDialect dialect;
        String where;
        if (jdbcUrl.startsWith("jdbc:sqlite:")) {
            dialect = SQLDialect.SQLITE;
            Path file = sqliteFile(jdbcUrl);
            where = file == null ? jdbcUrl : file.toString();
            if (file != null) ensureParentFolder(file);
            SQLiteDataSource source = new SQLiteDataSource(sqliteConfig());
            source.setUrl(jdbcUrl);
            // one connection first, outside the pool: its failure is explained, not logged as a pool error
            probe(source, where);
            config.setDataSource(source);
            config.setMaximumPoolSize(4);
        } else if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            dialect = SQLDialect.POSTGRES;
            where = jdbcUrl.replaceAll("(?i)password=[^&;]*", "password=***");
            config.setJdbcUrl(jdbcUrl);
            // the outbox holds one connection per send in flight (Outbox.SENDING_THREADS) beside requests
            config.setMaximumPoolSize(24);
        } else {
            throw new IllegalArgumentException("unsupported database URL (expected jdbc:sqlite: or jdbc:postgresql:)");
        }
        try {
            return new Database(new HikariDataSource(config), dialect, where);
        } catch (RuntimeException e) {
            throw DatabaseUnavailable.of(where, e);
        }
    }

    private static void probe(SQLiteDataSource source, String where) {
        try (Connection connection = source.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SELECT count(*) FROM sqlite_master");
        } catch (SQLException e) {
            throw DatabaseUnavailable.of(where, e);
        }
    }

    /** The file a {@code jdbc:sqlite:} URL names, or null for an in-memory or {@code file:} URL. */
    private static Path sqliteFile(String jdbcUrl) {
        String file = jdbcUrl.substring("jdbc:sqlite:".length());
        int query = file.indexOf('?');
        String plain = query >= 0 ? file.substring(0, query) : file;
        if (plain.isEmpty() || plain.equals(":memory:") || plain.startsWith("file:")) return null;
        return Path.of(plain).toAbsolutePath();
    }

    /** Pragmas every SQLite connection gets (the pool applies them when it opens each one). */
    private static SQLiteConfig sqliteConfig() {
        SQLiteConfig sqlite = new SQLiteConfig();
        sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
        sqlite.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        sqlite.setBusyTimeout(5000);
        sqlite.enforceForeignKeys(true);
        // deleted rows are overwritten with zeros, so erased words do not linger in free pages
        sqlite.setPragma(SQLiteConfig.Pragma.SECURE_DELETE, "true");
        return sqlite;
    }

    private static void ensureParentFolder(Path file) {
        if (Files.isDirectory(file)) throw DatabaseUnavailable.isAFolder(file);
        Path parent = file.getParent();
        try {
            if (parent != null) Files.createDirectories(parent);
        } catch (java.io.IOException e) {
            throw DatabaseUnavailable.folderNotCreated(parent, e);
        }
    }

    /**
     * Migrations shared by both databases, and each database's own forms of the few that cannot be
     * written once (SQLite has no identity columns, PostgreSQL no AUTOINCREMENT).
     */
    private Flyway flyway() {
        String own = dialect == SQLDialect.SQLITE ? "sqlite" : "postgresql";
        return Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + own)
                .load();
    }

    /** Applies any pending migrations; returns how many ran. */
    public int migrate() {
        try {
            return flyway().migrate().migrationsExecuted;
        } catch (FlywayException e) {
            throw DatabaseUnavailable.of(where, e);
        }
    }

    /**
     * True when no migration is pending and the database takes a write: the heartbeat row is
     * rewritten in a transaction, so a full disk or a read-only file shows here, not only when
     * a resident's message cannot be stored.
     */
    public boolean ready(long now) {
        try {
            if (flyway().info().pending().length > 0) return false;
            return write(tx -> tx.update(HEARTBEAT).set(HEARTBEAT.BEAT_AT, now).where(HEARTBEAT.ID.eq(1)).execute()) == 1;
        } catch (RuntimeException e) {
            log.warn("not ready: the database does not take a write ({})", e.getClass().getSimpleName());
            return false;
        }
    }

    public DSLContext dsl() {
        return DSL.using(dataSource, dialect);
    }

    public SQLDialect dialect() {
        return dialect;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * Runs {@code work} in one write transaction: all of it commits, or none of it. A transaction
     * that erased personal data ({@link #markErasing}) is followed by {@link #scrub()}.
     */
    public <T> T write(Function<DSLContext, T> work) {
        boolean serialise = dialect == SQLDialect.SQLITE;
        if (serialise) writeLock.lock();
        try {
            boolean[] erased = {false};
            T result = dsl().transactionResult(configuration -> {
                T done = work.apply(configuration.dsl());
                erased[0] = configuration.data(ERASING) != null;
                return done;
            });
            if (erased[0]) scrub();
            return result;
        } finally {
            if (serialise) writeLock.unlock();
        }
    }

    /** True where several instances may share the database (PostgreSQL), so rows are claimed, not assumed. */
    public boolean shared() {
        return dialect != SQLDialect.SQLITE;
    }

    /**
     * A transaction kept open for slow work on rows that must not be worked on twice (an outbox
     * send): on PostgreSQL it holds the row locks its reads take ({@code FOR UPDATE SKIP LOCKED})
     * until its outcome is written, and if the process dies the server drops them, so another
     * instance takes the rows up. On SQLite one process owns the file: nothing is held open, reads
     * are plain and writes are ordinary write transactions.
     */
    public Held hold() {
        if (!shared()) return new Held(null, null);
        try {
            Connection connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            return new Held(connection, DSL.using(connection, dialect));
        } catch (SQLException e) {
            throw DatabaseUnavailable.of(where, e);
        }
    }

    /** See {@link #hold()}. */
    public final class Held implements AutoCloseable {
        private final Connection connection;
        private final DSLContext tx;

        private Held(Connection connection, DSLContext tx) {
            this.connection = connection;
            this.tx = tx;
        }

        /**
         * Takes the rows {@code take} locks, inside the held transaction; true when it got them.
         * On SQLite nothing is shared, so nothing is read: the one process's own bookkeeping (the
         * outbox's busy chats) already keeps a row from being handed out twice.
         */
        public boolean claim(java.util.function.Predicate<DSLContext> take) {
            return tx == null || take.test(tx);
        }

        /**
         * Writes the outcome and commits, which releases what was held. A write the database
         * refuses is undone to just before it, the locks kept, so the caller may try again.
         */
        public <T> T writeAndCommit(Function<DSLContext, T> work) {
            if (tx == null) return write(work);
            java.sql.Savepoint before;
            try {
                before = connection.setSavepoint();
            } catch (SQLException e) {
                throw DatabaseUnavailable.of(where, e);
            }
            T result;
            try {
                result = work.apply(tx);
            } catch (RuntimeException e) {
                try {
                    connection.rollback(before);
                } catch (SQLException undo) {
                    e.addSuppressed(undo);
                }
                throw e;
            }
            try {
                connection.commit();
            } catch (SQLException e) {
                throw DatabaseUnavailable.of(where, e);
            }
            return result;
        }

        /** Gives back whatever is still held, undoing anything not committed. */
        @Override
        public void close() {
            if (connection == null) return;
            try (connection) {
                connection.rollback();
            } catch (SQLException e) {
                log.warn("a held transaction did not close cleanly ({})", e.getClass().getSimpleName());
            }
        }
    }

    private static final String ERASING = "chinwag.erasing";

    /** Called by repositories inside a write transaction that deletes or blanks personal data. */
    static void markErasing(DSLContext tx) {
        tx.configuration().data(ERASING, Boolean.TRUE);
    }

    /**
     * Makes erased data unreadable on disk, not just gone from the tables: on SQLite the write-ahead
     * log still holds earlier versions of every changed page, so it is checkpointed into the
     * database file (where secure_delete has zeroed the deleted rows) and truncated. Elsewhere a
     * no-op. Returns false when a reader kept the log from being emptied (it is then tried at the next erasure).
     */
    public boolean scrub() {
        if (dialect != SQLDialect.SQLITE) return true;
        // columns: busy (1 when readers or writers kept it from finishing), log frames, frames checkpointed
        Record result = dsl().fetchOne("PRAGMA wal_checkpoint(TRUNCATE)");
        boolean done = result == null || ((Number) result.get(0)).intValue() == 0;
        if (!done) log.warn("the write-ahead log could not be emptied after an erasure (busy); it will be at the next one");
        return done;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
