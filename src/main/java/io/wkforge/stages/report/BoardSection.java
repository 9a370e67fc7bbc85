package io.wkforge.stages.report;

import io.wkforge.lang.schema.StageId;
import io.wkforge.run.RunSoFar;
import io.wkforge.stages.common.wk.WkFile;
import io.wkforge.stages.common.wk.WkFormatException;
import io.wkforge.stages.common.wk.WkReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** The mapper's .wk (or why there is none) and where deploy put the bundle (or why it did not). */
final class BoardSection implements Section {
    static final int MAPPER_LOG_LINES = 25;

    @Override
    public String id() {
        return "board";
    }

    @Override
    public String title() {
        return "Mapper and board";
    }

    @Override
    public List<StageId> stages() {
        return List.of(StageId.WK, StageId.DEPLOY);
    }

    @Override
    public void write(Html h, ReportInputs in, Map<String, Object> charts) throws JsonFiles.Unreadable {
        h.raw("<h3>nnie_mapper: the .wk</h3>\n");
        Path wk = in.filesUnder("nnie").stream().filter(p -> p.getFileName().toString().endsWith(".wk")).findFirst().orElse(null);
        if (wk != null) {
            h.raw("<table class=\"facts\">\n");
            fact(h, "file", "nnie/" + wk.getFileName());
            try {
                fact(h, "size", Html.bytes(Files.size(wk)));
                fact(h, "sha256", sha256(wk));
                WkFile read = WkReader.read(wk);
                fact(h, "CRC-32", read.crcText() + " (matches)");
                fact(h, "format version", read.versionText());
                fact(h, "run mode", read.runModeText());
                fact(h, "mapper built", read.buildTime());
                for (WkFile.Blob b : read.sources()) fact(h, "input", b.describe());
                for (WkFile.Blob b : read.destinations()) fact(h, "output", b.describe());
            } catch (WkFormatException e) {
                fact(h, "problem", e.getMessage());
            } catch (IOException e) {
                fact(h, "problem", e.getMessage());
            }
            h.raw("</table>\n");
            Path log = in.file("nnie/mapper.log");
            if (log != null) {
                h.raw("<details><summary>the end of nnie/mapper.log</summary><pre class=\"source\">").text(tail(log)).raw("</pre></details>\n");
            }
        } else {
            h.raw("<p class=\"empty\">").text(absence(in.run(), StageId.WK,
                    "No .wk: nnie_mapper, HiSilicon's tool, turns nnie/*.cfg into it; wkforge never writes a stand-in.")).raw("</p>\n");
        }

        h.raw("<h3>Deploy</h3>\n");
        Map<?, ?> deploy = JsonFiles.object(in, "deploy/deploy.json");
        if (deploy == null) {
            h.raw("<p class=\"empty\">").text(absence(in.run(), StageId.DEPLOY, "Nothing deployed yet.")).raw("</p>\n");
            return;
        }
        h.raw("<table class=\"facts\">\n");
        fact(h, "via", JsonFiles.str(deploy, "via"));
        fact(h, "to", JsonFiles.str(deploy, "destination"));
        fact(h, "checked by", JsonFiles.str(deploy, "verified_by"));
        h.raw("</table>\n<table class=\"grid\"><thead><tr><th>file in the bundle</th><th>size</th><th>sha256</th></tr></thead><tbody>\n");
        for (Object o : JsonFiles.list(deploy, "files")) {
            if (!(o instanceof Map<?, ?> f)) continue;
            String sha = JsonFiles.str(f, "sha256");
            h.row(JsonFiles.str(f, "name"), Html.bytes((long) JsonFiles.num(f, "size")), sha == null ? "—" : sha.substring(0, Math.min(16, sha.length())));
        }
        h.raw("</tbody></table>\n");
    }

    /** Why a stage left nothing: its skip reason in this run when it has one, else the fallback. */
    static String absence(RunSoFar run, StageId stage, String fallback) {
        for (RunSoFar.TaskOutcome t : run.tasks()) {
            if (t.stage() == stage && t.reason() != null) {
                return (t.status().equals("skipped") ? "Skipped: " : "Failed: ") + t.reason();
            }
        }
        return fallback;
    }

    private static String tail(Path log) throws JsonFiles.Unreadable {
        try {
            // the vendor's log is not promised to be UTF-8: undecodable bytes become replacement characters
            List<String> lines = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - MAPPER_LOG_LINES), lines.size()));
        } catch (IOException e) {
            throw new JsonFiles.Unreadable("nnie/mapper.log: " + e.getMessage());
        }
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static void fact(Html h, String name, String value) {
        if (value == null) return;
        h.raw("<tr><th>").text(name).raw("</th><td>").text(value).raw("</td></tr>\n");
    }
}
