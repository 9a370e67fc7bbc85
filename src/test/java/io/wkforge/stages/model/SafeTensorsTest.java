package io.wkforge.stages.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeTensorsTest {
    @TempDir Path dir;

    @Test
    void roundTripKeepsNamesShapesOrderAndValues() throws IOException {
        Map<String, Tensor> in = new LinkedHashMap<>();
        in.put("conv1.weight", new Tensor(new long[] {2, 1, 2, 2}, new float[] {1, -2, 3.5f, 4, 5, 6, 7, Float.MIN_VALUE}));
        in.put("fc.bias", new Tensor(new long[] {3}, new float[] {0.25f, -0f, 1e-30f}));
        Path f = dir.resolve("w.safetensors");
        SafeTensors.write(f, in, Map.of("format", "pt"));
        Map<String, Tensor> out = SafeTensors.read(f);
        assertEquals(List.copyOf(in.keySet()), List.copyOf(out.keySet()));
        for (String k : in.keySet()) {
            assertArrayEquals(in.get(k).shape(), out.get(k).shape());
            assertArrayEquals(in.get(k).data(), out.get(k).data());
        }
    }

    /** The layout as the format documents it, read byte by byte: header length, JSON, data. */
    @Test
    void writesTheDocumentedLayout() throws IOException {
        Path f = dir.resolve("w.safetensors");
        SafeTensors.write(f, Map.of("a", new Tensor(new long[] {2}, new float[] {1f, 2f})), null);
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(f)).order(ByteOrder.LITTLE_ENDIAN);
        long n = b.getLong();
        assertEquals(0, n % 8);
        String header = new String(b.array(), 8, (int) n, StandardCharsets.UTF_8).strip();
        assertEquals("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}", header);
        b.position(8 + (int) n);
        assertEquals(1f, b.getFloat());
        assertEquals(2f, b.getFloat());
        assertEquals(8 + n + 8, Files.size(f));
    }

    @Test
    void truncatedFileIsAClearError() throws IOException {
        Path f = dir.resolve("w.safetensors");
        SafeTensors.write(f, Map.of("a", new Tensor(new long[] {4}, new float[4])), null);
        byte[] all = Files.readAllBytes(f);
        Files.write(f, java.util.Arrays.copyOf(all, all.length - 3));
        IOException e = assertThrows(IOException.class, () -> SafeTensors.read(f));
        assertEquals(true, e.getMessage().contains("truncated"), e.getMessage());
    }
}
