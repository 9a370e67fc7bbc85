package io.wkforge.stages.model;

import ai.djl.engine.Engine;
import ai.djl.engine.EngineException;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Where and how libtorch runs, through DJL's PyTorch engine (one DJL version and one engine code
 * path for both flavours). The flavour is chosen when the jar is built ({@code wkforge/libtorch.properties},
 * written by Maven): {@code cpu} bundles libtorch and DJL is told never to download;
 * {@code cu128} (the {@code cuda} profile) bundles none, and DJL fetches libtorch for that CUDA
 * on first use, as DJL supports, unless its cache folder already holds it. Either way DJL does not
 * report usage and unpacks into the user's cache folder rather than {@code ~/.djl.ai}. These are
 * the system properties DJL reads; an environment variable of the same name that the user set
 * still wins.
 */
public final class Libtorch {
    private static boolean configured;

    private Libtorch() {}

    /** The folder DJL unpacks libtorch into (about 450 MB on first use). */
    public static Path cacheDir() {
        String djl = System.getenv("DJL_CACHE_DIR");
        if (djl != null && !djl.isBlank()) return Path.of(djl);
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("wkforge").resolve("djl");
    }

    /** Sets DJL's properties; must run before DJL's first use, harmless after. */
    public static synchronized void configure() {
        if (configured) return;
        configured = true;
        setIfAbsent("DJL_CACHE_DIR", cacheDir().toString());
        setIfAbsent("OPT_OUT_TRACKING", "true");
        if (isCudaBuild()) {
            // DJL picks the CUDA flavour from the driver it finds; name the one whose JNI library
            // pytorch-jni carries, so a machine without a GPU gets the same libtorch and says so
            if (System.getenv("PYTORCH_FLAVOR") == null) setIfAbsent("PYTORCH_FLAVOR", flavour());
        } else {
            setIfAbsent("ai.djl.offline", "true");
        }
        passiveOpenMpThreads();
        EngineMessages.install();
    }

    /**
     * libtorch's OpenMP threads spin between parallel regions by default. On a machine whose cores
     * are also busy with other work (builds, another training), the spinning threads take turns
     * with the ones doing the work and training slows down 5-20x (measured on 2 busy cores, for
     * DJL and PyTorch alike); with the passive policy they sleep instead. libgomp reads the policy
     * from the process environment when libtorch loads, so it is set there (through libc, as Java
     * cannot change its own environment) unless the user chose one.
     */
    private static void passiveOpenMpThreads() {
        if (System.getenv("OMP_WAIT_POLICY") != null || System.getenv("GOMP_SPINCOUNT") != null) return;
        try {
            CLibrary.INSTANCE.setenv("OMP_WAIT_POLICY", "PASSIVE", 0);
        } catch (LinkageError | RuntimeException e) {
            // not a libc platform: libtorch keeps its default
        }
    }

    private interface CLibrary extends com.sun.jna.Library {
        CLibrary INSTANCE = com.sun.jna.Native.load("c", CLibrary.class);

        int setenv(String name, String value, int overwrite);
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) System.setProperty(key, value);
    }

    /**
     * The PyTorch engine, loaded on first use.
     *
     * @throws IOException saying what failed and where libtorch is unpacked
     */
    public static Engine engine() throws IOException {
        configure();
        try {
            return Engine.getEngine("PyTorch");
        } catch (EngineException | IllegalArgumentException | IllegalStateException | UnsatisfiedLinkError e) {
            String where = isCudaBuild()
                    ? "; this CUDA build fetches libtorch " + BUILD.getProperty("version", "?") + " (" + flavour() + ", about 2.5 GB) from DJL's site on first use into "
                            + cacheDir() + ": without internet, copy that folder from a machine where it ran, or point PYTORCH_LIBRARY_PATH "
                            + "at an unpacked libtorch " + BUILD.getProperty("version", "?") + " for CUDA 12 (docs/stages/train.md)"
                    : "; it is unpacked into " + cacheDir() + " (about 450 MB; set DJL_CACHE_DIR to move it)";
            throw new IOException("libtorch (DJL's PyTorch engine) cannot be loaded: " + e.getMessage() + where, e);
        }
    }

    /**
     * Loads libtorch ahead of the task that needs it (a stage's warm-up, while the recipe is
     * checked): its natives take seconds the first time. A failure is left to that task to report.
     */
    public static void warmUp() {
        try {
            engine();
        } catch (IOException ignored) {
            // the task that needs libtorch reports it
        }
    }

    /**
     * Sets libtorch's intra-op threads for the calling thread (OpenMP keeps the count per thread,
     * so the thread that runs the network must call this).
     */
    public static void useThreads(int threads) throws IOException {
        engine();
        ai.djl.pytorch.jni.JniUtils.setNumThreads(Math.max(1, threads));
    }

    /** Whether this jar was built for CUDA (the {@code cuda} Maven profile). */
    public static boolean isCudaBuild() {
        return flavour().startsWith("cu");
    }

    /** The flavour this jar was built with: {@code cpu}, or the CUDA one ({@code cu128}). */
    public static String flavour() {
        return BUILD.getProperty("flavour", "cpu");
    }

    /**
     * The build in words, for doctor and messages: {@code libtorch 2.7.1 for the CPU (bundled)}
     * or {@code libtorch 2.7.1 for CUDA 12.8 (cu128, fetched by DJL on first use)}.
     */
    public static String buildDescription() {
        String f = flavour();
        if (!f.startsWith("cu")) return "libtorch " + BUILD.getProperty("version", "?") + " for the CPU (bundled)";
        String cuda = f.length() > 4 ? f.substring(2, 4) + "." + f.substring(4) : f.substring(2);
        return "libtorch " + BUILD.getProperty("version", "?") + " for CUDA " + cuda + " (" + f + ", fetched by DJL on first use)";
    }

    private static final java.util.Properties BUILD = readBuild();

    private static java.util.Properties readBuild() {
        java.util.Properties p = new java.util.Properties();
        try (var in = Libtorch.class.getClassLoader().getResourceAsStream("wkforge/libtorch.properties")) {
            if (in != null) p.load(in);
        } catch (IOException ignored) {
            // unknown flavour: reported as the CPU build
        }
        return p;
    }

    public static String version() throws IOException {
        return engine().getVersion();
    }
}
