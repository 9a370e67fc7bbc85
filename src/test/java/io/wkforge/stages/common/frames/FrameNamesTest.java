package io.wkforge.stages.common.frames;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.wkforge.lang.model.ClassDef;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameNamesTest {
    private final ClassDef mushroom = new ClassDef(1, "kitchen", "mushroom", List.of(), false, null, null, null);

    @Test
    void fileNamesStartWithTheClassFolder() {
        assertEquals("01_kitchen_mushroom_clip_a_000042.png", FrameNames.fileName(mushroom, "clip_a", 42, "png"));
    }

    @Test
    void videoStemComesBackFromTheName() {
        assertEquals("clip_a", FrameNames.videoStemOf("01_kitchen_mushroom", "01_kitchen_mushroom_clip_a_000042.png"));
        assertEquals("x_000001", FrameNames.videoStemOf("01_kitchen_mushroom", "01_kitchen_mushroom_x_000001_000002.jpg"));
        assertNull(FrameNames.videoStemOf("01_kitchen_mushroom", "02_other_x_000001.png"));
        assertNull(FrameNames.videoStemOf("01_kitchen_mushroom", "01_kitchen_mushroom_nonumber.png"));
    }
}
