package io.wkforge.stages.common.wk;

/** SVP_BLOB_TYPE_E, the byte at +14 of a .wk blob record (from the vendor SDK's header). */
public enum BlobType {
    S32(0), U8(1), YVU420SP(2), YVU422SP(3), VEC_S32(4), SEQ_S32(5);

    private final int code;

    BlobType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The name of a stored type, or {@code unknown(9)}. */
    public static String nameOf(int code) {
        for (BlobType t : values()) if (t.code == code) return t.name();
        return "unknown(" + code + ")";
    }

    /**
     * The input blob type the mapper gives for a cfg {@code image_type} code (0 feature map, 1 U8,
     * 3 YUV420SP, 5 YUV422SP): the SDK samples' input blob carries the type this key holds.
     */
    public static BlobType forImageType(String imageType) {
        return switch (imageType) {
            case "feature_map" -> S32;
            case "u8" -> U8;
            case "yuv420sp" -> YVU420SP;
            case "yuv422sp" -> YVU422SP;
            default -> null;
        };
    }
}
