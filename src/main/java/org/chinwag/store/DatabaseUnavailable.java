package org.chinwag.store;

import java.nio.file.Path;
import java.sql.SQLException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The database cannot be used at all (at start-up, or when migrating): the message is one line for
 * an operator, naming the file and what to do about it. No stack trace is needed to act on it.
 */
public final class DatabaseUnavailable extends RuntimeException {

    DatabaseUnavailable(String message, Throwable cause) {
        super(message, cause);
    }

    /** What SQLite said about {@code file}, in words an operator can act on. */
    static DatabaseUnavailable of(String where, Throwable failure) {
        SQLException sql = sqlCause(failure);
        String what = sql instanceof SQLiteException lite ? advice(where, lite.getResultCode()) : null;
        if (what == null) {
            String reason = sql != null ? sql.getMessage() : failure.getMessage();
            what = "cannot use the database " + where + ": " + firstLine(reason);
        }
        return new DatabaseUnavailable(what, failure);
    }

    static DatabaseUnavailable isAFolder(Path file) {
        return new DatabaseUnavailable("the database path " + file + " is a folder, not a file: set CHINWAG_DB_URL to "
                + "a file in it, e.g. jdbc:sqlite:" + file.resolve("chinwag.db"), null);
    }

    static DatabaseUnavailable folderNotCreated(Path folder, java.io.IOException e) {
        String reason = e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                : e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null ? fs.getReason()
                : firstLine(e.getMessage());
        return new DatabaseUnavailable("cannot create the database folder " + folder + " (" + reason
                + "): create it and let the service's user write to it, or set CHINWAG_DB_URL to a file elsewhere", e);
    }

    private static String advice(String where, SQLiteErrorCode code) {
        int primary = code.code & 0xff;
        if (primary == SQLiteErrorCode.SQLITE_CANTOPEN.code) {
            return "cannot open or create the database file " + where
                    + ": check its folder exists and the service's user may write to the folder and the file";
        }
        if (primary == SQLiteErrorCode.SQLITE_READONLY.code || primary == SQLiteErrorCode.SQLITE_PERM.code
                || primary == SQLiteErrorCode.SQLITE_AUTH.code) {
            return "the database file " + where + " is read-only: let the service's user write to it and to its folder "
                    + "(SQLite keeps its -wal and -shm files beside it)";
        }
        if (primary == SQLiteErrorCode.SQLITE_NOTADB.code || primary == SQLiteErrorCode.SQLITE_CORRUPT.code) {
            return where + " is not a readable SQLite database (damaged, or another kind of file): restore it "
                    + "from a backup, or move it away to start with an empty database";
        }
        if (primary == SQLiteErrorCode.SQLITE_FULL.code) {
            return "the disk holding the database " + where + " is full: free some space and start again";
        }
        if (primary == SQLiteErrorCode.SQLITE_IOERR.code) {
            return "cannot read or write the database " + where + " (a disk error, a full disk or a read-only file): "
                    + "check the disk and that the service's user may write there";
        }
        if (primary == SQLiteErrorCode.SQLITE_BUSY.code || primary == SQLiteErrorCode.SQLITE_LOCKED.code) {
            return "the database " + where + " is locked by another program: stop it, or wait and start again";
        }
        return null;
    }

    private static SQLException sqlCause(Throwable t) {
        for (Throwable cause = t; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) return sql;
        }
        return null;
    }

    private static String firstLine(String text) {
        if (text == null) return "no reason given";
        String line = text.strip().lines().findFirst().orElse("");
        return line.isEmpty() ? "no reason given" : line;
    }
}
