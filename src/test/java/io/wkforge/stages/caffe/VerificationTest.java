package io.wkforge.stages.caffe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Caffe side's probabilities are written out, computed independently of the code under test
 * (Python: {@code e = [math.exp(x) for x in l]; [x / sum(e) for x in e]}), so a wrong softmax
 * in {@link Verification} cannot agree with itself.
 */
class VerificationTest {
    @Test
    void softmaxMatchesIndependentValuesAndSurvivesLargeLogits() {
        double[] p = Verification.softmax(new float[] {1, 2, 3});
        double[] expected = {0.090030573, 0.244728471, 0.665240956};
        for (int i = 0; i < 3; i++) assertEquals(expected[i], p[i], 1e-8, "class " + i);
        double[] shifted = Verification.softmax(new float[] {1000, 1001, 1002});
        for (int i = 0; i < 3; i++) assertEquals(expected[i], shifted[i], 1e-8, "a shift changes nothing, and exp(1000) does not overflow");
    }

    @Test
    void aFaithfulCaffeModelPassesAndTheWorstImageIsNamed() {
        Verification v = new Verification(1e-4);
        v.add("a.png", new float[] {1, 2, 3}, new float[] {1, 2, 3.00001f}, new float[] {0.090029974f, 0.244726843f, 0.665243183f});
        v.add("b.png", new float[] {3, 2, 1}, new float[] {3.0002f, 2, 1}, new float[] {0.665285493f, 0.244695911f, 0.090018595f});
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
        far.add("a.png", new float[] {1, 2, 3}, new float[] {1, 2, 3.1f}, new float[] {0.084143553f, 0.228725892f, 0.687130554f});
        assertFalse(far.passed());

        Verification flipped = new Verification(0.5);
        flipped.add("b.png", new float[] {0, 0, 3}, new float[] {0, 3, 0}, new float[] {0.045278501f, 0.909442999f, 0.045278501f});
        assertFalse(flipped.passed(), "within the probability tolerance, but a clear top-1 change");
        assertEquals(1, flipped.disagreements().size());
    }

    @Test
    void aTopOneSwapBetweenClassesTheTrainedNetworkScoresEquallyIsANearTieNotAFailure() {
        Verification v = new Verification(1e-4);
        v.add("tie.png", new float[] {2, 2.00001f, 0}, new float[] {2.00002f, 2.00001f, 0}, new float[] {0.468313318f, 0.468308634f, 0.063378048f});
        assertTrue(v.passed(), v.json().toString());
        assertEquals(1, v.nearTies().size());
        assertEquals(0.0, v.top1Agreement());
    }
}
