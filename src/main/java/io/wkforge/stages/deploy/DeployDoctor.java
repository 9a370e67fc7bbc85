package io.wkforge.stages.deploy;

import io.wkforge.run.DoctorCheck;
import io.wkforge.run.Finding;
import io.wkforge.stages.deploy.ssh.SshDoctor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/** {@code wkforge doctor RECIPE}: can the bundle reach the recipe's board? */
final class DeployDoctor {
    private final DeploySettings settings;
    private final Function<String, String> environment;

    DeployDoctor(DeploySettings settings, Function<String, String> environment) {
        this.settings = settings;
        this.environment = environment;
    }

    DoctorCheck check() {
        return DoctorCheck.of("deploy", () -> settings.via() == DeploySettings.Via.DIR ? List.of(folder())
                : SshDoctor.check(settings, environment));
    }

    /** The folder exists (or can be made) and takes a file. */
    private Finding folder() {
        Path dir = settings.folder();
        Path existing = dir;
        while (existing != null && !Files.exists(existing)) existing = existing.getParent();
        if (existing == null || !Files.isDirectory(existing)) {
            return Finding.fail("deploy", dir + " cannot be created (" + existing + " is not a folder)",
                    "fix `via dir` in the deploy block, or mount the board's share/card there");
        }
        try {
            Path probe = Files.createTempFile(existing, ".wkforge-doctor", ".tmp");
            Files.delete(probe);
            long freeMb = Files.getFileStore(existing).getUsableSpace() / (1024 * 1024);
            String where = existing.equals(dir) ? dir + " is writable" : dir + " will be created (" + existing + " is writable)";
            return Finding.ok("deploy", where + ", " + freeMb + " MB free");
        } catch (IOException e) {
            return Finding.fail("deploy", "cannot write in " + existing + ": " + e.getMessage(),
                    "give your user write access to it, or choose another folder in `via dir`");
        }
    }
}
