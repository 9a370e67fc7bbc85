package io.wkforge.demo;

import java.util.Random;

/**
 * What goes wrong while a handheld camera records, in frame ranges of one clip: the picture
 * freezes (the encoder repeats a frame: duplicates), the lens hunts for focus (blur), the lens is
 * covered (black). These are the frames {@code clean} exists to drop. A range with length 0 does
 * not happen in this clip.
 */
record CameraFaults(int freezeStart, int freezeLength, int blurStart, int blurLength, int blackStart, int blackLength) {

    /**
     * Faults for clip {@code video} of class {@code classIndex}: every kind occurs in some clips of
     * every class (so each class gives the cleaner work), never all in every clip.
     */
    static CameraFaults plan(int classIndex, int video, int frames, double fps, Random r) {
        int second = (int) Math.round(fps);
        boolean freeze = (classIndex + video) % 2 == 0;
        boolean blur = (classIndex + video) % 3 != 1;
        boolean black = (classIndex + 2 * video) % 4 == 1;
        // freeze and blur happen somewhere in the middle, in different halves of the clip
        int freezeStart = second + r.nextInt(Math.max(1, frames / 2 - 3 * second));
        int blurStart = frames / 2 + r.nextInt(Math.max(1, frames / 2 - 2 * second));
        // a covered lens: at the very start (the cap comes off) or somewhere later
        int blackStart = r.nextBoolean() ? 0 : frames / 3 + r.nextInt(Math.max(1, frames / 3));
        return new CameraFaults(freezeStart, freeze ? (int) (1.6 * second) : 0,
                blurStart, blur ? second : 0,
                blackStart, black ? (int) (0.8 * second) : 0);
    }

    boolean frozen(int i) {
        return i > freezeStart && i < freezeStart + freezeLength;
    }

    boolean blurred(int i) {
        return i >= blurStart && i < blurStart + blurLength;
    }

    boolean black(int i) {
        return i >= blackStart && i < blackStart + blackLength;
    }
}
