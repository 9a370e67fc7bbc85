package io.wkforge.stages.common.wk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wkforge.stages.common.wk.WkFormatException.Kind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The .wk reader and the recipe checks on files built from the documented layout. */
class WkReaderTest {
    /** The seed's classifier: 21 classes, a 224x224 crop, YUV420SP input, names from the export. */
    static final WkExpectation SEED = new WkExpectation(new int[] {1, 1, 1, 2}, false, 3, 224, 224, "yuv420sp", 21, "data", "prob");

    static byte[] seed() {
        return WkBuilder.classifier(21, 224, 224, BlobType.YVU420SP).build();
    }

    @Test
    void aValidFileReadsAsWritten(@TempDir Path dir) throws Exception {
        byte[] bytes = WkBuilder.classifier(21, 224, 224, BlobType.YVU420SP).instructionBytes(100_000).tailBytes(300).build();
        Path file = Files.write(dir.resolve("resnet_inst.wk"), bytes);
        WkFile wk = WkReader.read(file);
        assertEquals(bytes.length, wk.size());
        assertEquals("1.1.1.2", wk.versionText());
        assertEquals("20201012153000", wk.buildTime());
        assertEquals(WkFile.RUN_MODE_CHIP, wk.runMode());
        assertEquals(1, wk.segments().size());
        assertEquals("cnn", wk.segments().get(0).netTypeText());
        assertEquals("data 3x224x224 YVU420SP", wk.sources().get(0).describe());
        assertEquals("prob 21x1x1 S32", wk.destinations().get(0).describe());
        assertEquals(21, wk.destinations().get(0).elements());
        assertEquals(100_000, wk.instructionBytes());
        assertEquals(300, wk.tailBytes());
        assertEquals(List.of(), WkFit.mismatches(wk, SEED));
        assertTrue(WkReader.recognises(Arrays.copyOf(bytes, 512)));
        // the same bytes from memory read the same
        assertEquals(wk.crc(), WkReader.read(bytes).crc());
    }

    @Test
    void theCrcIsNotZlibs() {
        byte[] bytes = seed();
        java.util.zip.CRC32 zlib = new java.util.zip.CRC32();
        zlib.update(bytes, 4, bytes.length - 4 - 64);
        long stored = WkReader.u32(bytes, 0);
        assertFalse(stored == zlib.getValue(), "the loader's CRC starts at 0, zlib's at all ones");
    }

    @Test
    void aChangedByteInTheCoveredAreaIsACrcMismatchButTheTailIsNotCovered() {
        byte[] bytes = seed();
        byte[] flipped = bytes.clone();
        flipped[1000] ^= 0x10;
        WkFormatException e = assertThrows(WkFormatException.class, () -> WkReader.read(flipped));
        assertEquals(Kind.CRC_MISMATCH, e.kind());
        assertTrue(e.getMessage().startsWith("corrupted .wk: the CRC-32 of bytes 4 to "), e.getMessage());
        byte[] tail = bytes.clone();
        tail[tail.length - 1] ^= 0x10;
        assertTrue(assertDoesNotThrowRead(tail), "the tail is outside the CRC");
    }

    private static boolean assertDoesNotThrowRead(byte[] b) {
        try {
            WkReader.read(b);
            return true;
        } catch (WkFormatException e) {
            return false;
        }
    }

    @Test
    void eachDamagedOrWrongFileHasItsOwnReason() {
        byte[] good = seed();
        List<String> messages = new ArrayList<>();
        messages.add(refused(new byte[0], Kind.NOT_WK, "empty file (0 bytes), not an NNIE .wk"));
        messages.add(refused("hello, this is a text file and certainly not a model\n".repeat(20).getBytes(StandardCharsets.US_ASCII),
                Kind.NOT_WK, "not an NNIE .wk: bytes 16-19 are not format version digits"));
        messages.add(refused(Arrays.copyOf(good, 40), Kind.NOT_WK, "not an NNIE .wk: 40 bytes, too short for a .wk header (192 bytes)"));
        messages.add(refused(Arrays.copyOf(good, 150), Kind.TRUNCATED, "truncated .wk: 150 bytes, shorter than its 192-byte header"));
        messages.add(refused(Arrays.copyOf(good, good.length - 100), Kind.TRUNCATED, "truncated .wk: " + (good.length - 100)
                + " bytes, but its header says " + good.length));
        byte[] longer = Arrays.copyOf(good, good.length + 5);
        messages.add(refused(longer, Kind.INCONSISTENT, "not a whole .wk: " + longer.length + " bytes, but its header says " + good.length));
        byte[] corrupted = good.clone();
        corrupted[300] ^= 1;
        messages.add(refused(corrupted, Kind.CRC_MISMATCH, "corrupted .wk: the CRC-32 of bytes 4 to"));
        messages.add(refused(WkBuilder.classifier(21, 224, 224, BlobType.YVU420SP).version(2, 0, 0, 1).build(), Kind.UNKNOWN_VERSION,
                "unknown .wk format version 2.0.0.1"));
        byte[] badTable = good.clone();
        badTable[193] = 2; // two sources claimed, one written
        messages.add(refused(badTable, Kind.INCONSISTENT, "inconsistent .wk header: 1 segment(s) with 3 blobs"));
        assertEquals(messages.size(), new HashSet<>(messages).size(), "every reason differs: " + messages);
    }

    private static String refused(byte[] bytes, Kind kind, String start) {
        WkFormatException e = assertThrows(WkFormatException.class, () -> WkReader.read(bytes));
        assertEquals(kind, e.kind(), e.getMessage());
        assertTrue(e.getMessage().startsWith(start), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line");
        return e.getMessage();
    }

    @Test
    void eachMismatchWithTheRecipeHasItsOwnMessageNamingBothSides() throws Exception {
        List<String> all = new ArrayList<>();
        all.add(only(WkBuilder.classifier(21, 224, 224, BlobType.YVU420SP).runMode(1), "the .wk was built for functional simulation",
                "quantize.is_simulation false"));
        all.add(only(WkBuilder.classifier(21, 227, 227, BlobType.YVU420SP), "the .wk's input `data` is 3x227x227 but the recipe crops 3x224x224",
                "set preprocess.crop 227x227"));
        all.add(only(WkBuilder.classifier(21, 224, 224, BlobType.U8), "the .wk's input `data` is U8 but quantize.image_type yuv420sp makes it YVU420SP",
                "set quantize.image_type"));
        all.add(only(WkBuilder.classifier(10, 224, 224, BlobType.YVU420SP), "the .wk's output `prob` holds 10 values (10x1x1) but the recipe has 21 classes",
                "run wk again"));
        all.add(only(WkBuilder.classifier(21, 224, 224, BlobType.YVU420SP).version(1, 1, 1, 1),
                "the .wk has format version 1.1.1.1 but the target's NNIE loader accepts 1.1.1.2 (quantize.wk_version)", "another chip family"));
        all.add(only(WkBuilder.classifier(21, 224, 224, BlobType.YVU420SP)
                        .replaceSources(new WkBuilder.BlobSpec("input.1", 224, 224, 3, BlobType.YVU420SP.code())),
                "the .wk's input is named `input.1` but the exported prototxt's is `data`", "not made from this recipe's export"));
        all.add(only(WkBuilder.classifier(21, 224, 224, BlobType.YVU420SP).source("im_info", 1, 1, 3, BlobType.S32),
                "the .wk has 2 input blobs (`data`, `im_info`)", "has one"));
        assertEquals(all.size(), new HashSet<>(all).size());
        // a simulation .wk fits a recipe that asks for one, and a chip .wk does not
        WkExpectation sim = new WkExpectation(SEED.version(), true, 3, 224, 224, "yuv420sp", 21, "data", "prob");
        assertEquals(List.of(), WkFit.mismatches(WkReader.read(WkBuilder.classifier(21, 224, 224, BlobType.YVU420SP).runMode(1).build()), sim));
        assertTrue(WkFit.mismatches(WkReader.read(seed()), sim).get(0).contains("built for the chip"));
        // without an export, names are not compared
        WkExpectation noNames = new WkExpectation(SEED.version(), false, 3, 224, 224, "yuv420sp", 21, null, null);
        assertEquals(List.of(), WkFit.mismatches(WkReader.read(WkBuilder.classifier(21, 224, 224, BlobType.YVU420SP)
                .replaceSources(new WkBuilder.BlobSpec("input.1", 224, 224, 3, BlobType.YVU420SP.code())).build()), noNames));
    }

    private static String only(WkBuilder b, String start, String advice) throws WkFormatException {
        List<String> m = WkFit.mismatches(WkReader.read(b.build()), SEED);
        assertEquals(1, m.size(), m::toString);
        assertTrue(m.get(0).startsWith(start), m.get(0));
        assertTrue(m.get(0).contains(advice), m.get(0));
        return m.get(0);
    }

    /**
     * Random truncations, bit flips and overwritten header fields: the reader answers with a file
     * or its own exception, never anything else, and recognises() never throws either.
     */
    @Test
    void damagedFilesNeverThrowAnythingButTheReadersError() {
        Random random = new Random(18);
        byte[] good = WkBuilder.classifier(21, 224, 224, BlobType.YVU420SP).instructionBytes(2000).build();
        Set<Kind> seen = new HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            byte[] b;
            switch (i % 4) {
                case 0 -> b = Arrays.copyOf(good, random.nextInt(good.length + 1));
                case 1 -> {
                    b = good.clone();
                    for (int k = 1 + random.nextInt(4); k > 0; k--) b[random.nextInt(b.length)] ^= (byte) (1 << random.nextInt(8));
                }
                case 2 -> {
                    b = good.clone();
                    int at = random.nextInt(Math.min(b.length, 400));
                    for (int k = 0; k < 4 && at + k < b.length; k++) b[at + k] = (byte) random.nextInt(256);
                }
                default -> {
                    b = new byte[random.nextInt(600)];
                    random.nextBytes(b);
                    if (b.length > 50 && random.nextBoolean()) System.arraycopy(good, 0, b, 0, 50);
                }
            }
            WkReader.recognises(Arrays.copyOf(b, Math.min(b.length, 512)));
            try {
                WkFile wk = WkReader.read(b);
                WkFit.mismatches(wk, SEED);
                WkDescription.lines(wk);
                WkDescription.json(wk);
            } catch (WkFormatException e) {
                seen.add(e.kind());
                assertFalse(e.getMessage().isBlank());
            }
        }
        assertTrue(seen.containsAll(Set.of(Kind.NOT_WK, Kind.TRUNCATED, Kind.CRC_MISMATCH, Kind.INCONSISTENT)), seen::toString);
    }
}
