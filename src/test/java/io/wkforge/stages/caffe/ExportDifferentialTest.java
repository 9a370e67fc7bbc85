package io.wkforge.stages.caffe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wkforge.stages.model.ModelCard;
import io.wkforge.stages.model.SafeTensors;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
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

        List<TorchReference.Job> jobs = new ArrayList<>();
        List<float[][]> caffeOut = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            Path caseDir = dir.resolve("case" + i);
            ModelCard card = RandomResNet18.writeModel(caseDir.resolve("model"), c.classes(), c.width(), c.height(), c.mean(), c.std(), c.seed());
            CaffeExport.Report report = CaffeExport.write(caseDir.resolve("caffe"), card,
                    SafeTensors.read(caseDir.resolve("model/model.safetensors")), c.fold());
            assertEquals(!Arrays.equals(c.std(), RandomResNet18.EQUAL_STD), report.scaling().folded(), c.label());
            float[] pixels = TorchReference.images(IMAGES, c.width(), c.height(), new Random(100 + i));
            float[][] inputs = TorchReference.normalise(pixels, c.width(), c.height(), c.mean(), c.std(), report.scaling().dataScale());
            try (OpenCvCaffe net = new OpenCvCaffe(caseDir.resolve("caffe/model.prototxt"), caseDir.resolve("caffe/model.caffemodel"))) {
                caffeOut.add(net.forward(inputs[1], IMAGES, 3, c.height(), c.width(), c.classes()));
            }
            jobs.add(new TorchReference.Job(caseDir.resolve("model/model.safetensors"), c.classes(), card.batchnormEps(), inputs[0],
                    IMAGES, c.height(), c.width()));
        }
        List<TorchReference.Output> torch = TorchReference.run(dir.resolve("torch"), jobs);

        System.out.println("OpenCV DNN (exported Caffe) vs torchvision resnet18 (PyTorch), " + IMAGES + " random images per case:");
        System.out.println(String.format(Locale.ROOT, "%-48s %12s %12s %12s %s", "case", "max|dprob|", "max|dlogit|", "logit range", "top-1"));
        List<Comparison> results = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            Comparison cmp = Comparison.of(IMAGES, cases.get(i).classes(), caffeOut.get(i)[0], caffeOut.get(i)[1],
                    torch.get(i).logits(), torch.get(i).probs());
            results.add(cmp);
            System.out.println(String.format(Locale.ROOT, "%-48s %12.3e %12.3e %12.2f %d/%d", cases.get(i).label(), cmp.probDiff(),
                    cmp.logitDiff(), cmp.logitRange(), cmp.top1Agreements(), cmp.images()));
        }
        for (int i = 0; i < cases.size(); i++) {
            Comparison cmp = results.get(i);
            String label = cases.get(i).label();
            assertTrue(cmp.logitRange() > 0.5, label + ": logits barely vary; the comparison would prove little");
            assertTrue(cmp.probDiff() <= PROB_TOLERANCE, label + ": probabilities differ by " + cmp.probDiff());
            assertTrue(cmp.logitDiff() <= 1e-4 * Math.max(1, cmp.logitRange()), label + ": logits differ by " + cmp.logitDiff());
            assertEquals(IMAGES, cmp.top1Agreements(), label + ": top-1 differs");
        }
    }
}
