package io.wkforge.stages.model;

import io.wkforge.util.Json;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes the safetensors format (an 8-byte little-endian header length, a JSON header
 * mapping each name to its dtype, shape and byte range, then the raw little-endian data). Chosen
 * for trained weights because it is documented, trivially parsed by any tool (a dozen lines of
 * Python read it without the safetensors package), and cannot execute code on load. Only F32 is
 * written; F32 and F64 are read.
 */
public final class SafeTensors {
    /** Floats written per chunk (256 KiB). */
    private static final int CHUNK_FLOATS = 1 << 16;

    private SafeTensors() {}

    /** Writes tensors in the map's order, with optional string metadata. */
    public static void write(Path file, Map<String, Tensor> tensors, Map<String, String> metadata) throws IOException {
        Map<String, Object> header = new LinkedHashMap<>();
        if (metadata != null && !metadata.isEmpty()) header.put("__metadata__", new LinkedHashMap<>(metadata));
        long offset = 0;
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            long bytes = 4L * e.getValue().data().length;
            List<Object> shape = new ArrayList<>();
            for (long d : e.getValue().shape()) shape.add(d);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("dtype", "F32");
            entry.put("shape", shape);
            entry.put("data_offsets", List.of(offset, offset + bytes));
            header.put(e.getKey(), entry);
            offset += bytes;
        }
        byte[] json = Json.writeCompact(header).getBytes(StandardCharsets.UTF_8);
        int padded = (json.length + 7) / 8 * 8; // the format pads the header with spaces to 8 bytes
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer head = ByteBuffer.allocate(8 + padded).order(ByteOrder.LITTLE_ENDIAN);
            head.putLong(padded).put(json);
            while (head.hasRemaining()) head.put((byte) ' ');
            head.flip();
            while (head.hasRemaining()) ch.write(head);
            // one small buffer for all tensors: a tensor-sized one each (9 MB for ResNet-18's
            // largest) would be a humongous allocation for the JVM's heap, plus a temporary
            // direct buffer of the same size that the JDK keeps per writing thread
            ByteBuffer buf = ByteBuffer.allocate(CHUNK_FLOATS * 4).order(ByteOrder.LITTLE_ENDIAN);
            for (Tensor t : tensors.values()) {
                float[] data = t.data();
                for (int from = 0; from < data.length; from += CHUNK_FLOATS) {
                    int n = Math.min(CHUNK_FLOATS, data.length - from);
                    buf.clear();
                    buf.asFloatBuffer().put(data, from, n);
                    buf.limit(4 * n);
                    while (buf.hasRemaining()) ch.write(buf);
                }
            }
        }
    }

    /** The string metadata of a file ({@code __metadata__}), empty when it has none. */
    public static Map<String, String> readMetadata(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            while (len.hasRemaining()) if (ch.read(len) < 0) throw new IOException(file + ": not a safetensors file (shorter than its header)");
            long headerLength = len.flip().getLong();
            if (headerLength < 2 || headerLength > ch.size() - 8) throw new IOException(file + ": not a safetensors file (header length " + headerLength + ")");
            ByteBuffer head = ByteBuffer.allocate((int) headerLength);
            while (head.hasRemaining()) if (ch.read(head) < 0) throw new IOException(file + ": truncated header");
            Object parsed;
            try {
                parsed = Json.read(new String(head.array(), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw new IOException(file + ": unreadable safetensors header: " + e.getMessage());
            }
            Map<String, String> out = new LinkedHashMap<>();
            if (parsed instanceof Map<?, ?> header && header.get("__metadata__") instanceof Map<?, ?> meta) {
                meta.forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
            }
            return out;
        }
    }

    /** Reads every tensor, in file order. */
    public static Map<String, Tensor> read(Path file) throws IOException {
        ByteBuffer all = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        if (all.remaining() < 8) throw new IOException(file + ": not a safetensors file (shorter than its header)");
        long headerLength = all.getLong();
        if (headerLength < 2 || headerLength > all.remaining()) {
            throw new IOException(file + ": not a safetensors file (header length " + headerLength + ")");
        }
        String json = new String(all.array(), 8, (int) headerLength, StandardCharsets.UTF_8);
        Object parsed;
        try {
            parsed = Json.read(json);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": unreadable safetensors header: " + e.getMessage());
        }
        if (!(parsed instanceof Map<?, ?> header)) throw new IOException(file + ": safetensors header is not an object");
        int dataStart = 8 + (int) headerLength;
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : header.entrySet()) {
            String name = String.valueOf(e.getKey());
            if (name.equals("__metadata__")) continue;
            if (!(e.getValue() instanceof Map<?, ?> entry)) throw new IOException(file + ": entry " + name + " is not an object");
            String dtype = String.valueOf(entry.get("dtype"));
            long[] shape = ((List<?>) entry.get("shape")).stream().mapToLong(v -> ((Number) v).longValue()).toArray();
            List<?> range = (List<?>) entry.get("data_offsets");
            long begin = ((Number) range.get(0)).longValue();
            long end = ((Number) range.get(1)).longValue();
            if (begin < 0 || end < begin || dataStart + end > all.capacity()) {
                throw new IOException(file + ": tensor " + name + " lies outside the file (truncated?)");
            }
            ByteBuffer slice = all.duplicate().order(ByteOrder.LITTLE_ENDIAN);
            slice.position(dataStart + (int) begin).limit(dataStart + (int) end);
            float[] data;
            switch (dtype) {
                case "F32" -> {
                    data = new float[(int) ((end - begin) / 4)];
                    slice.slice().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(data);
                }
                case "F64" -> {
                    double[] d = new double[(int) ((end - begin) / 8)];
                    slice.slice().order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(d);
                    data = new float[d.length];
                    for (int i = 0; i < d.length; i++) data[i] = (float) d[i];
                }
                default -> throw new IOException(file + ": tensor " + name + " has dtype " + dtype + "; only F32 and F64 are read");
            }
            try {
                out.put(name, new Tensor(shape, data));
            } catch (IllegalArgumentException bad) {
                throw new IOException(file + ": tensor " + name + ": " + bad.getMessage());
            }
        }
        return out;
    }
}
