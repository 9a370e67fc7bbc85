package io.wkforge.stages.dataset;

import io.wkforge.lang.model.ClassDef;
import io.wkforge.lang.schema.StageId;
import io.wkforge.run.StageException;
import io.wkforge.run.StageRunner;
import io.wkforge.run.TaskContext;
import io.wkforge.stages.common.dataset.Side;
import io.wkforge.stages.common.dataset.SplitLists;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Stage {@code split}: labels the cleaned frames by their class folder and splits them into
 * {@code dataset/{train,val}/NN_nature_name/}, plus {@code classes.txt}, mmclassification's
 * {@code meta/{train,val}.txt} ({@code <class folder>/<file> <label>}, relative to the side's
 * folder, like ImageNet's {@code meta/train.txt}) and {@code summary.json}.
 */
public final class SplitStage implements StageRunner {

    @Override
    public StageId stage() {
        return StageId.SPLIT;
    }

    /** The summary's JSON writer, the frame naming rule and the lists' writer shape output bytes too. */
    @Override
    public List<String> codePackages() {
        return List.of(getClass().getPackageName(), "io.wkforge.util", "io.wkforge.stages.common.frames",
                "io.wkforge.stages.common.dataset");
    }

    @Override
    public void run(TaskContext ctx) throws StageException {
        double val = ctx.setting("split.val").asFraction();
        String by = ctx.setting("split.by").asString();
        long seed = ctx.setting("split.seed").asLong();
        Path outDir = ctx.layout().outDir();

        // the frames split may read are those the kept list names (io.wkforge.plan.StageReads)
        Set<String> extracted = new HashSet<>();
        for (Path p : ctx.outputsOf(StageId.FRAMES)) extracted.add(outDir.relativize(p).toString().replace('\\', '/'));
        Map<String, List<FrameRef>> byClass = new TreeMap<>();
        int vanished = 0;
        for (String rel : KeptList.read(ctx.input(StageId.CLEAN, KeptList.relPath()))) {
            if (!extracted.contains(rel)) {
                vanished++;
                continue;
            }
            FrameRef f = FrameRef.of(outDir, outDir.resolve(rel));
            byClass.computeIfAbsent(f.classFolder(), k -> new ArrayList<>()).add(f);
        }
        if (vanished > 0) ctx.warn(vanished + " frames listed by clean are no longer among the extracted frames; left out");

        Path dataset = ctx.stagingDir(StageId.SPLIT);
        SplitAssigner assigner = new SplitAssigner(val, by.equals("video"), seed);
        LinkOrCopy placer = new LinkOrCopy();
        SplitLists.Writer lists = new SplitLists.Writer();
        List<ClassCounts> rows = new ArrayList<>();
        try {
            // in label order: the lists number classes as they are added
            for (ClassDef c : ctx.classes().stream().sorted(java.util.Comparator.comparingInt(ClassDef::index)).toList()) {
                String folder = c.folderName();
                lists.addClass(folder);
                List<FrameRef> frames = byClass.getOrDefault(folder, List.of());
                frames = frames.stream().sorted().toList();
                Map<FrameRef, Side> sides = assigner.assign(folder, frames);
                int[] count = new int[2];
                List<Set<String>> videos = List.of(new HashSet<>(), new HashSet<>());
                for (FrameRef f : frames) {
                    Side side = sides.get(f);
                    String name = f.fileName().startsWith(folder + "_") ? f.fileName() : folder + "_" + f.fileName();
                    placer.place(f.file(), dataset.resolve(side.folder()).resolve(folder).resolve(name));
                    lists.add(side, folder, name);
                    count[side.ordinal()]++;
                    videos.get(side.ordinal()).add(f.videoKey());
                }
                rows.add(new ClassCounts(c.id(), folder, c.index(), count[0], count[1], videos.get(0).size(), videos.get(1).size()));
            }
            SplitSummary summary = new SplitSummary(rows, val, by, seed);
            lists.write(dataset);
            write(dataset.resolve("summary.json"), summary.json());
            write(dataset.resolve("summary.txt"), summary.table());
            ctx.note(summary.table().stripTrailing());
            for (String problem : summary.problems()) ctx.warn(problem);
        } catch (IOException e) {
            throw new StageException("cannot write the dataset: " + e.getMessage());
        }
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
