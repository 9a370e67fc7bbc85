package io.wkforge.stages.caffe;

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
import java.util.Map;
import java.util.Random;

/**
 * Runs torchvision's resnet18 (Debian's PyTorch, torch_reference.py) on batches of inputs, for the
 * differential test and bench/export.sh. All cases go to one Python process (PyTorch takes
 * seconds to import).
 */
final class TorchReference {
    /** @param input normalised NCHW float32 values */
    record Job(Path weights, int classes, double batchnormEps, float[] input, int n, int height, int width) {}

    /** @param seconds the forward pass alone, as the script timed it */
    record Output(float[] logits, float[] probs, double seconds) {}

    private TorchReference() {}

    static List<Output> run(Path work, List<Job> jobs) throws Exception {
        Files.createDirectories(work);
        List<Object> spec = new ArrayList<>();
        for (int i = 0; i < jobs.size(); i++) {
            Job j = jobs.get(i);
            Path input = writeFloats(work.resolve("input" + i + ".f32"), j.input());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("weights", j.weights().toString());
            m.put("num_classes", j.classes());
            m.put("batchnorm_eps", j.batchnormEps());
            m.put("input", input.toString());
            m.put("input_shape", List.of(j.n(), 3, j.height(), j.width()));
            m.put("logits", work.resolve("logits" + i + ".f32").toString());
            m.put("probs", work.resolve("probs" + i + ".f32").toString());
            m.put("timing", work.resolve("seconds" + i + ".txt").toString());
            spec.add(m);
        }
        Path jobFile = Files.writeString(work.resolve("jobs.json"), Json.write(spec));
        Path script = work.resolve("torch_reference.py");
        try (InputStream in = TorchReference.class.getResourceAsStream("torch_reference.py")) {
            Files.copy(in, script, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        ExternalTools.Result r = ExternalTools.run(List.of(ExternalTools.PYTHON.toString(), script.toString(), jobFile.toString()), 900);
        if (r.exitCode() != 0) throw new IllegalStateException("torch_reference.py failed:\n" + r.output());
        List<Output> out = new ArrayList<>();
        for (int i = 0; i < jobs.size(); i++) {
            out.add(new Output(readFloats(work.resolve("logits" + i + ".f32")), readFloats(work.resolve("probs" + i + ".f32")),
                    Double.parseDouble(Files.readString(work.resolve("seconds" + i + ".txt")).strip())));
        }
        return out;
    }

    /** Smooth random images (a few blurred blobs of colour plus noise), pixel values 0..255, NCHW. */
    static float[] images(int count, int width, int height, Random r) {
        float[] out = new float[count * 3 * width * height];
        for (int n = 0; n < count; n++) {
            double[][] blobs = new double[6][];
            for (int b = 0; b < blobs.length; b++) {
                blobs[b] = new double[] {r.nextDouble() * width, r.nextDouble() * height, (0.1 + 0.3 * r.nextDouble()) * width,
                        r.nextDouble() * 255, r.nextDouble() * 255, r.nextDouble() * 255};
            }
            for (int ch = 0; ch < 3; ch++) {
                for (int y = 0; y < height; y++) {
                    for (int x = 0; x < width; x++) {
                        double v = 40;
                        for (double[] b : blobs) {
                            double d2 = ((x - b[0]) * (x - b[0]) + (y - b[1]) * (y - b[1])) / (b[2] * b[2]);
                            v += b[3 + ch] * Math.exp(-d2);
                        }
                        v += r.nextGaussian() * 8;
                        out[((n * 3 + ch) * height + y) * width + x] = (float) Math.max(0, Math.min(255, Math.rint(v)));
                    }
                }
            }
        }
        return out;
    }

    /**
     * The two inputs of one comparison: what PyTorch gets ((p - mean) / std per channel, as in
     * training) and what the Caffe model gets on NNIE ((p - mean) * ONE data_scale).
     */
    static float[][] normalise(float[] pixels, int width, int height, double[] mean, double[] std, double dataScale) {
        float[] torch = new float[pixels.length];
        float[] caffe = new float[pixels.length];
        int plane = width * height;
        for (int p = 0; p < pixels.length; p++) {
            int ch = (p / plane) % 3;
            torch[p] = (float) ((pixels[p] - mean[ch]) / std[ch]);
            caffe[p] = (float) ((pixels[p] - mean[ch]) * dataScale);
        }
        return new float[][] {torch, caffe};
    }

    static Path writeFloats(Path file, float[] v) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(v);
        return Files.write(file, b.array());
    }

    static float[] readFloats(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        float[] v = new float[b.remaining() / 4];
        b.asFloatBuffer().get(v);
        return v;
    }
}
