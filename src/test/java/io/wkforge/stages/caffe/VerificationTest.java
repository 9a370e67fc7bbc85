package io.wkforge.stages.caffe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class VerificationTest {
    private static float[] probs(float[] logits) {
        double[] p = Verification.softmax(logits);
        float[] out = new float[p.length];
        for (int i = 0; i < p.length; i++) out[i] = (float) p[i];
        return out;
    }

    @Test
    void aFaithfulCaffeModelPassesAndTheWorstImageIsNamed() {
        Verification v = new Verification(1e-4);
        v.add("a.png", new float[] {1, 2, 3}, new float[] {1, 2, 3.00001f}, probs(new float[] {1, 2, 3.00001f}));
        v.add("b.png", new float[] {3, 2, 1}, new float[] {3.0002f, 2, 1}, probs(new float[] {3.0002f, 2, 1}));
        assertTrue(v.passed());
        assertEquals(1.0, v.top1Agreement());
        assertEquals("b.png", v.worst(1).get(0).name());
        assertEquals(2e-4, v.maxLogitDiff(), 1e-6);
        Map<String, Object> json = v.json();
        assertEquals("b.png", ((Map<?, ?>) json.get("worst_image")).get("path"));
    }

    @Test
    void aDifferenceAboveTheToleranceOrAnotherTop1Fails() {
        Verification far = new Verification(1e-4);
        far.add("a.png", new float[] {1, 2, 3}, new float[] {1, 2, 3.1f}, probs(new float[] {1, 2, 3.1f}));
        assertFalse(far.passed());

        Verification flipped = new Verification(0.5);
        flipped.add("b.png", new float[] {0, 0, 3}, new float[] {0, 3, 0}, probs(new float[] {0, 3, 0}));
        assertFalse(flipped.passed(), "within the probability tolerance, but a clear top-1 change");
        assertEquals(1, flipped.disagreements().size());
    }

    @Test
    void aTopOneSwapBetweenClassesTheTrainedNetworkScoresEquallyIsANearTieNotAFailure() {
        Verification v = new Verification(1e-4);
        v.add("tie.png", new float[] {2, 2.00001f, 0}, new float[] {2.00002f, 2.00001f, 0}, probs(new float[] {2.00002f, 2.00001f, 0}));
        assertTrue(v.passed(), v.json().toString());
        assertEquals(1, v.nearTies().size());
        assertEquals(0.0, v.top1Agreement());
    }
}
