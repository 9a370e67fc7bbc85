package io.wkforge.stages.caffe;

import io.wkforge.stages.model.ModelCard;
import io.wkforge.stages.model.SafeTensors;
import io.wkforge.stages.model.Tensor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * bench/export.sh's program: the export of a 224 px, 21-class ResNet-18 (what the export stage
 * does after reading its inputs), timed for both batch-norm forms, and the exported model's
 * outputs under OpenCV DNN side by side with torchvision's in PyTorch on the same images.
 * Not a test (surefire runs *Test classes only).
 */
public final class ExportBench {
    private ExportBench() {}

    public static void main(String[] args) throws Exception {
        int repeat = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int images = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        Path work = Files.createTempDirectory("wkforge-export-bench");
        ModelCard card = RandomResNet18.writeModel(work.resolve("model"), 21, 224, 224, RandomResNet18.EQUAL_MEAN, RandomResNet18.EQUAL_STD, 42);
        long readStart = System.nanoTime();
        Map<String, Tensor> tensors = SafeTensors.read(work.resolve("model/model.safetensors"));
        double readSeconds = (System.nanoTime() - readStart) / 1e9;
        System.out.printf(Locale.ROOT, "ResNet-18, 21 classes, 224x224 input; read model.safetensors (%.1f MB): %.3f s%n",
                Files.size(work.resolve("model/model.safetensors")) / 1e6, readSeconds);
        System.out.println("export (prototxt + caffemodel + lint + graph.html + export.json), " + repeat + " runs after one warm-up:");
        for (boolean fold : new boolean[] {false, true}) {
            Path out = work.resolve(fold ? "folded" : "layers");
            CaffeExport.write(out, card, tensors, fold); // warm-up: class loading, JIT
            double[] seconds = new double[repeat];
            for (int r = 0; r < repeat; r++) {
                long s = System.nanoTime();
                CaffeExport.write(out, card, tensors, fold);
                seconds[r] = (System.nanoTime() - s) / 1e9;
            }
            Arrays.sort(seconds);
            System.out.printf(Locale.ROOT, "  fold_batchnorm %-5s median %.3f s (best %.3f, worst %.3f); caffemodel %.1f MB, %d layers%n",
                    fold, seconds[repeat / 2], seconds[0], seconds[repeat - 1], Files.size(out.resolve("model.caffemodel")) / 1e6,
                    fold ? 50 : 90);
        }

        float[] pixels = TorchReference.images(images, 224, 224, new Random(7));
        List<TorchReference.Job> jobs = new ArrayList<>();
        List<float[][]> caffe = new ArrayList<>();
        List<Double> caffeSeconds = new ArrayList<>();
        float[][] inputs = TorchReference.normalise(pixels, 224, 224, card.mean(), card.std(), InputScaling.of(card.std()).dataScale());
        for (boolean fold : new boolean[] {false, true}) {
            Path out = work.resolve(fold ? "folded" : "layers");
            try (OpenCvCaffe net = new OpenCvCaffe(out.resolve("model.prototxt"), out.resolve("model.caffemodel"))) {
                net.forward(Arrays.copyOf(inputs[1], 3 * 224 * 224), 1, 3, 224, 224, 21); // warm-up
                long s = System.nanoTime();
                caffe.add(net.forward(inputs[1], images, 3, 224, 224, 21));
                caffeSeconds.add((System.nanoTime() - s) / 1e9);
            }
            jobs.add(new TorchReference.Job(work.resolve("model/model.safetensors"), 21, card.batchnormEps(), inputs[0], images, 224, 224));
        }
        List<TorchReference.Output> torch = TorchReference.run(work.resolve("torch"), jobs);
        System.out.println("OpenCV DNN on the exported files vs torchvision resnet18 (PyTorch) on the same " + images + " images:");
        System.out.printf(Locale.ROOT, "  %-22s %12s %12s %8s %14s %14s%n", "", "max|dprob|", "max|dlogit|", "top-1", "OpenCV img/s", "PyTorch img/s");
        for (int i = 0; i < 2; i++) {
            Comparison c = Comparison.of(images, 21, caffe.get(i)[0], caffe.get(i)[1], torch.get(i).logits(), torch.get(i).probs());
            System.out.printf(Locale.ROOT, "  fold_batchnorm %-7s %12.3e %12.3e %5d/%d %14.1f %14.1f%n", i == 1, c.probDiff(), c.logitDiff(),
                    c.top1Agreements(), images, images / caffeSeconds.get(i), images / torch.get(i).seconds());
        }
    }
}
