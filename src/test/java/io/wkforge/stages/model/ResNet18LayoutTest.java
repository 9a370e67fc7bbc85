package io.wkforge.stages.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResNet18LayoutTest {
    @Test
    void tensorsAreTorchvisionsStateDictWithoutTheBatchCounters() {
        Map<String, long[]> t = ResNet18Layout.tensorShapes(21);
        assertEquals(102, t.size()); // torchvision's 122 entries minus 20 num_batches_tracked
        assertEquals(List.of("conv1.weight", "bn1.weight", "bn1.bias", "bn1.running_mean", "bn1.running_var", "layer1.0.conv1.weight"),
                List.copyOf(t.keySet()).subList(0, 6));
        assertArrayEquals(new long[] {128, 64, 1, 1}, t.get("layer2.0.downsample.0.weight"));
        assertArrayEquals(new long[] {512}, t.get("layer4.1.bn2.running_var"));
        assertArrayEquals(new long[] {21, 512}, t.get("fc.weight"));
        assertEquals(List.of("fc.weight", "fc.bias"), List.copyOf(t.keySet()).subList(100, 102));
        long params = t.entrySet().stream().filter(e -> !ResNet18Layout.isRunningStatistic(e.getKey()))
                .mapToLong(e -> java.util.Arrays.stream(e.getValue()).reduce(1, (a, b) -> a * b)).sum();
        assertEquals(11_187_285, params); // torchvision resnet18(num_classes=21)
    }

    @Test
    void theCeilModeStemPoolGivesTorchvisionsSizesAt224() {
        assertArrayEquals(new int[] {112, 56, 56, 28, 14, 7}, ResNet18Layout.featureSides(224));
        assertArrayEquals(new int[] {56, 28, 28, 14, 7, 4}, ResNet18Layout.featureSides(112));
        // 28 after conv1: floor mode with pad 0 would give 13, ceil mode keeps the partial window
        assertEquals(14, ResNet18Layout.featureSides(56)[1]);
        assertArrayEquals(new int[] {4, 2, 2, 1, 1, 1}, ResNet18Layout.featureSides(8));
    }

    @Test
    void tooSmallInputsSayWhichSizesWork() {
        assertNull(ResNet18Layout.inputProblem(8, 8));
        assertNull(ResNet18Layout.inputProblem(5, 224));
        String why = ResNet18Layout.inputProblem(4, 64);
        assertTrue(why.contains("cannot take a 4x64 input") && why.contains("at least 5"), why);
    }
}
