package io.wkforge.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opens editor-support/samples/highlight.recipe in a headless Vim with our runtime files and reads the syntax groups back. */
class VimSyntaxTest {
    private static final Path SAMPLE = EditorTools.REPO.resolve("editor-support/samples/highlight.recipe");

    /** The nth occurrence of {@code token} on the first line containing {@code lineHint}, and the group it must have. */
    record Probe(String lineHint, String token, int occurrence, String group) {
        Probe(String lineHint, String token, String group) {
            this(lineHint, token, 1, group);
        }
    }

    private static final List<Probe> PROBES = List.of(
            new Probe("use \"targets", "use", "recipeKeyword"),
            new Probe("use \"targets", "\"targets", "recipeString"),
            new Probe("param epochs", "param", "recipeKeyword"),
            new Probe("param epochs", "epochs", "recipeParamName"),
            new Probe("param epochs", "100", "recipeNumber"),
            new Probe("classes {", "classes", "recipeBlockName"),
            new Probe("01 kitchen", "01", "recipeClassId"),
            new Probe("01 kitchen", "kitchen", "recipeClassNature"),
            new Probe("01 kitchen", "mushroom", "recipeClassName"),
            new Probe("01 kitchen", "videos", "recipeClassKeyword"),
            new Probe("02 other rgb", "rgb", "recipeClassName"),
            new Probe("02 other rgb", "background", "recipeClassKeyword"),
            new Probe("02 other rgb", "# rgb", "recipeComment"),
            new Probe("frames {", "frames", "recipeBlockName"),
            new Probe("frames {", "fps", "recipeSettingFrames"),
            new Probe("frames {", "format", "recipeSettingFrames"),
            new Probe("frames {", "png", "recipeEnumFrames"),
            new Probe("split {", "10%", "recipePercent"),
            new Probe("split {", "by", "recipeSettingSplit"),
            new Probe("split {", "video", "recipeEnumSplit"),
            new Probe("resize 256x256", "resize", "recipeSettingPreprocess"),
            new Probe("resize 256x256", "256x256", "recipeSize"),
            new Probe("mean 127.5", "127.5", "recipeNumber"),
            new Probe("channel_order rgb", "rgb", "recipeEnumPreprocess"),
            new Probe("train resnet18", "train", "recipeBlockName"),
            new Probe("train resnet18", "resnet18", "recipeEnumTrain"),
            new Probe("epochs $epochs", "$epochs", "recipeParamRef"),
            new Probe("optimizer sgd", "sgd", "recipeEnumTrain"),
            new Probe("weight_decay 1e-4", "1e-4", "recipeNumber"),
            new Probe("fold_batchnorm", "true", "recipeBoolean"),
            new Probe("calibration 20", "calibration", "recipeSettingQuantize"),
            new Probe("calibration 20", "images", "recipeUnitQuantize"),
            new Probe("max_top1_drop", "1%", "recipePercent"),
            new Probe("instruction_name", "TODO", "recipeTodo"),
            new Probe("deploy taurus", "taurus", "recipeEnumDeploy"),
            new Probe("deploy taurus", "via", "recipeSettingDeploy"),
            new Probe("deploy taurus", "dir", "recipeEnumDeploy"));

    @Test
    void sampleTokensGetTheirSyntaxGroups(@TempDir Path tmp) throws Exception {
        EditorTools.requireTool(EditorTools.onPath("vim"), "vim");
        List<String> lines = Files.readAllLines(SAMPLE, StandardCharsets.UTF_8);
        List<int[]> positions = new ArrayList<>();
        for (Probe p : PROBES) positions.add(locate(lines, p));

        Path out = tmp.resolve("groups.txt");
        StringBuilder script = new StringBuilder();
        script.append("set runtimepath^=").append(EditorTools.REPO.resolve("editor-support/vim")).append('\n')
                .append("filetype plugin indent on\nsyntax on\n")
                .append("edit ").append(SAMPLE).append('\n')
                .append("let out = [&filetype, &commentstring, string(&shiftwidth)]\n");
        for (int[] lc : positions) {
            script.append("call add(out, synIDattr(synID(").append(lc[0]).append(", ").append(lc[1]).append(", 1), 'name'))\n");
        }
        script.append("call writefile(out, '").append(out).append("')\nqall!\n");
        Path vimScript = tmp.resolve("probe.vim");
        Files.writeString(vimScript, script);

        EditorTools.Result r = EditorTools.run(tmp, List.of("vim", "-Nu", "NONE", "-i", "NONE", "-es", "-S", vimScript.toString()), 60);
        assertTrue(Files.exists(out), "vim wrote nothing (exit " + r.exitCode() + "): " + r.output());
        List<String> got = Files.readAllLines(out);
        assertEquals("recipe", got.get(0), "filetype");
        assertEquals("# %s", got.get(1), "commentstring");
        assertEquals("2", got.get(2), "shiftwidth");
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < PROBES.size(); i++) {
            Probe p = PROBES.get(i);
            String actual = got.get(i + 3);
            if (!actual.equals(p.group())) wrong.add("`" + p.token() + "` in `" + p.lineHint() + "`: expected " + p.group() + ", got " + actual);
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void indentFollowsBraces(@TempDir Path tmp) throws Exception {
        EditorTools.requireTool(EditorTools.onPath("vim"), "vim");
        Path out = tmp.resolve("indented.recipe");
        Files.writeString(out, "train resnet18 {\nepochs 1\n}\nframes {\nfps 1 # {\n}\n");
        Path script = tmp.resolve("indent.vim");
        Files.writeString(script, "set runtimepath^=" + EditorTools.REPO.resolve("editor-support/vim")
                + "\nfiletype plugin indent on\nedit " + out + "\nnormal! gg=G\nwrite\nqall!\n");
        EditorTools.run(tmp, List.of("vim", "-Nu", "NONE", "-i", "NONE", "-es", "-S", script.toString()), 60);
        assertEquals("train resnet18 {\n  epochs 1\n}\nframes {\n  fps 1 # {\n}\n", Files.readString(out));
    }

    private static int[] locate(List<String> lines, Probe p) {
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.contains(p.lineHint())) continue;
            int col = -1;
            for (int n = 0; n < p.occurrence(); n++) col = line.indexOf(p.token(), col + 1);
            if (col < 0) throw new AssertionError("`" + p.token() + "` not on the line `" + line + "`");
            // Vim columns are 1-based bytes; the sample is ASCII.
            return new int[] {i + 1, col + 1};
        }
        throw new AssertionError("no line contains `" + p.lineHint() + "`");
    }
}
