package io.wkforge.stages.dataset;

import io.wkforge.lang.model.EffectiveRecipe;
import io.wkforge.lang.schema.StageId;
import io.wkforge.run.StageException;
import io.wkforge.run.StageRunner;
import io.wkforge.run.TaskContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;

/**
 * Stage {@code clean}: drops excluded, near-uniform, blurry and duplicate frames. Writes
 * {@code clean/kept.txt} (what {@code split} uses), {@code clean/report.json} and the contact
 * sheet {@code clean/report.html} with its thumbnails in {@code clean/thumbs/}. Frames are never
 * deleted: changing a threshold re-runs only this stage and the ones after it.
 */
public final class CleanStage implements StageRunner {
    private static final String THUMBS = "thumbs";

    @Override
    public StageId stage() {
        return StageId.CLEAN;
    }

    /** The report's JSON writer and the frame naming rule and image encoder it shares with frames shape output bytes too. */
    @Override
    public List<String> codePackages() {
        return List.of(getClass().getPackageName(), "io.wkforge.util", "io.wkforge.stages.common.frames");
    }

    /** Frames are decoded, measured and thumbnailed with OpenCV. */
    @Override
    public List<String> libraryClasses() {
        return List.of("org.bytedeco.opencv.global.opencv_imgcodecs", "org.bytedeco.opencv.global.opencv_imgproc");
    }

    /** Clean and split both use OpenCV; one doctor line covers them. */
    @Override
    public List<io.wkforge.run.DoctorCheck> diagnose(EffectiveRecipe recipe) {
        return List.of(OpenCvCheck.check());
    }

    @Override
    public void run(TaskContext ctx) throws StageException {
        Cleaner.Thresholds thresholds = new Cleaner.Thresholds(
                ctx.setting("clean.duplicates").asDouble(),
                ctx.setting("clean.blur").asDouble(),
                ctx.setting("clean.uniform").asDouble());
        List<String> patterns = ctx.setting("clean.exclude").asStrings().stream().filter(p -> !p.isBlank()).toList();
        ExcludePatterns exclude = new ExcludePatterns(patterns);

        Map<String, List<FrameRef>> byClass = new TreeMap<>();
        Set<FrameRef> excluded = new HashSet<>();
        List<FrameRef> toMeasure = new ArrayList<>();
        for (Path p : ctx.outputsOf(StageId.FRAMES)) {
            FrameRef f = FrameRef.of(ctx.layout().outDir(), p);
            byClass.computeIfAbsent(f.classFolder(), k -> new ArrayList<>()).add(f);
            if (exclude.match(f) != null) excluded.add(f);
            else toMeasure.add(f);
        }
        Map<FrameRef, FrameMetrics> metrics = measure(toMeasure, ctx);

        Cleaner cleaner = new Cleaner(thresholds);
        Map<String, List<CleanDecision>> decisions = new LinkedHashMap<>();
        List<FrameRef> kept = new ArrayList<>();
        for (Map.Entry<String, List<FrameRef>> e : byClass.entrySet()) {
            List<CleanDecision> d = cleaner.judge(e.getValue(), metrics, excluded);
            decisions.put(e.getKey(), d);
            d.stream().filter(CleanDecision::kept).forEach(x -> kept.add(x.frame()));
            if (!e.getValue().isEmpty() && d.stream().noneMatch(CleanDecision::kept)) {
                ctx.warn("clean dropped every frame of class " + e.getKey() + " (" + e.getValue().size() + " frames): see clean/report.html");
            }
        }
        for (String p : exclude.unused()) ctx.warn("exclude pattern \"" + p + "\" matches no frame");

        Path out = ctx.stagingDir(StageId.CLEAN);
        CleanReport report = new CleanReport(decisions, thresholds, patterns);
        try {
            KeptList.write(out.resolve(KeptList.FILE_NAME), kept);
            Files.writeString(out.resolve("report.json"), report.json(), StandardCharsets.UTF_8);
            Files.writeString(out.resolve("report.html"), report.html(THUMBS), StandardCharsets.UTF_8);
            Path thumbs = Files.createDirectories(out.resolve(THUMBS));
            for (List<CleanDecision> ds : decisions.values()) {
                for (CleanDecision d : ds) {
                    if (d.kept()) continue;
                    Thumbnails.write(d.frame(), thumbs);
                    if (d.original() != null) Thumbnails.write(d.original(), thumbs);
                }
            }
        } catch (IOException e) {
            throw new StageException("cannot write the cleaning report: " + e.getMessage());
        }
    }

    /** Measures frames on the task's threads (decoding full-resolution images dominates). */
    private static Map<FrameRef, FrameMetrics> measure(List<FrameRef> frames, TaskContext ctx) throws StageException {
        Map<FrameRef, FrameMetrics> out = new ConcurrentHashMap<>();
        List<String> unreadable = Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicLong done = new java.util.concurrent.atomic.AtomicLong();
        ForkJoinPool pool = new ForkJoinPool(Math.max(1, ctx.threads()));
        try {
            pool.submit(() -> frames.parallelStream().forEach(f -> {
                try {
                    out.put(f, FrameAnalyzer.analyze(f.file()));
                } catch (IOException e) {
                    unreadable.add(f.relPath() + ": " + e.getMessage());
                }
                long n = done.incrementAndGet();
                if (n % 50 == 0) ctx.progress().update(n, frames.size(), "frames");
            })).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StageException("interrupted while measuring frames");
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdown();
        }
        if (!unreadable.isEmpty()) {
            Collections.sort(unreadable);
            throw new StageException(unreadable.size() + " extracted frames cannot be read (damaged on disk?)", unreadable);
        }
        return out;
    }
}
