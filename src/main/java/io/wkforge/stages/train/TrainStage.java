package io.wkforge.stages.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.engine.EngineException;
import io.wkforge.lang.model.ClassDef;
import io.wkforge.lang.model.EffectiveRecipe;
import io.wkforge.run.DoctorCheck;
import io.wkforge.lang.schema.StageId;
import io.wkforge.run.StageException;
import io.wkforge.run.StageRunner;
import io.wkforge.run.TaskContext;
import io.wkforge.stages.model.EngineMessages;
import io.wkforge.stages.model.Libtorch;
import io.wkforge.stages.model.Preprocessing;
import io.wkforge.stages.model.ResNet18Layout;
import io.wkforge.stages.model.Tensor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Stage {@code train}: a ResNet-18 in torchvision's layout with NNIE's ceil-mode stem pooling,
 * trained with DJL on libtorch from {@code dataset/} into {@code model/} (the best epoch's
 * weights, the model card, metrics, the confusion matrix, the log). Checkpoints after every
 * epoch in the task's work folder make a killed run resume where it stopped.
 */
public final class TrainStage implements StageRunner {

    @Override
    public StageId stage() {
        return StageId.TRAIN;
    }

    /** The network, the preprocessing and the weights and JSON writers shape the model too. */
    @Override
    public List<String> codePackages() {
        return List.of(getClass().getPackageName(), "io.wkforge.stages.model", "io.wkforge.util", "io.wkforge.stages.common.dataset");
    }

    /** libtorch (through DJL's engine, whose jar names the version) trains; OpenCV decodes and resizes. */
    @Override
    public List<String> libraryClasses() {
        return List.of("ai.djl.engine.Engine", "ai.djl.pytorch.engine.PtEngine", "org.bytedeco.opencv.global.opencv_imgcodecs",
                "org.bytedeco.opencv.global.opencv_imgproc");
    }

    /** doctor: which libtorch this build runs, the GPUs it sees, and whether the recipe's train.devices can be served. */
    @Override
    public List<DoctorCheck> diagnose(EffectiveRecipe recipe) {
        return List.of(LibtorchDoctor.check(recipe == null ? null : Devices.parse(recipe.setting("train.devices").asStrings())));
    }

    /** libtorch's natives take a few seconds to load the first time; do it while the recipe is checked. */
    @Override
    public void warmUp() {
        Libtorch.warmUp();
    }

    @Override
    public void run(TaskContext ctx) throws StageException {
        Libtorch.configure();
        TrainSettings s = TrainSettings.read(ctx);
        Preprocessing p = s.preprocessing();
        List<ClassDef> classes = new ArrayList<>(ctx.classes());
        classes.sort(Comparator.comparingInt(ClassDef::index));
        String sizeProblem = ResNet18Layout.inputProblem(p.cropWidth(), p.cropHeight());
        if (sizeProblem != null) throw new StageException("preprocess.crop " + p.cropWidth() + "x" + p.cropHeight() + ": " + sizeProblem);
        DatasetLists data = DatasetLists.read(ctx, classes);
        for (String c : data.classesWithoutValidation(classes)) {
            ctx.warn("class " + c + " has no validation images: its accuracy is not measured (split.by video with one video?)");
        }

        Engine engine;
        try {
            engine = Libtorch.engine();
        } catch (IOException e) {
            throw new StageException(e.getMessage());
        }
        List<Device> devices = devices(s, engine);
        boolean onCpu = devices.get(0).isGpu() == false;
        long needed = MemoryBudget.trainingBytes(p, s.batch(), s.optimizer());
        long available = MemoryBudget.availableBytes();
        if (onCpu && available > 0 && needed > available) {
            throw new StageException("not enough memory: training " + p.cropWidth() + "x" + p.cropHeight() + " inputs in batches of "
                    + s.batch() + " needs about " + MemoryBudget.gib(needed) + ", and " + MemoryBudget.gib(available)
                    + " are available: " + MemoryBudget.advice(p, s.batch(), s.optimizer(), available));
        }

        Path work = ctx.workDir();
        TrainLog log = new TrainLog(work);
        Checkpoint resumed = null;
        try {
            resumed = Checkpoint.load(work);
        } catch (IOException | RuntimeException e) {
            ctx.warn("the checkpoint in " + work + " cannot be read (" + e.getMessage() + "); training starts again");
        }
        Map<String, Tensor> initial;
        PretrainedWeights.Loaded pretrained = null;
        if (s.epochs() == 0 && s.pretrained() == null) {
            throw new StageException("train.epochs 0 takes the `pretrained` weights as they are, and train.pretrained is not set");
        }
        if (resumed != null) {
            initial = resumed.weights();
            String line = "resumed from the checkpoint after epoch " + resumed.epoch() + " (" + work.resolve(Checkpoint.FILE_NAME) + ")";
            log.line(line);
            ctx.note(line);
        } else {
            log.line("train: " + s.describe());
            log.line("data: " + data.train().size() + " training and " + data.val().size() + " validation images, " + classes.size()
                    + " classes; " + (devices.get(0).isGpu() ? devices.size() + " GPU(s) " + devices : "CPU, " + ctx.threads() + " threads")
                    + ", libtorch " + engine.getVersion());
            pretrained = s.pretrained() == null ? null : loadPretrained(ctx, s, classes, log);
            initial = pretrained == null ? InitialWeights.of(classes.size(), s.seed()) : pretrained.weights();
        }

        int threads = Math.max(1, ctx.threads());
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "wkforge-train-loader");
            t.setDaemon(true);
            return t;
        });
        Training training = null;
        AutoCloseable engineWarnings = EngineMessages.routeTo(log::line); // e.g. NNPACK's, into train.log
        try {
            Libtorch.useThreads(threads);
            ImageStore trainImages = new ImageStore(p, data.train(), s.boardInput());
            ImageStore valImages = new ImageStore(p, data.val(), s.boardInput());
            long cache = MemoryBudget.cacheBytes(needed);
            trainImages.decodeAll(pool, threads, cache, ctx.progress(), "training");
            valImages.decodeAll(pool, threads, cache - (long) trainImages.cachedCount() * 3 * p.resizeWidth() * p.resizeHeight(),
                    ctx.progress(), "validation");
            if (trainImages.cachedCount() < trainImages.size()) {
                ctx.warn((trainImages.size() - trainImages.cachedCount()) + " of " + trainImages.size()
                        + " training images do not fit the memory kept for decoded images and are decoded again every epoch "
                        + "(give Java more heap with WKFORGE_JAVA_OPTS=-Xmx..., or lower preprocess.resize)");
            }
            training = new Training(s, classes.size(), devices, initial, engine);
            // the network holds them now: no second copy on the heap while training (epochs 0 passes
            // these very weights on unchanged, so it keeps them)
            if (s.epochs() > 0) initial = null;
            if (resumed != null) {
                training.rule().restore(resumed.optimizerState(), resumed.optimizerScalars());
                resumed = resumed.forEpochLoop();
            }
            int ahead = Math.max(2, threads);
            EpochLoop loop = new EpochLoop(s, training, new BatchLoader(trainImages, p, pool, ahead), new BatchLoader(valImages, p, pool, ahead),
                    trainImages.size(), valImages.size(), classes.size(), work, log, ctx.progress(), ctx::note);
            Map<String, Object> imported = pretrained != null
                    ? ImportedMetrics.measure(pretrained, s, loop, training, valImages.size(), work, log, ctx::note)
                    : ImportedMetrics.saved(work);
            EpochLoop.Outcome outcome = s.epochs() == 0 ? ImportedMetrics.asIs(loop, valImages.size(), initial, log, ctx::note)
                    : loop.run(resumed);

            Path out = ctx.stagingDir(StageId.TRAIN);
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("epochs_run", outcome.history().size());
            extra.put("stopped_early", outcome.stoppedEarly());
            extra.put("engine", "DJL " + engine.getClass().getPackage().getImplementationVersion() + ", libtorch " + engine.getVersion());
            extra.put("device", devices.get(0).isGpu() ? devices.toString() : "cpu");
            extra.put("board_input", s.boardInput());
            TrainOutputs.write(out, s, classes, outcome.history(), outcome.best(), outcome.bestWeights(), outcome.stoppedEarly(), extra,
                    imported);
            String done = String.format(Locale.ROOT, "best epoch %d: val top-1 %.2f%% (val loss %.4f)", outcome.best().epoch(),
                    100 * outcome.best().valTop1(), outcome.best().valLoss());
            log.line(done);
            log.copyTo(out.resolve(TrainLog.FILE_NAME));
            ctx.note(done);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StageException("training was interrupted; the last finished epoch is kept and a new run resumes from it");
        } catch (IOException e) {
            throw new StageException(e.getMessage());
        } catch (OutOfMemoryError e) {
            throw new StageException("out of memory (Java heap) while training: " + MemoryBudget.advice(p, s.batch(), s.optimizer(), available)
                    + ", or give Java more heap with WKFORGE_JAVA_OPTS=-Xmx...");
        } catch (EngineException | IllegalStateException e) {
            if (isOutOfMemory(e)) {
                throw new StageException("out of memory while training on " + (onCpu ? "the CPU" : "the GPU") + ": "
                        + MemoryBudget.advice(p, s.batch(), s.optimizer(), onCpu ? available : -1));
            }
            throw e;
        } finally {
            pool.shutdownNow();
            if (training != null) training.close();
            closeQuietly(engineWarnings);
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // only resets where libtorch's warnings go
        }
    }

    private static boolean isOutOfMemory(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (m.contains("out of memory") || m.contains("not enough memory") || m.contains("failed to allocate")) return true;
        }
        return false;
    }

    private static List<Device> devices(TrainSettings s, Engine engine) throws StageException {
        List<Integer> gpus;
        try {
            gpus = s.devices().resolve(engine.getGpuCount(), Libtorch.buildDescription(), Libtorch.isCudaBuild());
        } catch (IllegalArgumentException e) {
            throw new StageException("train.devices: " + e.getMessage());
        }
        if (gpus.isEmpty()) return List.of(Device.cpu());
        List<Device> out = new ArrayList<>();
        for (int id : gpus) out.add(Device.gpu(id));
        return out;
    }

    private static PretrainedWeights.Loaded loadPretrained(TaskContext ctx, TrainSettings s, List<ClassDef> classes, TrainLog log)
            throws StageException {
        PretrainedWeights.Loaded loaded = PretrainedWeights.load(s.pretrained(), classes, s.epochs(), s.seed());
        log.line("pretrained: " + s.pretrained() + " (" + loaded.format() + ", " + loaded.layout() + ", sha256 " + loaded.sha256() + ")");
        for (String n : loaded.notes()) {
            log.line("pretrained: " + n);
            ctx.note("pretrained: " + n);
        }
        return loaded;
    }
}
