package io.wkforge.stages.frames;

import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.ffmpeg.global.swscale;

/**
 * Loads FFmpeg's native libraries through JavaCPP, one thread at a time. JavaCPP's loader can
 * deadlock when threads load at once: one thread holds the loader's lock while a library's
 * JNI_OnLoad waits for {@link Pointer}'s class to be initialised, and another thread
 * initialising {@code Pointer} waits for the loader's lock. That happened when the stage's
 * background warm-up and its first tasks (decoders, encoder threads) started together. So every
 * path of this stage into FFmpeg comes here first; once it has returned, the libraries and
 * {@code Pointer} are initialised and later uses take no loading lock for long.
 */
final class FfmpegLibraries {
    private static volatile boolean loaded;

    private FfmpegLibraries() {}

    static void load() {
        if (loaded) return;
        synchronized (FfmpegLibraries.class) {
            if (loaded) return;
            Pointer.maxBytes(); // initialises Pointer (which loads JavaCPP itself) before any library needs it
            Loader.load(avutil.class);
            Loader.load(avformat.class);
            Loader.load(avcodec.class);
            Loader.load(swscale.class);
            loaded = true;
        }
    }
}
