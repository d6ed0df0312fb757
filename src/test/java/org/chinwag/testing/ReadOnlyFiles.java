package org.chinwag.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;

/**
 * Files and folders made read-only for a test, and writable again on close. Root ignores
 * permissions, so as root (as on CI) the immutable attribute is used, which also stops writes
 * through files a process already has open; otherwise the write permissions are removed.
 */
public final class ReadOnlyFiles implements AutoCloseable {

    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    private final List<Path> paths = new ArrayList<>();
    private final List<Set<PosixFilePermission>> before = new ArrayList<>();

    private ReadOnlyFiles() {}

    /** True when files made read-only here also refuse writes through descriptors opened earlier. */
    public static boolean stopsOpenFiles() {
        return ROOT;
    }

    public static ReadOnlyFiles make(Path... targets) {
        ReadOnlyFiles files = new ReadOnlyFiles();
        try {
            for (Path target : targets) {
                if (!Files.exists(target)) continue;
                files.paths.add(target);
                files.before.add(Files.getPosixFilePermissions(target));
                if (ROOT) {
                    Assumptions.assumeTrue(Commands.succeed("chattr", "+i", target.toString()), "chattr +i is not available for " + target);
                } else {
                    Files.setPosixFilePermissions(target, withoutWrite(Files.getPosixFilePermissions(target)));
                }
            }
        } catch (IOException e) {
            files.close();
            throw new IllegalStateException(e);
        }
        return files;
    }

    private static Set<PosixFilePermission> withoutWrite(Set<PosixFilePermission> permissions) {
        Set<PosixFilePermission> kept = new java.util.HashSet<>(permissions);
        kept.removeAll(Set.of(PosixFilePermission.OWNER_WRITE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE));
        return kept;
    }


    @Override
    public void close() {
        for (int i = paths.size() - 1; i >= 0; i--) {
            Path target = paths.get(i);
            if (ROOT) Commands.succeed("chattr", "-i", target.toString());
            try {
                Files.setPosixFilePermissions(target, before.get(i));
            } catch (IOException e) {
                // best effort: the temporary folder is removed after the test anyway
            }
        }
        paths.clear();
    }
}
