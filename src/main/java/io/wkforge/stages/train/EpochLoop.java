package io.wkforge.stages.train;

import io.wkforge.run.Progress;
import io.wkforge.run.StageException;
import io.wkforge.stages.model.Tensor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Epochs: train on the shuffled, augmented training set, measure on the validation set, keep the
 * best, checkpoint, stop when patience runs out. Everything an epoch does depends only on the
 * checkpoint before it and (seed, epoch), so a resumed run continues exactly where the killed
 * one would have gone.
 */
final class EpochLoop {
    private final TrainSettings settings;
    private final Training training;
    private final BatchLoader trainLoader;
    private final BatchLoader valLoader;
    private final int trainImages;
    private final int valImages;
    private final int numClasses;
    private final Path workDir;
    private final TrainLog log;
    private final Progress progress;
    private final Consumer<String> note;

    /** The end of training: every epoch, the best one and its weights. */
    record Outcome(List<EpochResult> history, EpochResult best, Map<String, Tensor> bestWeights, boolean stoppedEarly) {}

    EpochLoop(TrainSettings settings, Training training, BatchLoader trainLoader, BatchLoader valLoader, int trainImages, int valImages,
              int numClasses, Path workDir, TrainLog log, Progress progress, Consumer<String> note) {
        this.settings = settings;
        this.training = training;
        this.trainLoader = trainLoader;
        this.valLoader = valLoader;
        this.trainImages = trainImages;
        this.valImages = valImages;
        this.numClasses = numClasses;
        this.workDir = workDir;
        this.log = log;
        this.progress = progress;
        this.note = note;
    }

    Outcome run(Checkpoint resumed) throws StageException, InterruptedException, IOException {
        List<EpochResult> history = new ArrayList<>(resumed == null ? List.of() : resumed.history());
        EpochResult best = null;
        for (EpochResult e : history) if (e.betterThan(best)) best = e;
        Map<String, Tensor> bestWeights = resumed == null ? null : resumed.bestWeights() != null ? resumed.bestWeights() : resumed.weights();
        if (resumed != null && resumed.stopped()) return new Outcome(history, best, bestWeights, true);

        int perEpoch = EpochOrder.trainBatchCount(trainImages, settings.batch());
        int first = history.size() + 1;
        long totalBatches = (long) perEpoch * (settings.epochs() - first + 1);
        long batchesDone = 0;
        double secondsPerBatch = 0;
        double valSeconds = 0;
        boolean stopped = false;
        for (int epoch = first; epoch <= settings.epochs() && !stopped; epoch++) {
            long epochStart = System.nanoTime();
            double rate = settings.schedule().rateOf(epoch);
            training.rule().setRate(rate);
            boolean frozen = settings.pretrained() != null && epoch <= settings.fineTune().freezeEpochs();
            training.freezeBackbone(frozen);
            if (frozen) log.line("epoch " + epoch + ": the pretrained layers are frozen (train.freeze_epochs " + settings.fineTune().freezeEpochs()
                    + "); only the classifier trains");
            double lossSum = 0;
            int correct = 0;
            int seen = 0;
            long computeNanos = 0;
            try (BatchLoader.Pass pass = trainLoader.pass(EpochOrder.trainBatches(settings.seed(), epoch, trainImages, settings.batch()),
                    settings.seed(), epoch)) {
                for (int b = 0; b < pass.size(); b++) {
                    if (Thread.currentThread().isInterrupted()) throw new InterruptedException();
                    long t0 = System.nanoTime();
                    Batch batch = pass.next();
                    long t1 = System.nanoTime();
                    Training.Tally tally = training.step(batch);
                    computeNanos += System.nanoTime() - t1;
                    batch.release(); // libtorch is done with its memory
                    lossSum += tally.lossSum();
                    correct += tally.correct();
                    seen += batch.size();
                    double took = (System.nanoTime() - t0) / 1e9;
                    secondsPerBatch = secondsPerBatch == 0 ? took : 0.9 * secondsPerBatch + 0.1 * took;
                    batchesDone++;
                    double elapsed = (System.nanoTime() - epochStart) / 1e9;
                    double left = secondsPerBatch * (totalBatches - batchesDone) + valSeconds * (settings.epochs() - epoch + 1);
                    progress.update(b + 1, pass.size(), String.format(Locale.ROOT, "batches of epoch %d/%d, loss %.4f, %.1f images/s, %s left",
                            epoch, settings.epochs(), lossSum / seen, seen / elapsed, duration(left)));
                }
            }
            double trainSeconds = (System.nanoTime() - epochStart) / 1e9;
            double trainLoss = lossSum / seen;
            if (!Double.isFinite(trainLoss)) {
                throw new StageException(String.format(Locale.ROOT, "training diverged in epoch %d (the loss is %s): lower train.lr (now %s)",
                        epoch, trainLoss, settings.lr()));
            }
            long valStart = System.nanoTime();
            Validation v = validate();
            int[][] confusion = v.confusion();
            double valLoss = v.lossSum();
            int valCorrect = v.correct();
            valSeconds = (System.nanoTime() - valStart) / 1e9;
            if (!Double.isFinite(valLoss)) {
                throw new StageException(String.format(Locale.ROOT, "training diverged in epoch %d (the validation loss is %s): lower train.lr (now %s)",
                        epoch, valLoss, settings.lr()));
            }
            EpochResult result = new EpochResult(epoch, rate, trainLoss, (double) correct / seen, valLoss / valImages,
                    (double) valCorrect / valImages, seen / trainSeconds, trainSeconds, computeNanos / 1e9,
                    (System.nanoTime() - epochStart) / 1e9, confusion);
            history.add(result);
            Map<String, Tensor> weights = training.weights();
            boolean improved = result.betterThan(best);
            if (improved) {
                best = result;
                bestWeights = weights;
            }
            stopped = settings.patience() > 0 && epoch - firstReachingTop(history) >= settings.patience() && epoch < settings.epochs();
            String line = String.format(Locale.ROOT, "epoch %d/%d  train loss %.4f  val loss %.4f  val top-1 %.2f%%  lr %.6g  %.1f images/s  %.1f s%s",
                    epoch, settings.epochs(), trainLoss, result.valLoss(), 100 * result.valTop1(), rate, result.imagesPerSecond(),
                    result.seconds(), improved ? "  (best)" : "");
            log.line(line);
            new Checkpoint(epoch, weights, training.rule().stateTensors(), training.rule().scalars(),
                    best.epoch() == epoch ? null : bestWeights, history, stopped).save(workDir);
            note.accept(line);
            if (stopped) {
                String why = String.format(Locale.ROOT, "stopping early: val top-1 has not improved for %d epochs (patience %d); best epoch %d",
                        epoch - firstReachingTop(history), settings.patience(), best.epoch());
                log.line(why);
                note.accept(why);
            }
        }
        return new Outcome(history, best, bestWeights, stopped);
    }

    /** One pass over the validation set: summed loss, images right, the confusion matrix. */
    record Validation(double lossSum, int correct, int[][] confusion) {
        double top1(int images) {
            return images == 0 ? 0 : (double) correct / images;
        }
    }

    /** Measures the network as it is on the validation set (no training). */
    Validation validate() throws InterruptedException, IOException {
        int[][] confusion = new int[numClasses][numClasses];
        double valLoss = 0;
        int valCorrect = 0;
        try (BatchLoader.Pass pass = valLoader.pass(EpochOrder.valBatches(valImages, settings.batch()), settings.seed(), 0)) {
            for (int b = 0; b < pass.size(); b++) {
                Batch batch = pass.next();
                Training.Tally tally = training.evaluate(batch, confusion);
                batch.release();
                valLoss += tally.lossSum();
                valCorrect += tally.correct();
            }
        }
        return new Validation(valLoss, valCorrect, confusion);
    }

    /** The first epoch that reached the highest val top-1 so far: patience counts from there. */
    private static int firstReachingTop(List<EpochResult> history) {
        EpochResult top = null;
        for (EpochResult e : history) if (top == null || e.valTop1() > top.valTop1()) top = e;
        return top.epoch();
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) return s + "s";
        if (s < 3600) return (s / 60) + "m" + String.format("%02d", s % 60) + "s";
        return (s / 3600) + "h" + String.format("%02d", (s % 3600) / 60) + "m";
    }
}
