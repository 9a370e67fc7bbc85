package io.wkforge.run;

/** The Java runtime wkforge runs on: its version, cores and memory. */
final class JavaCheck {
    private static final int MINIMUM_FEATURE = 17;

    private JavaCheck() {}

    static Finding run() {
        Runtime.Version v = Runtime.version();
        String vendor = System.getProperty("java.vendor", "unknown vendor");
        long maxHeapMb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        String detail = "Java " + v + " (" + vendor + "), " + Runtime.getRuntime().availableProcessors() + " cores, "
                + "heap up to " + (maxHeapMb >= 2048 ? (maxHeapMb / 1024) + " GB" : maxHeapMb + " MB");
        if (v.feature() < MINIMUM_FEATURE) {
            return Finding.fail("java", detail, "install a JDK " + MINIMUM_FEATURE + " or newer");
        }
        return Finding.ok("java", detail);
    }
}
