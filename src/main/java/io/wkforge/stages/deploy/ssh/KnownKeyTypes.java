package io.wkforge.stages.deploy.ssh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.common.NamedFactory;
import org.apache.sshd.common.signature.Signature;

/**
 * Asks the board for a host key of a type known_hosts already holds for it, as OpenSSH's client
 * does. A board has several host keys (ed25519, ecdsa, rsa); without this the client would take
 * its own favourite, and a board known by another of its keys would look like a changed key.
 */
final class KnownKeyTypes {
    private KnownKeyTypes() {}

    /** The key types known_hosts holds for {@code host:port}, in file order; empty when none or unreadable. */
    static List<String> of(Path knownHosts, String host, int port) {
        if (!Files.isRegularFile(knownHosts)) return List.of();
        Set<String> types = new LinkedHashSet<>();
        try {
            for (KnownHostEntry e : KnownHostEntry.readKnownHostEntries(knownHosts)) {
                if (e.getMarker() == null && e.getKeyEntry() != null && e.isHostMatch(host, port)) {
                    types.add(e.getKeyEntry().getKeyType());
                }
            }
        } catch (IOException | RuntimeException e) {
            return List.of(); // the verifier reads the file again and reports what is wrong with it
        }
        return List.copyOf(types);
    }

    /** The signature algorithms reordered so those for the known key types come first. */
    static List<NamedFactory<Signature>> preferring(List<NamedFactory<Signature>> all, List<String> keyTypes) {
        List<NamedFactory<Signature>> first = new ArrayList<>();
        List<NamedFactory<Signature>> rest = new ArrayList<>();
        for (NamedFactory<Signature> f : all) {
            if (keyTypes.stream().anyMatch(t -> signs(t, f.getName()))) first.add(f);
            else rest.add(f);
        }
        first.addAll(rest);
        return first;
    }

    /** Whether a host key of this type is shown with this signature algorithm (RSA keys have three). */
    private static boolean signs(String keyType, String algorithm) {
        if (keyType.equals("ssh-rsa")) return algorithm.equals("rsa-sha2-512") || algorithm.equals("rsa-sha2-256") || algorithm.equals("ssh-rsa");
        return keyType.equals(algorithm);
    }
}
