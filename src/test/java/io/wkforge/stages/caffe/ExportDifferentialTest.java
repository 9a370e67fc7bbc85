package io.wkforge.stages.caffe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wkforge.stages.model.SafeTensors;
import io.wkforge.util.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The strongest evidence that an export is faithful: made-up trained ResNet-18s of several class
 * counts and input sizes are exported, the Caffe files are run by OpenCV DNN, and the results
 * are compared with torchvision's resnet18 in Debian's PyTorch, loaded from the same weights
 * file by numpy alone. Two implementations nobody here wrote must agree with each other.
 */
class ExportDifferentialTest {
    private static final int IMAGES = 3;
    private static final double PROB_TOLERANCE = 1e-5;

    @TempDir Path dir;

    record Case(String label, int classes, int width, int height, double[] mean, double[] std, boolean fold, long seed) {}

    record Outcome(Case c, double probDiff, double logitDiff, double logitRange, boolean top1Agrees) {}

    @Test
    void openCvRunsTheExportLikeTorchvisionRunsTheWeights() throws Exception {
        ExternalTools.requireTorch();
        List<Case> cases = List.of(
                new Case("224 px, 21 classes, BN as layers", 21, 224, 224, RandomResNet18.EQUAL_MEAN, RandomResNet18.EQUAL_STD, false, 1),
                new Case("224 px, 21 classes, BN folded", 21, 224, 224, RandomResNet18.EQUAL_MEAN, RandomResNet18.EQUAL_STD, true, 1),
                new Case("64 px, 5 classes, per-channel std", 5, 64, 64, RandomResNet18.IMAGENET_MEAN, RandomResNet18.IMAGENET_STD, false, 2),
                new Case("64 px, 5 classes, per-channel std, BN folded", 5, 64, 64, RandomResNet18.IMAGENET_MEAN, RandomResNet18.IMAGENET_STD, true, 2),
                new Case("32 px, 2 classes", 2, 32, 32, RandomResNet18.EQUAL_MEAN, RandomResNet18.EQUAL_STD, true, 3),
                new Case("96x64 px, 3 classes, per-channel std", 3, 96, 64, RandomResNet18.IMAGENET_MEAN, RandomResNet18.IMAGENET_STD, false, 4));

        List<Object> jobs = new ArrayList<>();
        List<float[][]> caffeOut = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            Path caseDir = dir.resolve("case" + i);
            ModelCard card = RandomResNet18.writeModel(caseDir.resolve("model"), c.classes(), c.width(), c.height(), c.mean(), c.std(), c.seed());
            CaffeExport.Report report = CaffeExport.write(caseDir.resolve("caffe"), card,
                    SafeTensors.read(caseDir.resolve("model/model.safetensors")), c.fold());
            assertEquals(!java.util.Arrays.equals(c.std(), RandomResNet18.EQUAL_STD), report.scaling().folded(), c.label());

            float[] pixels = images(c, new Random(100 + i));
            float[] torchInput = new float[pixels.length];
            float[] caffeInput = new float[pixels.length];
            int plane = c.width() * c.height();
            for (int p = 0; p < pixels.length; p++) {
                int ch = (p / plane) % 3;
                torchInput[p] = (float) ((pixels[p] - c.mean()[ch]) / c.std()[ch]);
                // what NNIE feeds the network: the channel mean subtracted, then ONE data_scale
                caffeInput[p] = (float) ((pixels[p] - c.mean()[ch]) * report.scaling().dataScale());
            }
            try (OpenCvCaffe net = new OpenCvCaffe(caseDir.resolve("caffe/model.prototxt"), caseDir.resolve("caffe/model.caffemodel"))) {
                caffeOut.add(net.forward(caffeInput, IMAGES, 3, c.height(), c.width(), c.classes()));
            }
            writeFloats(caseDir.resolve("input.f32"), torchInput);
            Map<String, Object> job = new LinkedHashMap<>();
            job.put("weights", caseDir.resolve("model/model.safetensors").toString());
            job.put("num_classes", c.classes());
            job.put("batchnorm_eps", card.batchnormEps());
            job.put("input", caseDir.resolve("input.f32").toString());
            job.put("input_shape", List.of(IMAGES, 3, c.height(), c.width()));
            job.put("logits", caseDir.resolve("torch-logits.f32").toString());
            job.put("probs", caseDir.resolve("torch-probs.f32").toString());
            jobs.add(job);
        }
        Path jobFile = Files.writeString(dir.resolve("jobs.json"), Json.write(jobs));
        Path script = dir.resolve("torch_reference.py");
        try (InputStream in = getClass().getResourceAsStream("torch_reference.py")) {
            Files.copy(in, script);
        }
        ExternalTools.Result torch = ExternalTools.run(List.of(ExternalTools.PYTHON.toString(), script.toString(), jobFile.toString()), 600);
        assertEquals(0, torch.exitCode(), torch.output());

        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            Path caseDir = dir.resolve("case" + i);
            float[] logits = readFloats(caseDir.resolve("torch-logits.f32"));
            float[] probs = readFloats(caseDir.resolve("torch-probs.f32"));
            outcomes.add(compare(c, caffeOut.get(i)[0], caffeOut.get(i)[1], logits, probs));
        }
        System.out.println("OpenCV DNN (exported Caffe) vs torchvision resnet18 (PyTorch), " + IMAGES + " random images per case:");
        System.out.println(String.format(Locale.ROOT, "%-48s %14s %14s %12s %s", "case", "max|dprob|", "max|dlogit|", "logit range", "top-1"));
        for (Outcome o : outcomes) {
            System.out.println(String.format(Locale.ROOT, "%-48s %14.3e %14.3e %12.2f %s", o.c().label(), o.probDiff(), o.logitDiff(),
                    o.logitRange(), o.top1Agrees() ? "same" : "DIFFERENT"));
        }
        for (Outcome o : outcomes) {
            assertTrue(o.logitRange() > 0.5, o.c().label() + ": logits barely vary; the comparison would prove little");
            assertTrue(o.probDiff() <= PROB_TOLERANCE, o.c().label() + ": probabilities differ by " + o.probDiff());
            assertTrue(o.logitDiff() <= 1e-4 * Math.max(1, o.logitRange()), o.c().label() + ": logits differ by " + o.logitDiff());
            assertTrue(o.top1Agrees(), o.c().label() + ": top-1 differs");
        }
    }

    /** Smooth random images (a few blurred blobs of colour), pixel values 0..255, NCHW. */
    private static float[] images(Case c, Random r) {
        int w = c.width();
        int h = c.height();
        float[] out = new float[IMAGES * 3 * w * h];
        for (int n = 0; n < IMAGES; n++) {
            double[][] blobs = new double[6][];
            for (int b = 0; b < blobs.length; b++) {
                blobs[b] = new double[] {r.nextDouble() * w, r.nextDouble() * h, (0.1 + 0.3 * r.nextDouble()) * w,
                        r.nextDouble() * 255, r.nextDouble() * 255, r.nextDouble() * 255};
            }
            for (int ch = 0; ch < 3; ch++) {
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        double v = 40;
                        for (double[] b : blobs) {
                            double d2 = ((x - b[0]) * (x - b[0]) + (y - b[1]) * (y - b[1])) / (b[2] * b[2]);
                            v += b[3 + ch] * Math.exp(-d2);
                        }
                        v += r.nextGaussian() * 8;
                        out[((n * 3 + ch) * h + y) * w + x] = (float) Math.max(0, Math.min(255, Math.rint(v)));
                    }
                }
            }
        }
        return out;
    }

    private static Outcome compare(Case c, float[] cvLogits, float[] cvProbs, float[] tLogits, float[] tProbs) {
        double probDiff = 0;
        double logitDiff = 0;
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        boolean top1 = true;
        for (int n = 0; n < IMAGES; n++) {
            int cvBest = 0;
            int tBest = 0;
            for (int k = 0; k < c.classes(); k++) {
                int i = n * c.classes() + k;
                probDiff = Math.max(probDiff, Math.abs(cvProbs[i] - tProbs[i]));
                logitDiff = Math.max(logitDiff, Math.abs(cvLogits[i] - tLogits[i]));
                min = Math.min(min, tLogits[i]);
                max = Math.max(max, tLogits[i]);
                if (cvProbs[i] > cvProbs[n * c.classes() + cvBest]) cvBest = k;
                if (tProbs[i] > tProbs[n * c.classes() + tBest]) tBest = k;
            }
            top1 &= cvBest == tBest;
        }
        return new Outcome(c, probDiff, logitDiff, max - min, top1);
    }

    private static void writeFloats(Path file, float[] v) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(v);
        Files.write(file, b.array());
    }

    private static float[] readFloats(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        float[] v = new float[b.remaining() / 4];
        b.asFloatBuffer().get(v);
        return v;
    }
}
