package io.wkforge.stages.common.wk;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A read .wk as lines for people (inspect, doctor) and as a JSON-ready map (inspect --json, the report). */
public final class WkDescription {
    private WkDescription() {}

    /** {@code input data 3x224x224 YVU420SP; output prob 1x1x20 S32; version 1.1.1.2; chip; 44.8 MB; CRC 1a2b3c4d} */
    public static String oneLine(WkFile wk) {
        return "input " + blobs(wk.sources()) + "; output " + blobs(wk.destinations()) + "; version " + wk.versionText() + "; "
                + wk.runModeText() + "; " + size(wk.size()) + "; CRC-32 " + wk.crcText();
    }

    public static List<String> lines(WkFile wk) {
        List<String> out = new ArrayList<>();
        out.add("size            " + wk.size() + " bytes (" + size(wk.size()) + "): table " + wk.tableEnd() + " + instructions and weights "
                + wk.instructionBytes() + " + tail " + wk.tailBytes());
        out.add("CRC-32          " + wk.crcText() + " (matches bytes 4.." + (wk.tableEnd() + wk.instructionBytes()) + ")");
        out.add("format version  " + wk.versionText());
        out.add("mapper built    " + (wk.buildTime().isEmpty() ? "(not recorded)" : wk.buildTime()));
        out.add("run mode        " + wk.runModeText());
        out.add("segments        " + wk.segments().size());
        for (int i = 0; i < wk.segments().size(); i++) {
            WkFile.Segment s = wk.segments().get(i);
            out.add("  segment " + i + "     " + s.netTypeText() + ", instructions at " + s.instructionOffset() + " (" + s.instructionLength()
                    + " bytes)" + (s.roiPoolCount() > 0 ? ", " + s.roiPoolCount() + " ROI pooling" : "")
                    + (s.maxStep() > 0 ? ", max step " + s.maxStep() : ""));
            for (WkFile.Blob b : s.sources()) out.add("    input       " + b.describe());
            for (WkFile.Blob b : s.destinations()) out.add("    output      " + b.describe());
        }
        return out;
    }

    public static Map<String, Object> json(WkFile wk) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("size", wk.size());
        m.put("crc32", wk.crcText());
        m.put("format_version", wk.versionText());
        m.put("build_time", wk.buildTime());
        m.put("run_mode", wk.runMode() == WkFile.RUN_MODE_CHIP ? "chip" : wk.runMode() == WkFile.RUN_MODE_SIMULATION ? "simulation" : String.valueOf(wk.runMode()));
        m.put("table_end", wk.tableEnd());
        m.put("instruction_bytes", wk.instructionBytes());
        m.put("tail_bytes", wk.tailBytes());
        List<Object> segments = new ArrayList<>();
        for (WkFile.Segment s : wk.segments()) {
            Map<String, Object> sm = new LinkedHashMap<>();
            sm.put("net_type", s.netTypeText());
            sm.put("roi_pool_count", s.roiPoolCount());
            sm.put("max_step", s.maxStep());
            sm.put("instruction_offset", s.instructionOffset());
            sm.put("instruction_length", s.instructionLength());
            sm.put("inputs", s.sources().stream().map(WkDescription::blob).toList());
            sm.put("outputs", s.destinations().stream().map(WkDescription::blob).toList());
            segments.add(sm);
        }
        m.put("segments", segments);
        return m;
    }

    private static Map<String, Object> blob(WkFile.Blob b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", b.name());
        m.put("channels", b.channels());
        m.put("height", b.height());
        m.put("width", b.width());
        m.put("type", BlobType.nameOf(b.type()));
        m.put("node_id", b.nodeId());
        return m;
    }

    private static String blobs(List<WkFile.Blob> blobs) {
        if (blobs.isEmpty()) return "(none)";
        return String.join(", ", blobs.stream().map(WkFile.Blob::describe).toList());
    }

    public static String size(long bytes) {
        return bytes >= 1_000_000 ? String.format(Locale.ROOT, "%.1f MB", bytes / 1e6)
                : bytes >= 1000 ? String.format(Locale.ROOT, "%.1f KB", bytes / 1e3) : bytes + " bytes";
    }
}
