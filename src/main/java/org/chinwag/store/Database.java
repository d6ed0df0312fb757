package org.chinwag.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The database: a small connection pool, Flyway migrations from {@code db/migration}, and jOOQ.
 * SQLite allows one writer at a time, so on SQLite every write transaction goes through one lock
 * in this process (other processes, such as the token CLI, wait on SQLite's busy timeout).
 */
public final class Database implements AutoCloseable {

    private final HikariDataSource dataSource;
    private final SQLDialect dialect;
    private final ReentrantLock writeLock = new ReentrantLock(true);

    private Database(HikariDataSource dataSource, SQLDialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
    }

    /** Opens (and for SQLite, creates the folder of) the database at a JDBC URL. */
    public static Database open(String jdbcUrl) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("chinwag-db");
        SQLDialect dialect;
        if (jdbcUrl.startsWith("jdbc:sqlite:")) {
            dialect = SQLDialect.SQLITE;
            ensureParentFolder(jdbcUrl.substring("jdbc:sqlite:".length()));
            SQLiteConfig sqlite = new SQLiteConfig();
            sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
            sqlite.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
            sqlite.setBusyTimeout(5000);
            sqlite.enforceForeignKeys(true);
            SQLiteDataSource source = new SQLiteDataSource(sqlite);
            source.setUrl(jdbcUrl);
            config.setDataSource(source);
            config.setMaximumPoolSize(4);
        } else if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            dialect = SQLDialect.POSTGRES;
            config.setJdbcUrl(jdbcUrl);
            config.setMaximumPoolSize(10);
        } else {
            throw new IllegalArgumentException("unsupported database URL (expected jdbc:sqlite: or jdbc:postgresql:)");
        }
        return new Database(new HikariDataSource(config), dialect);
    }

    private static void ensureParentFolder(String file) {
        int query = file.indexOf('?');
        String plain = query >= 0 ? file.substring(0, query) : file;
        if (plain.isEmpty() || plain.equals(":memory:") || plain.startsWith("file:")) return;
        Path parent = Path.of(plain).toAbsolutePath().getParent();
        try {
            if (parent != null) Files.createDirectories(parent);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot create the database folder " + parent + ": " + e.getMessage(), e);
        }
    }

    private Flyway flyway() {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load();
    }

    /** Applies any pending migrations; returns how many ran. */
    public int migrate() {
        return flyway().migrate().migrationsExecuted;
    }

    /** True when the database answers and no migration is pending. */
    public boolean ready() {
        try {
            dsl().selectOne().fetch();
            return flyway().info().pending().length == 0;
        } catch (RuntimeException e) {
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

    /** Runs {@code work} in one write transaction: all of it commits, or none of it. */
    public <T> T write(Function<DSLContext, T> work) {
        boolean serialise = dialect == SQLDialect.SQLITE;
        if (serialise) writeLock.lock();
        try {
            return dsl().transactionResult(configuration -> work.apply(configuration.dsl()));
        } finally {
            if (serialise) writeLock.unlock();
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
