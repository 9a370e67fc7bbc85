import io.wkforge.run.FileHasher;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Hashes one file the way wkforge keys its inputs and outputs (FileHasher.hashContent: SHA-256 in
 * Java) and prints the wall time. Run by bench/jit.sh with and without the quick-JIT-only flag.
 */
public class HashBench {
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        long t0 = System.nanoTime();
        String hash = FileHasher.hashContent(file);
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf(java.util.Locale.ROOT, "%.2f s  %.0f MB/s  %s%n", s, Files.size(file) / 1e6 / s, hash.substring(0, 12));
    }
}
