package io.wkforge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wkforge.stages.common.wk.BlobType;
import io.wkforge.stages.common.wk.WkBuilder;
import io.wkforge.util.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `wkforge inspect` as a user meets it: the header, --json, --against, a clear line and exit 3 for a bad file. */
class InspectCommandTest extends InProcessCli {
    @TempDir Path dir;

    Path recipe() throws Exception {
        Files.createDirectories(dir.resolve("v"));
        return Files.writeString(dir.resolve("bins.recipe"), """
                use "targets/hi3516dv300"
                classes {
                  1 kitchen peel videos "v/peel.avi"
                  2 other background videos "v/bg.avi" background
                }
                """);
    }

    Path wk(String name, WkBuilder b) throws Exception {
        return b.write(dir.resolve(name));
    }

    @Test
    void describesAValidWk() throws Exception {
        Path f = wk("resnet_inst.wk", WkBuilder.classifier(2, 224, 224, BlobType.YVU420SP));
        assertEquals(0, run("inspect", f.toString()), err);
        assertTrue(out.startsWith(f + ": NNIE .wk model\n"), out);
        assertTrue(out.contains("format version  1.1.1.2\n"), out);
        assertTrue(out.contains("run mode        chip\n"), out);
        assertTrue(out.contains("    input       data 3x224x224 YVU420SP\n"), out);
        assertTrue(out.contains("    output      prob 2x1x1 S32\n"), out);
        assertEquals("", err);

        assertEquals(0, run("inspect", "--json", f.toString()));
        Map<?, ?> m = (Map<?, ?>) Json.read(out);
        assertEquals(true, m.get("readable"));
        assertEquals("1.1.1.2", m.get("format_version"));
        assertEquals("chip", m.get("run_mode"));
        Map<?, ?> input = (Map<?, ?>) ((List<?>) ((Map<?, ?>) ((List<?>) m.get("segments")).get(0)).get("inputs")).get(0);
        assertEquals("YVU420SP", input.get("type"));
        assertEquals(224L, ((Number) input.get("width")).longValue());
    }

    @Test
    void aDamagedOrForeignFileGetsOneLineAndExitThree() throws Exception {
        byte[] good = WkBuilder.classifier(2, 224, 224, BlobType.YVU420SP).build();
        byte[] bad = good.clone();
        bad[500] ^= 4;
        Path corrupted = Files.write(dir.resolve("corrupted.wk"), bad);
        assertEquals(3, run("inspect", corrupted.toString()));
        assertTrue(err.startsWith(corrupted + ": corrupted .wk: the CRC-32 of bytes 4 to "), err);
        assertEquals(1, err.lines().count(), err);

        Path truncated = Files.write(dir.resolve("truncated.wk"), java.util.Arrays.copyOf(good, good.length / 2));
        assertEquals(3, run("inspect", truncated.toString()));
        assertTrue(err.startsWith(truncated + ": truncated .wk: "), err);

        Path text = Files.writeString(dir.resolve("notes.txt"), "not a model at all\n".repeat(40));
        assertEquals(3, run("inspect", text.toString()));
        assertTrue(err.startsWith(text + ": not a kind of file wkforge knows ("), err);
        assertTrue(err.contains("NNIE .wk model") && err.contains("ResNet-18 weights"), "every kind inspect knows is named: " + err);
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.contains("its first bytes match none of them"), err);

        Path empty = Files.write(dir.resolve("empty.wk"), new byte[0]);
        assertEquals(3, run("inspect", empty.toString()));
        assertTrue(err.startsWith(empty + ": empty file (0 bytes)"), err);

        assertEquals(3, run("inspect", dir.resolve("missing.wk").toString()));
        assertEquals(dir.resolve("missing.wk") + ": no such file\n", err);

        // the worst outcome of several files decides the exit code; each file is still described
        Path ok = Files.write(dir.resolve("ok.wk"), good);
        assertEquals(3, run("inspect", ok.toString(), corrupted.toString()));
        assertTrue(out.contains(ok + ": NNIE .wk model"), out);
    }

    @Test
    void againstARecipeNamesBothSidesOfEachMismatch() throws Exception {
        Path recipe = recipe();
        Path fits = wk("fits.wk", WkBuilder.classifier(2, 224, 224, BlobType.YVU420SP));
        assertEquals(0, run("inspect", fits.toString(), "--against", recipe.toString()), err);
        assertTrue(out.contains(fits + ": fits " + recipe), out);
        assertTrue(out.contains("note: blob names not checked: the recipe has no exported prototxt yet"), out);

        Path wrong = wk("wrong.wk", WkBuilder.classifier(3, 227, 227, BlobType.U8).runMode(1));
        assertEquals(3, run("inspect", wrong.toString(), "--against", recipe.toString()));
        assertTrue(err.contains("the .wk was built for functional simulation"), err);
        assertTrue(err.contains("the .wk's input `data` is 3x227x227 but the recipe crops 3x224x224"), err);
        assertTrue(err.contains("the .wk's input `data` is U8 but quantize.image_type yuv420sp makes it YVU420SP"), err);
        assertTrue(err.contains("the .wk's output `prob` holds 3 values (3x1x1) but the recipe has 2 classes"), err);

        assertEquals(0, run("inspect", "--json", wrong.toString(), "--against", recipe.toString(), "--set", "quantize.is_simulation=true",
                "--set", "preprocess.crop=227x227", "--set", "preprocess.resize=256x256", "--set", "quantize.image_type=u8") == 0 ? 1 : 0,
                "still 3 classes against 2");
        Map<?, ?> m = (Map<?, ?>) Json.read(out);
        assertEquals(false, m.get("fits"));
        assertEquals(1, ((List<?>) m.get("mismatches")).size(), m::toString);
    }

    @Test
    void onceTheRecipeIsExportedTheBlobNamesAreCheckedToo() throws Exception {
        Path recipe = recipe();
        Path caffe = Files.createDirectories(dir.resolve("build/bins/caffe"));
        Files.writeString(caffe.resolve("model.prototxt"), """
                name: "t"
                input: "data"
                input_shape { dim: 1 dim: 3 dim: 224 dim: 224 }
                layer { name: "fc" type: "InnerProduct" bottom: "data" top: "fc" inner_product_param { num_output: 2 } }
                layer { name: "prob" type: "Softmax" bottom: "fc" top: "prob" }
                """);
        Path fits = wk("fits.wk", WkBuilder.classifier(2, 224, 224, BlobType.YVU420SP));
        assertEquals(0, run("inspect", fits.toString(), "--against", recipe.toString()), err);
        assertTrue(!out.contains("blob names not checked"), out);
        Path other = wk("other.wk", WkBuilder.classifier(2, 224, 224, BlobType.YVU420SP)
                .replaceDestinations(new WkBuilder.BlobSpec("fc", 1, 1, 2, BlobType.S32.code())));
        assertEquals(3, run("inspect", other.toString(), "--against", recipe.toString()));
        assertTrue(err.contains("the .wk's output is named `fc` but the exported prototxt's is `prob`"), err);
    }
}
