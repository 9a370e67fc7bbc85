package io.wkforge.stages.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wkforge.lang.schema.StageId;
import io.wkforge.run.RunSoFar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** report.html without a browser: what it says, and that it needs nothing from outside. */
class ReportPageTest {
    @TempDir Path out;

    private String render(List<StageId> stages, RunSoFar run) throws Exception {
        ReportFixture.write(out, stages);
        return ReportPage.render(new DirInputs(out, ReportFixture.classes(), run), "test");
    }

    @Test
    void thePageLoadsNothingFromElsewhere() throws Exception {
        String html = render(List.of(StageId.values()), ReportFixture.run(List.of(StageId.values())));
        Matcher m = Pattern.compile("(?:src|href|action)\\s*=\\s*\"([^\"]*)\"").matcher(html);
        while (m.find()) {
            String target = m.group(1);
            assertFalse(target.matches("(?i)(https?:|//).*"), "a reference out of the page: " + target);
        }
        assertFalse(html.contains("<link"), "no external style sheet");
        assertTrue(html.contains("Apache ECharts") && html.contains("The Apache Software Foundation"), "ECharts' NOTICE travels with it");
        assertTrue(html.contains("Mike Bostock"), "the d3 licence its build embeds travels with it");
        for (Section s : ReportPage.SECTIONS) assertTrue(html.contains("<section id=\"" + s.id() + "\""), s.id());
    }

    @Test
    void theMostConfusedPairsAreNamedFromTheMatrix() {
        long[][] m = {{7, 0, 0}, {1, 5, 2}, {0, 3, 4}};
        List<ConfusionSection.Pair> pairs = ConfusionSection.mostConfused(List.of("a", "b", "c"), m, 3);
        assertEquals(List.of("c->b 3/7", "b->c 2/8", "b->a 1/8"),
                pairs.stream().map(p -> p.actual() + "->" + p.predicted() + " " + p.count() + "/" + p.ofActual()).toList());
        assertEquals(List.of(), ConfusionSection.mostConfused(List.of("a", "b"), new long[][] {{3, 0}, {0, 2}}, 3));
    }

    @Test
    void anAccuracyChangeThatRoundsToNothingHasNoSign() {
        assertEquals("0.0 pt", Summary.signedPoints(-0.0));
        assertEquals("0.0 pt", Summary.signedPoints(-0.04));
        assertEquals("-1.3 pt", Summary.signedPoints(-1.26));
        assertEquals("+0.5 pt", Summary.signedPoints(0.46));
    }

    @Test
    void skippedStagesSayWhyAndStagesThatDidNotRunSaySo() throws Exception {
        List<StageId> early = List.of(StageId.FRAMES, StageId.CLEAN, StageId.SPLIT);
        String html = render(early, ReportFixture.run(early));
        assertTrue(html.contains("skipped: nnie_mapper_12 is not installed"), "wk's reason");
        assertTrue(html.contains("skipped: needs the outputs of `wk`, which is skipped"), "deploy's reason");
        assertTrue(html.contains("No trained model yet"));
        assertTrue(html.contains("<span class=\"badge not_run\">not run</span>"));
        assertTrue(html.contains("from the cache (computed 2026-11-27 10:15 UTC in 3.6 s)"), "frames came from the cache");
    }

    /** Imported weights (issue 19): as trained, with NNIE's pool, and what the fine-tune recovered. */
    @Test
    void importedWeightsShowBothPoolsAndWhatFineTuningRecovered() throws Exception {
        ReportFixture.write(out, List.of(StageId.values()));
        String metrics = Files.readString(out.resolve("model/metrics.json"));
        Files.writeString(out.resolve("model/metrics.json"), metrics.replaceFirst("\\{", "{\"imported\": {\"sha256\": \"0123456789abcdef0123\", "
                + "\"format\": \"torch.save (zip)\", \"pretrained_pool\": \"pytorch\", \"val_top1_as_trained\": 0.9, "
                + "\"val_top1_nnie_pool\": 0.8}, "));
        String html = ReportPage.render(new DirInputs(out, ReportFixture.classes(), ReportFixture.run(List.of(StageId.values()))), "test");
        assertTrue(html.contains("Imported weights (torch.save (zip), sha256 0123456789ab…): val top-1 90"), html);
        assertTrue(html.contains("with NNIE&#39;s pool") || html.contains("with NNIE's pool"), "both pools");
        assertTrue(html.contains("after 8 epochs of fine-tuning 88") && html.contains("+8.75 points recovered"), "what the fine-tune recovered");
    }

    @Test
    void aDamagedStageFileSpoilsOnlyItsSection() throws Exception {
        ReportFixture.write(out, List.of(StageId.values()));
        Files.writeString(out.resolve("model/metrics.json"), "{\"epochs\": [");
        String html = ReportPage.render(new DirInputs(out, ReportFixture.classes(), ReportFixture.run(List.of(StageId.values()))), "test");
        assertTrue(html.contains("Cannot show this part: model/metrics.json"), "the training section names the file");
        assertTrue(html.contains("Most confused"), "the other sections are still there");
    }

    @Test
    void aPageWrittenOutsideARunHasNoTimingsButEverythingElse() throws Exception {
        String html = render(List.of(StageId.values()), RunSoFar.NONE);
        assertTrue(html.contains("This page was not written by a run, so it has no timings."));
        assertTrue(html.contains("val top-1 88.8%"));
    }

    @Test
    void contactSheetThumbnailNamesMatchTheCleanStage() {
        assertEquals("01_a~01_a_v1_000003.jpg", DatasetSection.thumbName("frames/01_a/01_a_v1_000003.png"));
    }

    @Test
    void theWkCardShowsTheInspectedHeaderAndTheBoardCardTurnsAmberForTheBoardApp() throws Exception {
        ReportFixture.write(out, List.of(StageId.values()));
        DirInputs dir = new DirInputs(out, ReportFixture.classes(), ReportFixture.run(List.of(StageId.values())));
        String html = ReportPage.render(dir, "test");
        assertTrue(html.contains("input data 3x224x224 YVU420SP; output prob 4x1x1 S32; version 1.1.1.2; chip;"), "the .wk card");
        assertTrue(html.contains("<th>format version</th><td>1.1.1.2</td>"), "the board section");
        assertTrue(html.contains("<div class=\"card good\"><div class=\"title\">board</div>"), "deployed, nothing to warn about");

        String warning = "the board app feeds 224x224 pictures but the network takes the crop 48x48 (preprocess.crop): set preprocess.crop 224x224";
        ReportInputs warned = new ReportInputs() {
            public Path file(String relPath) { return dir.file(relPath); }
            public List<Path> filesUnder(String relDir) { return dir.filesUnder(relDir); }
            public String recipeName() { return dir.recipeName(); }
            public List<io.wkforge.lang.model.ClassDef> classes() { return dir.classes(); }
            public List<String> boardAppWarnings() { return List.of(warning); }
            public RunSoFar run() { return dir.run(); }
        };
        html = ReportPage.render(warned, "test");
        assertTrue(html.contains("<div class=\"card warn\"><div class=\"title\">board</div>"), "amber, not green");
        assertTrue(html.contains("the board app: " + warning), "names the problem");

        byte[] wk = Files.readAllBytes(out.resolve("nnie/resnet_inst.wk"));
        wk[wk.length - 500] ^= 1;
        Files.write(out.resolve("nnie/resnet_inst.wk"), wk);
        html = ReportPage.render(dir, "test");
        assertTrue(html.contains("corrupted .wk: the CRC-32 of bytes 4 to"), "a damaged .wk is said to be so");
    }
}
