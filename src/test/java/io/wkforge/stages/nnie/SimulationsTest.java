package io.wkforge.stages.nnie;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wkforge.stages.caffe.CaffeExport;
import io.wkforge.stages.common.caffe.CaffeFiles;
import io.wkforge.stages.common.caffe.LayerGraph;
import io.wkforge.stages.common.caffe.OpenCvNet;
import io.wkforge.stages.common.caffe.proto.Caffe.NetParameter;
import io.wkforge.stages.model.ModelCard;
import io.wkforge.stages.model.SafeTensors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two quantization simulations on the shared trained network, against each other and
 * against OpenCV running the whole float network: the layer-by-layer runner must reproduce the
 * float network, and at 8 bits it must land where OpenCV's own int8 kernels land.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SimulationsTest {
    @TempDir
    static Path dir;
    Path prototxt;
    Path caffemodel;
    float[] calibration;
    float[] images;
    int n;
    final int size = 3 * 32 * 32;

    @BeforeAll
    void export() throws Exception {
        TrainedShapes t = TrainedShapes.get();
        ModelCard card = ModelCard.read(t.model().resolve("model.json"));
        CaffeExport.write(dir, card, SafeTensors.read(t.model().resolve("model.safetensors")), true);
        prototxt = dir.resolve(CaffeFiles.PROTOTXT);
        caffemodel = dir.resolve(CaffeFiles.CAFFEMODEL);
        BoardInput input = new BoardInput(36, 36, 32, 32, "rgb", new double[] {127.5, 127.5, 127.5}, 1 / 127.5, "u8", "rgb",
                new double[] {127.5, 127.5, 127.5}, 1 / 127.5);
        List<Path> train = pictures(t.dataset().resolve("train"));
        List<Path> val = pictures(t.dataset().resolve("val"));
        images = input.load(val.subList(0, 16), false).board();
        n = 16;
        // calibrated on the pictures it is run on, so that no value falls outside the ranges: what is
        // left is rounding alone (with other pictures, clipping dominates even at 16 bits)
        List<Path> calib = new ArrayList<>(val.subList(0, 16));
        calib.addAll(train.subList(0, 8));
        calibration = input.load(calib, false).board();
    }

    private static List<Path> pictures(Path root) throws Exception {
        try (Stream<Path> s = Files.walk(root)) {
            List<Path> all = new ArrayList<>(s.filter(p -> p.toString().endsWith(".png")).sorted().toList());
            List<Path> spread = new ArrayList<>(); // every class, not just the first
            for (int i = 0; i < all.size(); i++) spread.add(all.get((i * 7) % all.size()));
            return spread;
        }
    }

    private NetParameter weighted() throws Exception {
        return NetParameter.parseFrom(Files.readAllBytes(caffemodel));
    }

    private float[] floatLogits() throws Exception {
        try (OpenCvNet net = OpenCvNet.load(prototxt, caffemodel)) {
            String logits = LayerGraph.read(caffemodel).logitsLayer();
            return net.forward(images, n, 3, 32, 32, List.of(logits)).get(logits);
        }
    }

    @Test
    void layerByLayerReproducesTheWholeFloatNetworkAndSixteenBitsStaysClose() throws Exception {
        LayerCosines cos = new LayerCosines();
        try (FakeQuantNet sim = new FakeQuantNet(weighted(), name -> 16, calibration, 24, 3, 32, 32, 8, cos)) {
            Simulation.Outputs out = sim.run(images, n, cos);
            float[] whole = floatLogits();
            double max = 0;
            for (int i = 0; i < whole.length; i++) max = Math.max(max, Math.abs(whole[i] - out.floatScores()[i]));
            assertTrue(max < 1e-4, "layer by layer equals the whole network up to float rounding: " + max);
            double c = LayerCosines.cosine(out.floatScores(), out.quantizedScores(), 0, whole.length);
            assertTrue(c > 0.99999, "16-bit logits " + c);
            assertEquals("16", sim.precision());
        }
        assertEquals(50, cos.rows().size(), "every layer of the folded network");
    }

    @Test
    void atEightBitsTheSimulationAndOpenCvsInt8KernelsAgree() throws Exception {
        LayerCosines mine = new LayerCosines();
        LayerCosines theirs = new LayerCosines();
        double cMine;
        double cTheirs;
        try (FakeQuantNet sim = new FakeQuantNet(weighted(), name -> 8, calibration, 24, 3, 32, 32, 8, mine)) {
            Simulation.Outputs o = sim.run(images, n, mine);
            cMine = LayerCosines.cosine(o.floatScores(), o.quantizedScores(), 0, o.floatScores().length);
        }
        try (OpenCvInt8 sim = new OpenCvInt8(prototxt, caffemodel, new LayerGraph(weighted()), calibration, 24, 3, 32, 32, theirs)) {
            Simulation.Outputs o = sim.run(images, n, theirs);
            cTheirs = LayerCosines.cosine(o.floatScores(), o.quantizedScores(), 0, o.floatScores().length);
            assertArrayEquals(floatLogits(), o.floatScores(), 1e-4f);
        }
        assertTrue(cMine > 0.98 && cTheirs > 0.98, "8-bit logits: simulation " + cMine + ", OpenCV " + cTheirs);
        // something was quantized at all: a simulation that passed the float values through would pass the lines above
        assertTrue(mine.rows().stream().anyMatch(r -> r.cosine() < 0.9999), "8 bits leave a mark on some layer: " + mine.rows());
        assertTrue(theirs.rows().stream().anyMatch(r -> r.cosine() < 0.9999), "OpenCV's int8 net leaves a mark too: " + theirs.rows());
        assertTrue(cMine < 0.99999 && cTheirs < 0.99999, "8-bit logits differ from float: " + cMine + ", " + cTheirs);
        assertTrue(Math.abs(cMine - cTheirs) < 0.02, "two implementations of per-tensor min/max int8: " + cMine + " vs " + cTheirs);
        assertTrue(theirs.rows().stream().noneMatch(r -> r.type().equals("Softmax")), "OpenCV's int8 Softmax is left out");
    }

    @Test
    void sixteenBitsIsStrictlyCloserToFloatThanEightBits() throws Exception {
        double[] logits = new double[2];
        double[] worstLayer = new double[2];
        int[] bits = {8, 16};
        for (int k = 0; k < 2; k++) {
            int b = bits[k];
            LayerCosines cos = new LayerCosines();
            try (FakeQuantNet sim = new FakeQuantNet(weighted(), name -> b, calibration, 24, 3, 32, 32, 8, cos)) {
                Simulation.Outputs o = sim.run(images, n, cos);
                logits[k] = LayerCosines.cosine(o.floatScores(), o.quantizedScores(), 0, o.floatScores().length);
            }
            worstLayer[k] = cos.rows().stream().mapToDouble(LayerCosines.Row::cosine).min().orElseThrow();
        }
        assertTrue(logits[1] > logits[0], "logits: 16-bit " + logits[1] + " vs 8-bit " + logits[0]);
        assertTrue(worstLayer[1] > worstLayer[0], "worst layer: 16-bit " + worstLayer[1] + " vs 8-bit " + worstLayer[0]);
    }

    /**
     * The wiring of the simulated network, not only its rounding helpers: with one layer at 8 bits
     * and the rest at 16, every layer before it matches the all-16-bit run exactly, the error
     * enters at that layer, and each row reports the bits its layer ran at.
     */
    @Test
    void oneEightBitLayerAmongSixteenBitOnesIsWhereTheErrorEnters() throws Exception {
        LayerCosines all16 = new LayerCosines();
        try (FakeQuantNet sim = new FakeQuantNet(weighted(), name -> 16, calibration, 24, 3, 32, 32, 8, all16)) {
            sim.run(images, n, all16);
        }
        List<LayerCosines.Row> base = all16.rows();
        int at = base.size() / 2;
        while (!base.get(at).type().equals("Convolution")) at++;
        String target = base.get(at).name();
        LayerCosines mixed = new LayerCosines();
        try (FakeQuantNet sim = new FakeQuantNet(weighted(), name -> name.equals(target) ? 8 : 16, calibration, 24, 3, 32, 32, 8, mixed)) {
            sim.run(images, n, mixed);
            assertEquals("8/16", sim.precision());
        }
        List<LayerCosines.Row> rows = mixed.rows();
        assertEquals(base.stream().map(LayerCosines.Row::name).toList(), rows.stream().map(LayerCosines.Row::name).toList());
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(i == at ? 8 : 16, rows.get(i).bits(), rows.get(i).name());
            if (i < at) assertEquals(base.get(i).cosine(), rows.get(i).cosine(), 1e-12, "before " + target + ": " + rows.get(i).name());
        }
        assertTrue(rows.get(at).cosine() < base.get(at).cosine() - 1e-6,
                target + " at 8 bits: " + rows.get(at).cosine() + " vs 16 bits " + base.get(at).cosine());
    }

    @Test
    void roundingStaysOnTheGridKeepsZeroAndClips() {
        float[] q = FakeQuantNet.fakeQuantize(new float[] {-1, 0, 0.3f, 2, 5}, -1, 2, 8);
        double step = 3.0 / 255;
        assertEquals(0f, q[1]);
        for (float v : q) assertEquals(0, Math.abs(v / step - Math.round(v / step)), 1e-3, "on the grid: " + v);
        assertEquals(2, q[4], step, "5 is clipped to the calibrated maximum");
        float[] w = FakeQuantNet.symmetric(new float[] {-0.5f, 0.25f, 0.001f}, 8);
        assertEquals(-0.5f, w[0], 1e-7);
        assertEquals(0f, w[2], "below half a step rounds to zero");
    }
}
