package io.wkforge.cli;

import picocli.CommandLine;

public final class Version implements CommandLine.IVersionProvider {
    /**
     * The release, for --version and run records. Not part of cache keys: those hold a digest of
     * each stage's code and libraries instead (io.wkforge.run.StageFingerprint).
     */
    public static String current() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-dev" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"wkforge " + current()};
    }
}
