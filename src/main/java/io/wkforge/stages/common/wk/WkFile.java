package io.wkforge.stages.common.wk;

import java.util.List;
import java.util.Locale;

/**
 * What the header and segment table of an NNIE {@code .wk} say, as {@link WkReader} read them from
 * a file whose size and CRC it checked. Facts and their certainty: docs/stages/wk-format.md.
 *
 * @param size          the file's size in bytes (= table end + instruction area + tail)
 * @param crc           the CRC-32 the header stores (bytes 0-3), equal to the one computed
 * @param version       format version digits (bytes 16-19), e.g. 1,1,1,2
 * @param buildTime     the mapper's build time as the ASCII digits at 32-45, NULs dropped
 * @param runMode       byte 48: 0 chip, 1 functional simulation (other values are kept as read)
 * @param tableEnd      u32 at 52: where the segment table ends
 * @param instructionBytes u32 at 56 (and 176): the instruction and weight area
 * @param tailBytes     u32 at 180: the tail after it (not covered by the CRC)
 */
public record WkFile(long size, long crc, int[] version, String buildTime, int runMode, long tableEnd,
                     long instructionBytes, long tailBytes, List<Segment> segments) {

    public static final int RUN_MODE_CHIP = 0;
    public static final int RUN_MODE_SIMULATION = 1;

    /** The version as the loader's digits joined by dots: {@code 1.1.1.2}. */
    public String versionText() {
        return versionText(version);
    }

    public static String versionText(int[] digits) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < digits.length; i++) sb.append(i == 0 ? "" : ".").append(digits[i]);
        return sb.toString();
    }

    public String runModeText() {
        return switch (runMode) {
            case RUN_MODE_CHIP -> "chip";
            case RUN_MODE_SIMULATION -> "functional simulation";
            default -> "unknown (" + runMode + ")";
        };
    }

    public String crcText() {
        return String.format(Locale.ROOT, "%08x", crc);
    }

    /** Every source blob of every segment, in file order. */
    public List<Blob> sources() {
        return segments.stream().flatMap(s -> s.sources().stream()).toList();
    }

    /** Every destination blob of every segment, in file order. */
    public List<Blob> destinations() {
        return segments.stream().flatMap(s -> s.destinations().stream()).toList();
    }

    /**
     * One segment's 16-byte record and its blobs.
     *
     * @param netType       0 CNN, 1 ROI, 2 recurrent
     * @param roiPoolCount  ROI-pooling layers (ROI nets)
     * @param maxStep       the longest step (recurrent nets)
     */
    public record Segment(int netType, int roiPoolCount, int maxStep, long instructionOffset, long instructionLength,
                          List<Blob> sources, List<Blob> destinations) {
        public String netTypeText() {
            return switch (netType) {
                case 0 -> "cnn";
                case 1 -> "roi";
                case 2 -> "recurrent";
                default -> "unknown (" + netType + ")";
            };
        }
    }

    /**
     * One 64-byte blob record.
     *
     * @param type   SVP_BLOB_TYPE_E as stored (see {@link BlobType})
     * @param name   the NUL-padded name, cut at 31 characters by the mapper
     */
    public record Blob(String name, long height, long width, long channels, int type, int nodeId) {
        /** {@code data 3x224x224 YVU420SP} */
        public String describe() {
            return name + " " + shape() + " " + BlobType.nameOf(type);
        }

        /** Channels x height x width, as Caffe writes an input shape. */
        public String shape() {
            return channels + "x" + height + "x" + width;
        }

        /** Values per item: what a classifier's destination holds one of per class. */
        public long elements() {
            return height * width * channels;
        }
    }
}
