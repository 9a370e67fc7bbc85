package io.wkforge.demo;

import java.util.Random;

/**
 * What goes wrong while a handheld camera records, in frame ranges of one clip: the picture
 * freezes (the encoder repeats a frame: duplicates), the lens hunts for focus (blur), the lens is
 * covered (black). These are the frames {@code clean} exists to drop. A range with length 0 does
 * not happen in this clip. Sized for clips of about eight seconds.
 */
record CameraFaults(int freezeStart, int freezeLength, int blurStart, int blurLength, int blackStart, int blackLength) {

    /**
     * Faults for clip {@code video} (1..5) of class {@code classIndex}: every kind occurs in some
     * clips of every class, and one clip of each class has all three (where class + video is 5),
     * so each class gives the cleaner work; most clips have one or two.
     */
    static CameraFaults plan(int classIndex, int video, int frames, double fps, Random r) {
        int second = (int) Math.round(fps);
        int k = classIndex + video;
        boolean freeze = k % 2 == 1;
        boolean blur = k % 3 != 1;
        boolean black = k % 4 == 1;
        // They never overlap, so each frame has one cause: the lens is covered as the recording starts
        // or as it ends, the picture freezes in the first half, the focus hunts after that.
        int blackLength = (int) (0.8 * second);
        int blackStart = r.nextBoolean() ? 0 : frames - blackLength;
        int freezeStart = second + r.nextInt(Math.max(1, 2 * second));
        int blurStart = (int) (frames * 0.6) + r.nextInt(Math.max(1, (int) (frames * 0.15)));
        return new CameraFaults(freezeStart, freeze ? (int) (1.6 * second) : 0,
                blurStart, blur ? second : 0,
                blackStart, black ? blackLength : 0);
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
