package io.wkforge.stages.deploy;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileSystemException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.util.Map;
import org.apache.sshd.common.file.root.RootedFileSystemProvider;

/**
 * The real file system seen through a provider whose writes can fail as a full disk does
 * ({@code No space left on device}) or silently flip a bit, for tests of the folder transport.
 */
final class FaultyFileSystem extends RootedFileSystemProvider {
    enum Fault { DISK_FULL_AFTER, CORRUPT }

    private final Fault fault;
    private final long budget;

    private FaultyFileSystem(Fault fault, long budget) {
        this.fault = fault;
        this.budget = budget;
    }

    /** {@code realFolder} as a path of a file system with the given fault. */
    static Path folder(Path realFolder, Fault fault, long budget) throws IOException {
        return new FaultyFileSystem(fault, budget).newFileSystem(Path.of("/"), Map.of()).getPath(realFolder.toString());
    }

    @Override
    public OutputStream newOutputStream(Path path, OpenOption... options) throws IOException {
        OutputStream real = super.newOutputStream(path, options);
        return new FilterOutputStream(real) {
            private long written;

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (fault == Fault.DISK_FULL_AFTER && written + len > budget) {
                    throw new FileSystemException(path.toString(), null, "No space left on device");
                }
                byte[] data = b;
                if (fault == Fault.CORRUPT && written == 0 && len > 0) {
                    data = b.clone();
                    data[off] ^= 0x01;
                }
                out.write(data, off, len);
                written += len;
            }
        };
    }
}
