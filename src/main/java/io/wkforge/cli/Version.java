package io.wkforge.cli;

import picocli.CommandLine;

public final class Version implements CommandLine.IVersionProvider {
    /** The tool version; part of every stage's cache key. */
    public static String current() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-dev" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"wkforge " + current()};
    }
}
