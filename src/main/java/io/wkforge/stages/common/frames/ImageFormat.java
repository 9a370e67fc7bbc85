package io.wkforge.stages.common.frames;

/** The image formats of {@code frames.format}. */
public enum ImageFormat {
    /** Lossless; written by {@link PngFrameEncoder} (Up filter, Huffman coding only: cheap on camera noise). */
    PNG("png", ".png"),
    /** Lossy, at the quality of {@code frames.quality}. */
    JPG("jpg", ".jpg");

    private final String extension;
    private final String encoderSuffix;

    ImageFormat(String extension, String encoderSuffix) {
        this.extension = extension;
        this.encoderSuffix = encoderSuffix;
    }

    public String extension() {
        return extension;
    }

    /** The suffix OpenCV's {@code imencode} selects its encoder by. */
    public String encoderSuffix() {
        return encoderSuffix;
    }

    public static ImageFormat of(String settingValue) {
        return valueOf(settingValue.toUpperCase(java.util.Locale.ROOT));
    }
}
