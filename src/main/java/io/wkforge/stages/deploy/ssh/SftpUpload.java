package io.wkforge.stages.deploy.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongConsumer;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.extensions.openssh.OpenSSHPosixRenameExtension;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpException;

/**
 * Uploads one file by SFTP to a temporary name beside its final name, then renames it into
 * place, so the final name only ever holds a complete file (the old one, or the new one).
 */
final class SftpUpload {
    static final String PART_SUFFIX = ".wkforge-part";
    private static final int CHUNK = 32 * 1024;

    private SftpUpload() {}

    static String partName(String name) {
        return "." + name + PART_SUFFIX;
    }

    /** @param sent called with the bytes sent so far of this file */
    static void upload(SftpClient sftp, Path local, String remoteDir, String name, LongConsumer sent) throws IOException {
        String part = remoteDir + "/" + partName(name);
        String target = remoteDir + "/" + name;
        byte[] buf = new byte[CHUNK];
        long done = 0;
        try (InputStream in = Files.newInputStream(local);
             OutputStream out = sftp.write(part, SftpClient.OpenMode.Write, SftpClient.OpenMode.Create,
                     SftpClient.OpenMode.Truncate)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                out.write(buf, 0, n);
                done += n;
                sent.accept(done);
            }
        }
        rename(sftp, part, target);
    }

    /** OpenSSH's posix-rename replaces the target atomically; plain SFTP v3 rename refuses an existing one. */
    private static void rename(SftpClient sftp, String from, String to) throws IOException {
        OpenSSHPosixRenameExtension posix = sftp.getExtension(OpenSSHPosixRenameExtension.class);
        if (posix != null && posix.isSupported()) {
            posix.posixRename(from, to);
            return;
        }
        try {
            sftp.remove(to);
        } catch (SftpException e) {
            if (e.getStatus() != SftpConstants.SSH_FX_NO_SUCH_FILE) throw e;
        }
        sftp.rename(from, to);
    }
}
