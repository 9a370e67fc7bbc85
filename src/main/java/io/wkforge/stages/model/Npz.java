package io.wkforge.stages.model;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Reads numpy's {@code .npz} archives ({@code numpy.savez}: a zip of {@code .npy} files, one per
 * keyword): the one-line way to get a PyTorch state dict out of Python without extra packages.
 * Little-endian float32/float64 and integer arrays in C order are read (integers as floats).
 */
public final class Npz {
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private Npz() {}

    public static Map<String, Tensor> read(Path file) throws IOException {
        Map<String, Tensor> out = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                if (e.isDirectory() || !e.getName().endsWith(".npy")) continue;
                String name = e.getName().substring(0, e.getName().length() - 4);
                try (InputStream in = zip.getInputStream(e)) {
                    out.put(name, npy(readAll(in)));
                } catch (IOException | RuntimeException bad) {
                    throw new IOException(file + ": array " + name + ": " + bad.getMessage());
                }
            }
        }
        if (out.isEmpty()) throw new IOException(file + ": no arrays (not a numpy .npz archive?)");
        return out;
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        in.transferTo(buf);
        return buf.toByteArray();
    }

    /** One {@code .npy} file: magic, version, header length, a Python-dict header, raw data. */
    static Tensor npy(byte[] bytes) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 10 || (bytes[0] & 0xff) != 0x93 || !new String(bytes, 1, 5, StandardCharsets.US_ASCII).equals("NUMPY")) {
            throw new IOException("not a .npy array");
        }
        int major = bytes[6];
        b.position(8);
        int headerLength = major == 1 ? Short.toUnsignedInt(b.getShort()) : b.getInt();
        String header = new String(bytes, b.position(), headerLength, major >= 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        b.position(b.position() + headerLength);
        String descr = group(DESCR, header, "descr");
        if (group(FORTRAN, header, "fortran_order").equals("True")) throw new IOException("Fortran-ordered arrays are not read");
        List<Long> dims = new ArrayList<>();
        for (String d : group(SHAPE, header, "shape").split(",")) if (!d.isBlank()) dims.add(Long.parseLong(d.strip()));
        long[] shape = dims.stream().mapToLong(Long::longValue).toArray();
        long n = 1;
        for (long d : shape) n *= d;
        float[] data = new float[Math.toIntExact(n)];
        ByteBuffer body = b.slice().order(ByteOrder.LITTLE_ENDIAN);
        switch (descr) {
            case "<f4" -> body.asFloatBuffer().get(data);
            case "<f8" -> {
                for (int i = 0; i < data.length; i++) data[i] = (float) body.getDouble(i * 8);
            }
            case "<i8" -> {
                for (int i = 0; i < data.length; i++) data[i] = body.getLong(i * 8);
            }
            case "<i4" -> {
                for (int i = 0; i < data.length; i++) data[i] = body.getInt(i * 4);
            }
            default -> throw new IOException("dtype " + descr + " is not read (float32 or float64 expected)");
        }
        return new Tensor(shape, data);
    }

    private static String group(Pattern p, String header, String what) throws IOException {
        Matcher m = p.matcher(header);
        if (!m.find()) throw new IOException("header has no " + what + ": " + header.strip());
        return m.group(1);
    }
}
