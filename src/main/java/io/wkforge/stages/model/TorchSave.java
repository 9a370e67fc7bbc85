package io.wkforge.stages.model;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reader of {@code torch.save} files, the one owner of that format: the zip container of PyTorch
 * 1.6 and later ({@code <name>/data.pkl}, one entry {@code <name>/data/<key>} per storage,
 * {@code <name>/byteorder}) and the legacy stream (a magic number, a protocol version, the
 * system's sizes, the pickled object, the pickled list of storage keys, then each storage as an
 * 8-byte element count and its raw bytes). The pickle goes through {@link TorchUnpickler}, which
 * builds nothing but dicts, lists, numbers, strings and {@link TorchTensor} descriptions.
 */
public final class TorchSave {
    static final String ZIP = "torch.save (zip)";
    static final String LEGACY = "torch.save (legacy, before PyTorch 1.6)";

    /** What to save instead of a file that cannot be used; downloads nothing. */
    public static final String SAVE_INSTEAD = "save the weights alone with `torch.save(model.state_dict(), \"weights.pth\")`";

    private static final BigInteger LEGACY_MAGIC = new BigInteger("1950a86a20f9469cfc6c", 16);
    private static final int LEGACY_PROTOCOL = 1001;
    /** Module prefixes of classes that make up a network object: a file naming one holds a whole model. */
    private static final List<String> MODEL_MODULES = List.of("torch.nn", "torchvision", "mmcls", "mmpretrain", "mmcv", "mmengine",
            "timm", "__main__", "torch.jit", "torch.fx");

    /** The unpickled object and the container it came from. */
    record Contents(Object root, String format) {}

    private TorchSave() {}

    /** Whether the file's first bytes are a zip whose entries look like torch.save's, or a legacy pickle. */
    static boolean isLegacyHead(byte[] head) {
        return head.length >= 2 && (head[0] & 0xff) == 0x80 && head[1] >= 2 && head[1] <= 5;
    }

    /**
     * Reads the file; with {@code withData} false only the pickle is read (the storages are not),
     * which is enough to list tensors and check their shapes.
     */
    static Contents read(Path file, boolean withData) throws IOException {
        byte[] head = new byte[4];
        try (InputStream in = Files.newInputStream(file)) {
            int n = in.readNBytes(head, 0, 4);
            if (n < 4) throw new IOException("is too short to be a torch.save file (" + n + " bytes)");
        }
        if (head[0] == 'P' && head[1] == 'K') return readZip(file, withData);
        if (isLegacyHead(head)) return readLegacy(file, withData);
        throw new IOException("is not a torch.save file (neither a zip archive nor a pickle)");
    }

    private static Contents readZip(Path file, boolean withData) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            String prefix = null;
            for (ZipEntry e : Collections.list(zip.entries())) {
                String name = e.getName();
                if (name.endsWith("/data.pkl") && name.indexOf('/') == name.length() - "/data.pkl".length()) {
                    prefix = name.substring(0, name.length() - "data.pkl".length());
                }
            }
            if (prefix == null) throw new IOException("is a zip archive without the data.pkl of a torch.save file");
            ByteOrder order = ByteOrder.LITTLE_ENDIAN;
            ZipEntry byteorder = zip.getEntry(prefix + "byteorder");
            if (byteorder != null) {
                String text = new String(zip.getInputStream(byteorder).readNBytes(16), StandardCharsets.US_ASCII).trim();
                if (text.equals("big")) order = ByteOrder.BIG_ENDIAN;
                else if (!text.equals("little")) throw new IOException("names an unknown byte order `" + text + "`");
            }
            Map<String, TorchTensor.Storage> storages = new LinkedHashMap<>();
            Object root;
            try (InputStream pkl = new BufferedInputStream(zip.getInputStream(zip.getEntry(prefix + "data.pkl")))) {
                root = new TorchUnpickler(pid -> storage(pid, storages, false)).read(pkl);
            } catch (TorchUnpickler.Refused r) {
                throw refused(r);
            }
            if (withData) {
                for (TorchTensor.Storage s : storages.values()) {
                    ZipEntry e = zip.getEntry(prefix + "data/" + s.key);
                    if (e == null) throw new IOException("is damaged: the data of storage " + s.key + " is missing");
                    if (e.getSize() >= 0 && e.getSize() < s.byteLength()) {
                        throw new IOException("is damaged: storage " + s.key + " holds " + e.getSize() + " bytes, its tensors need "
                                + s.byteLength());
                    }
                    try (InputStream in = zip.getInputStream(e)) {
                        s.fill(in.readNBytes(Math.toIntExact(s.byteLength())), order);
                    }
                }
            }
            return new Contents(root, ZIP);
        } catch (ZipException e) {
            throw new IOException("is damaged: its zip structure cannot be read (" + e.getMessage() + "); it may be truncated");
        } catch (EOFException e) {
            throw new IOException("is truncated: it ends inside its data");
        }
    }

    private static Contents readLegacy(Path file, boolean withData) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            Map<String, TorchTensor.Storage> storages = new LinkedHashMap<>();
            TorchUnpickler header = new TorchUnpickler(pid -> {
                throw new net.razorvine.pickle.PickleException("a persistent id in the header");
            });
            Object magic;
            try {
                magic = header.read(in);
            } catch (IOException e) {
                throw new IOException("is a Python pickle, not a torch.save file (" + e.getMessage() + ")");
            }
            if (!(magic instanceof Number m) || !new BigInteger(m.toString()).equals(LEGACY_MAGIC)) {
                throw new IOException("is a Python pickle but not a torch.save file (it does not start with torch.save's magic number)");
            }
            Object protocol = header.read(in);
            if (!(protocol instanceof Number p) || p.intValue() != LEGACY_PROTOCOL) {
                throw new IOException("is a legacy torch.save file of protocol " + protocol + ", which wkforge does not read (it reads "
                        + LEGACY_PROTOCOL + ")");
            }
            Object sysInfo = header.read(in);
            ByteOrder order = ByteOrder.LITTLE_ENDIAN;
            if (sysInfo instanceof Map<?, ?> info && Boolean.FALSE.equals(info.get("little_endian"))) order = ByteOrder.BIG_ENDIAN;
            Object root;
            try {
                root = new TorchUnpickler(pid -> storage(pid, storages, true)).read(in);
            } catch (TorchUnpickler.Refused r) {
                throw refused(r);
            }
            if (withData) {
                Object keys = new TorchUnpickler(pid -> {
                    throw new net.razorvine.pickle.PickleException("a persistent id in the storage keys");
                }).read(in);
                for (String key : TorchUnpickler.strings(keys)) {
                    TorchTensor.Storage s = storages.get(key);
                    byte[] count = in.readNBytes(8);
                    if (count.length < 8) throw new EOFException();
                    long numel = java.nio.ByteBuffer.wrap(count).order(order).getLong();
                    long bytes = s == null ? -1 : s.byteLength();
                    if (s == null || numel != s.numel) {
                        throw new IOException("is damaged: storage " + key + " has " + numel + " elements, its pickle says "
                                + (s == null ? "nothing about it" : String.valueOf(s.numel)));
                    }
                    byte[] data = in.readNBytes(Math.toIntExact(bytes));
                    if (data.length < bytes) throw new EOFException();
                    s.fill(data, order);
                }
            }
            return new Contents(root, LEGACY);
        } catch (EOFException e) {
            throw new IOException("is truncated: it ends inside its data");
        }
    }

    /** A persistent id: ('storage', storage type, key, location, element count[, view]) or, legacy, ('module', ...). */
    private static Object storage(Object[] pid, Map<String, TorchTensor.Storage> storages, boolean legacy) {
        if (pid.length < 5 || !"storage".equals(pid[0]) || !(pid[1] instanceof TorchUnpickler.StorageType type)) {
            throw new net.razorvine.pickle.PickleException("a persistent id that is not a storage reference");
        }
        if (legacy && pid.length > 5 && pid[5] != null) {
            throw new net.razorvine.pickle.PickleException("a storage view of PyTorch before 1.0, which wkforge does not read");
        }
        String key = String.valueOf(pid[2]);
        long numel = ((Number) pid[4]).longValue();
        if (numel < 0) throw new net.razorvine.pickle.PickleException("a storage with a negative size");
        return storages.computeIfAbsent(key, k -> new TorchTensor.Storage(k, type, numel));
    }

    /** The one sentence for a name the pickle uses that a state dict never does. */
    static IOException refused(TorchUnpickler.Refused r) {
        String q = r.qualifiedName();
        boolean model = MODEL_MODULES.stream().anyMatch(p -> r.module.equals(p) || r.module.startsWith(p + "."));
        if (model) {
            return new IOException("holds a whole pickled model object (`" + q + "`), not a state dict; wkforge builds no Python "
                    + "objects (it looked nothing up and ran nothing): " + SAVE_INSTEAD);
        }
        if (r.module.equals("?")) {
            return new IOException(r.getMessage() + "; wkforge built nothing and ran nothing: " + SAVE_INSTEAD);
        }
        String lower = r.module.toLowerCase(Locale.ROOT);
        String what = lower.startsWith("numpy") ? " (a numpy object; a state dict holds torch tensors)" : "";
        return new IOException("refers to `" + q + "`" + what + " in its pickle, which is not part of a state dict (tensors, ordered "
                + "dicts, lists, numbers, strings); wkforge looked nothing up and ran nothing: " + SAVE_INSTEAD);
    }
}
