package org.chinwag.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** A small tmpfs mounted for a test and filled to the last byte: a full disk. Needs root (CI runs as root). */
public final class TinyDisk implements AutoCloseable {

    private final Path mountPoint;

    private TinyDisk(Path mountPoint) {
        this.mountPoint = mountPoint;
    }

    /** Mounts a full disk at {@code mountPoint} (created if needed); skips the test where that is not allowed. */
    public static TinyDisk full(Path mountPoint) {
        try {
            Files.createDirectories(mountPoint);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Assumptions.assumeTrue(Commands.succeed("mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", mountPoint.toString()),
                "cannot mount a small tmpfs here (needs root)");
        TinyDisk disk = new TinyDisk(mountPoint);
        try (OutputStream out = Files.newOutputStream(mountPoint.resolve("filler"))) {
            byte[] block = new byte[4096];
            while (true) out.write(block);
        } catch (IOException expected) {
            // no space left: the disk is full
        }
        return disk;
    }

    public Path path() {
        return mountPoint;
    }

    @Override
    public void close() {
        Commands.succeed("umount", mountPoint.toString());
    }
}
