package io.wkforge.stages.frames;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avutil.Callback_Pointer_int_BytePointer_Pointer;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * FFmpeg's log, taken over. Nothing is printed (a run over many videos would flood stderr), but
 * every error FFmpeg logs about the demuxer or decoder of a video being extracted is counted for
 * that video, as evidence of damage. Some damage shows nowhere else: a decoder that conceals a
 * broken picture says so only in its log ("error while decoding MB ..."), and a Matroska file
 * that ends early only logs "File ended prematurely" before reporting a normal end.
 *
 * <p>Messages are told apart by the {@code opaque} field of the demuxer's and decoder's contexts,
 * which each {@link Listener} sets to a tag of its own (decoder threads copy the field).
 */
final class FfmpegLog {
    private static final Map<Long, Listener> LISTENERS = new ConcurrentHashMap<>();
    private static final Pattern CONVERSION = Pattern.compile("%[-+ #0]*(\\d+|\\*)?(\\.(\\d+|\\*))?(hh|h|ll|l|z|j|t|L)?[diouxXeEfFgGcsp%]|%\"PRI[a-zA-Z0-9]+\"");
    private static volatile Callback callback; // referenced for as long as FFmpeg may call it

    private FfmpegLog() {}

    /** Errors logged about one video; tag its contexts with {@link #tag()} before opening them. */
    static final class Listener implements AutoCloseable {
        private final BytePointer tag = new BytePointer(1);
        private final AtomicInteger errors = new AtomicInteger();
        private volatile String first;

        private Listener() {
            LISTENERS.put(tag.address(), this);
        }

        Pointer tag() {
            return tag;
        }

        int errors() {
            return errors.get();
        }

        /** The first error message, or null. */
        String first() {
            return first;
        }

        private void error(String message) {
            if (errors.getAndIncrement() == 0) first = message;
        }

        @Override
        public void close() {
            LISTENERS.remove(tag.address());
            tag.close();
        }
    }

    static Listener listen() {
        install();
        return new Listener();
    }

    /** Replaces FFmpeg's printing log with the counting one (once per process). */
    static void install() {
        if (callback != null) return;
        FfmpegLibraries.load();
        synchronized (FfmpegLog.class) {
            if (callback == null) {
                Callback c = new Callback(avcodec.avcodec_get_class().address(), avformat.avformat_get_class().address());
                avutil.av_log_set_callback(c);
                callback = c;
            }
        }
    }

    private static final class Callback extends Callback_Pointer_int_BytePointer_Pointer {
        private final long codecClass;
        private final long formatClass;

        Callback(long codecClass, long formatClass) {
            this.codecClass = codecClass;
            this.formatClass = formatClass;
        }

        @Override
        public void call(Pointer context, int level, BytePointer format, Pointer args) {
            if (level > AV_LOG_ERROR || context == null || context.isNull() || LISTENERS.isEmpty()) return;
            try {
                Pointer avClass = new PointerPointer<Pointer>(context).get(0);
                if (avClass == null) return;
                Pointer opaque = avClass.address() == codecClass ? new AVCodecContext(context).opaque()
                        : avClass.address() == formatClass ? new AVFormatContext(context).opaque() : null;
                Listener l = opaque == null ? null : LISTENERS.get(opaque.address());
                if (l != null) l.error(line(format));
            } catch (RuntimeException | Error ignored) {
                // a log line must never break decoding
            }
        }

        /**
         * The message's template with its values left out ("error while decoding MB …"): filling
         * them in would need the va_list, which cannot safely cross into Java.
         */
        private static String line(BytePointer format) {
            if (format == null || format.isNull()) return "(no message)";
            return CONVERSION.matcher(format.getString(StandardCharsets.UTF_8)).replaceAll("…").strip();
        }
    }
}
