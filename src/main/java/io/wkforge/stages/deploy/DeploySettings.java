package io.wkforge.stages.deploy;

import io.wkforge.lang.model.Setting;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;

/**
 * The {@code deploy} block, typed. Read through a function so the stage reads it from its task
 * context (keyed settings only) and doctor from the checked recipe.
 *
 * @param folder     the host folder of {@code via dir}, else null
 * @param key        the private key file, or null to use the SSH agent
 * @param knownHosts the known_hosts file (default {@code ~/.ssh/known_hosts})
 * @param passwordEnv the name of the environment variable holding the password, or null
 * @param run        the command that starts the app on the board, or null
 */
public record DeploySettings(Via via, Path folder, String host, int port, String user, Path key, Path knownHosts,
                             boolean acceptNewHostKey, String passwordEnv, Duration connectTimeout, int retries,
                             Duration commandTimeout, String remoteDir, String modelPath, String configPath, String run,
                             Duration follow) {

    public enum Via { DIR, SSH }

    /** The folder on the board that receives the bundle over SSH; install.sh runs from there. */
    public String bundleDir() {
        return (remoteDir.endsWith("/") ? remoteDir : remoteDir + "/") + "wkforge";
    }

    /** {@code user@host:port}, as messages show the board. */
    public String boardName() {
        return user + "@" + host + (port == 22 ? "" : ":" + port);
    }

    public static DeploySettings read(Function<String, Setting> settings, Path recipeDir) {
        Setting via = settings.apply("deploy.via");
        boolean ssh = "ssh".equals(via.asString());
        Path folder = ssh ? null : localPath(via.values().size() > 1 ? via.asPaths(recipeDir).get(0) : null,
                via.values().size() > 1 ? via.asStrings().get(1) : "deploy", recipeDir);
        return new DeploySettings(
                ssh ? Via.SSH : Via.DIR,
                folder,
                optional(settings.apply("deploy.host")),
                settings.apply("deploy.port").asInt(),
                settings.apply("deploy.user").asString(),
                optionalPath(settings.apply("deploy.key"), recipeDir),
                orHome(optionalPath(settings.apply("deploy.known_hosts"), recipeDir), ".ssh/known_hosts"),
                "accept_new".equals(settings.apply("deploy.host_key").asString()),
                optional(settings.apply("deploy.password_env")),
                Duration.ofSeconds(settings.apply("deploy.connect_timeout").asLong()),
                settings.apply("deploy.retries").asInt(),
                Duration.ofSeconds(settings.apply("deploy.command_timeout").asLong()),
                settings.apply("deploy.remote_dir").asString(),
                settings.apply("deploy.model_path").asString(),
                settings.apply("deploy.config_path").asString(),
                optional(settings.apply("deploy.run")),
                Duration.ofSeconds(settings.apply("deploy.follow").asLong()));
    }

    private static String optional(Setting s) {
        return s.isSet() && !s.values().isEmpty() ? s.asString() : null;
    }

    private static Path optionalPath(Setting s, Path recipeDir) {
        if (!s.isSet() || s.values().isEmpty()) return null;
        return localPath(s.asPaths(recipeDir).get(0), s.asString(), recipeDir);
    }

    /** A recipe path, with a leading {@code ~/} meaning the user's home folder as in a shell. */
    private static Path localPath(Path resolved, String text, Path recipeDir) {
        if (text.equals("~")) return home();
        if (text.startsWith("~/")) return home().resolve(text.substring(2)).normalize();
        return resolved != null ? resolved : recipeDir.resolve(text).normalize();
    }

    private static Path orHome(Path p, String underHome) {
        return p != null ? p : home().resolve(underHome);
    }

    static Path home() {
        return Path.of(System.getProperty("user.home"));
    }
}
