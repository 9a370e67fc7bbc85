package io.wkforge.stages.model;

import ai.djl.engine.Engine;
import ai.djl.engine.EngineException;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Where and how libtorch runs, through DJL's PyTorch engine. The natives come from the jar built
 * in (CPU, or CUDA with the {@code cuda} Maven profile): DJL is told never to download, not to
 * report usage, and to unpack them into the user's cache folder rather than {@code ~/.djl.ai}.
 * These are the system properties DJL reads; an environment variable of the same name that the
 * user set still wins.
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
        setIfAbsent("ai.djl.offline", "true");
        setIfAbsent("OPT_OUT_TRACKING", "true");
        passiveOpenMpThreads();
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
        } catch (EngineException | IllegalArgumentException | UnsatisfiedLinkError e) {
            throw new IOException("libtorch (DJL's PyTorch engine) cannot be loaded: " + e.getMessage()
                    + "; it is unpacked into " + cacheDir() + " (about 450 MB; set DJL_CACHE_DIR to move it)", e);
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

    /** Whether the libtorch built in is a CUDA one (the {@code cuda} Maven profile). */
    public static boolean isCudaBuild() {
        return readProperties().getProperty("flavor", "cpu").startsWith("cu");
    }

    private static java.util.Properties readProperties() {
        java.util.Properties p = new java.util.Properties();
        try (var in = Libtorch.class.getClassLoader().getResourceAsStream("native/lib/pytorch.properties")) {
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
