import io.wkforge.stages.model.Tensor;
import io.wkforge.stages.model.WeightsFile;
import java.nio.file.Path;
import java.util.Map;

/**
 * One import of a weights file as train.pretrained reads it (format by content, pickle through the
 * restricted unpickler, every tensor converted to float32): wall seconds of the read, the
 * tensors, and the value count. Peak memory is measured around the process by bench/import.sh.
 */
public class ImportBench {
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        long t = System.nanoTime();
        WeightsFile wf = WeightsFile.open(file, true);
        Map<String, Tensor> tensors = wf.tensors();
        double seconds = (System.nanoTime() - t) / 1e9;
        long values = tensors.values().stream().mapToLong(x -> x.data().length).sum();
        System.out.printf("wkforge: %s, %s, %d tensors, %d values, %d classes: %.3f s%n", wf.format(), wf.layout(), tensors.size(),
                values, wf.classCount(), seconds);
    }
}
