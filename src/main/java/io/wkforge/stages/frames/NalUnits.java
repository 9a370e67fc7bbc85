package io.wkforge.stages.frames;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_HEVC;

import java.nio.ByteBuffer;

/**
 * What the NAL unit headers of an H.264 or HEVC packet say, read without decoding: whether the
 * packet is an IDR picture (after which no picture refers to any before it) and how many pictures
 * begin in it. Packets come length-prefixed from MP4, Matroska and MOV (the length size is in the
 * {@code avcC}/{@code hvcC} extradata) or with Annex-B start codes from raw streams and MPEG-TS.
 *
 * <p>Only IDR pictures count as a clean cut: H.264 {@code nal_unit_type} 5, HEVC 19 and 20
 * (IDR_W_RADL, IDR_N_LP), and for HEVC only without {@code no_output_of_prior_pics_flag} (which
 * would let the decoder discard pictures it has not output yet). An HEVC CRA (21) or an open-GOP
 * H.264 I-frame is not one: the leading pictures after it may refer to pictures before it.
 * Anything that does not parse cleanly is "not IDR", which only costs decoding work.
 */
final class NalUnits {
    /**
     * @param idr      every picture slice in the packet is an IDR slice (and there is at least one)
     * @param pictures pictures that begin in the packet (slices with first_mb_in_slice 0 /
     *                 first_slice_segment_in_pic_flag), or -1 when the packet did not parse
     */
    record Packet(boolean idr, int pictures) {
        static final Packet UNKNOWN = new Packet(false, -1);
    }

    private static final int H264_SLICE = 1;
    private static final int H264_IDR = 5;
    private static final int H264_SPS = 7;
    private static final int HEVC_LAST_VCL = 31;
    private static final int HEVC_FIRST_IRAP = 16;
    private static final int HEVC_LAST_IRAP = 23;
    private static final int HEVC_IDR_W_RADL = 19;
    private static final int HEVC_IDR_N_LP = 20;
    private static final int HEVC_SPS = 33;

    private final boolean hevc;
    /** Bytes of each NAL unit's length prefix, or 0 for Annex-B start codes. */
    private final int lengthSize;
    private int spsSeen;
    private boolean unordered;

    private NalUnits(boolean hevc, int lengthSize) {
        this.hevc = hevc;
        this.lengthSize = lengthSize;
    }

    /** For an H.264 or HEVC stream, given its extradata; null for other codecs. */
    static NalUnits of(int codecId, byte[] extradata) {
        boolean hevc = codecId == AV_CODEC_ID_HEVC;
        if (!hevc && codecId != AV_CODEC_ID_H264) return null;
        byte[] x = extradata == null ? new byte[0] : extradata;
        // avcC and hvcC start with configurationVersion 1; Annex-B extradata with a start code
        int lengthSize = 0;
        if (x.length > 21 && hevc && x[0] == 1) lengthSize = (x[21] & 3) + 1;
        else if (x.length > 6 && !hevc && x[0] == 1) lengthSize = (x[4] & 3) + 1;
        NalUnits n = new NalUnits(hevc, lengthSize);
        if (lengthSize == 0) n.inspect(ByteBuffer.wrap(x));
        else if (!hevc) n.avcCParameterSets(x);
        return n;
    }

    /**
     * Whether every sequence parameter set seen so far (at least one) promises that each picture
     * is a frame output in decoding order, so that a packet that begins one picture is one frame,
     * in its place. H.264: {@code frame_mbs_only_flag} 1 (no field pairs) and either
     * {@code pic_order_cnt_type} 2 (output order is decoding order by construction) or a VUI
     * {@code max_num_reorder_frames} of 0. HEVC: {@code sps_max_num_reorder_pics} 0 on every
     * sub-layer (HEVC codes fields as separate pictures, each output on its own). Once one SPS
     * fails to promise it (or does not parse), it stays false.
     */
    boolean outputInDecodeOrder() {
        return spsSeen > 0 && !unordered;
    }

    /** Reads the packet's NAL unit headers (and H.264 sequence parameter sets). */
    Packet inspect(ByteBuffer data) {
        Scan s = new Scan();
        int end = data.limit();
        if (lengthSize > 0) {
            int pos = 0;
            while (pos < end) {
                if (end - pos < lengthSize) return Packet.UNKNOWN;
                long len = 0;
                for (int i = 0; i < lengthSize; i++) len = (len << 8) | (data.get(pos + i) & 0xff);
                pos += lengthSize;
                if (len <= 0 || len > end - pos) return Packet.UNKNOWN;
                if (!s.nal(data, pos, (int) (pos + len))) return Packet.UNKNOWN;
                pos += (int) len;
            }
        } else {
            int start = nextStartCode(data, 0, end);
            while (start >= 0) {
                int nal = start + 3;
                int next = nextStartCode(data, nal, end);
                if (!s.nal(data, nal, next < 0 ? end : next)) return Packet.UNKNOWN;
                start = next;
            }
        }
        return new Packet(s.slices > 0 && s.idrSlices == s.slices && !s.noOutputOfPriorPics, s.pictures);
    }

    /** Position of the next 00 00 01 at or after {@code from}, or -1. */
    private static int nextStartCode(ByteBuffer d, int from, int end) {
        for (int i = from; i + 2 < end; i++) {
            if ((d.get(i + 2) & 0xff) > 1) {
                i += 2; // neither of the next two positions can start 00 00 01
            } else if (d.get(i) == 0 && d.get(i + 1) == 0 && d.get(i + 2) == 1) {
                return i;
            }
        }
        return -1;
    }

    /** One packet's tally. */
    private final class Scan {
        int slices;
        int idrSlices;
        int pictures;
        boolean noOutputOfPriorPics;

        /** NAL unit at [from, to); false when it cannot be a NAL unit. */
        boolean nal(ByteBuffer d, int from, int to) {
            if (to - from < (hevc ? 2 : 1)) return to == from; // zero bytes before a 4-byte start code
            int b0 = d.get(from) & 0xff;
            if ((b0 & 0x80) != 0) return false; // forbidden_zero_bit
            if (hevc) {
                int type = (b0 >> 1) & 0x3f;
                int layer = ((b0 & 1) << 5) | ((d.get(from + 1) & 0xff) >> 3);
                if (type == HEVC_SPS && layer == 0) hevcSps(d, from + 2, to);
                if (type > HEVC_LAST_VCL || layer != 0) return true;
                if (to - from < 3) return false;
                int b2 = d.get(from + 2) & 0xff;
                slices++;
                if ((b2 & 0x80) != 0) pictures++; // first_slice_segment_in_pic_flag
                if (type == HEVC_IDR_W_RADL || type == HEVC_IDR_N_LP) idrSlices++;
                if (type >= HEVC_FIRST_IRAP && type <= HEVC_LAST_IRAP && (b2 & 0x40) != 0) noOutputOfPriorPics = true;
                return true;
            }
            int type = b0 & 0x1f;
            if (type == H264_SPS) {
                sps(d, from + 1, to);
            } else if (type >= H264_SLICE && type <= H264_IDR) {
                if (to - from < 2) return false;
                slices++;
                if ((d.get(from + 1) & 0x80) != 0) pictures++; // first_mb_in_slice 0: ue(v) "1"
                if (type == H264_IDR) idrSlices++;
            }
            return true;
        }
    }

    private void avcCParameterSets(byte[] x) {
        int count = x[5] & 0x1f;
        int pos = 6;
        for (int i = 0; i < count && pos + 2 <= x.length; i++) {
            int len = ((x[pos] & 0xff) << 8) | (x[pos + 1] & 0xff);
            pos += 2;
            if (len < 1 || pos + len > x.length) return;
            sps(ByteBuffer.wrap(x), pos + 1, pos + len);
            pos += len;
        }
    }

    /** An H.264 sequence parameter set's payload at [from, to): notes whether it allows fields. */
    private void sps(ByteBuffer d, int from, int to) {
        spsSeen++;
        try {
            Bits b = new Bits(d, from, to);
            int profile = b.u(8);
            b.u(16); // constraint flags, level_idc
            b.ue(); // seq_parameter_set_id
            if (profile == 100 || profile == 110 || profile == 122 || profile == 244 || profile == 44 || profile == 83
                    || profile == 86 || profile == 118 || profile == 128 || profile == 138 || profile == 139
                    || profile == 134 || profile == 135) {
                int chroma = b.ue();
                if (chroma == 3) b.u(1); // separate_colour_plane_flag
                b.ue(); // bit_depth_luma_minus8
                b.ue(); // bit_depth_chroma_minus8
                b.u(1); // qpprime_y_zero_transform_bypass_flag
                if (b.u(1) == 1) { // seq_scaling_matrix_present_flag
                    for (int i = 0; i < (chroma == 3 ? 12 : 8); i++) {
                        if (b.u(1) == 1) scalingList(b, i < 6 ? 16 : 64);
                    }
                }
            }
            b.ue(); // log2_max_frame_num_minus4
            int pocType = b.ue();
            if (pocType == 0) {
                b.ue(); // log2_max_pic_order_cnt_lsb_minus4
            } else if (pocType == 1) {
                b.u(1); // delta_pic_order_always_zero_flag
                b.se(); // offset_for_non_ref_pic
                b.se(); // offset_for_top_to_bottom_field
                int n = b.ue();
                for (int i = 0; i < n; i++) b.se();
            }
            b.ue(); // max_num_ref_frames
            b.u(1); // gaps_in_frame_num_value_allowed_flag
            b.ue(); // pic_width_in_mbs_minus1
            b.ue(); // pic_height_in_map_units_minus1
            if (b.u(1) == 0) { // frame_mbs_only_flag: else fields, two packets to a frame
                unordered = true;
                return;
            }
            b.u(1); // direct_8x8_inference_flag
            if (b.u(1) == 1) for (int i = 0; i < 4; i++) b.ue(); // frame cropping
            // pic_order_cnt_type 2: pictures are output in decoding order by construction
            if (pocType != 2 && vuiReorderFrames(b) != 0) unordered = true;
        } catch (IndexOutOfBoundsException | IllegalStateException e) {
            unordered = true; // cannot tell: assume the worst
        }
    }

    /** max_num_reorder_frames from the VUI's bitstream restriction, or -1 when it is not there. */
    private static int vuiReorderFrames(Bits b) {
        if (b.u(1) == 0) return -1; // vui_parameters_present_flag
        if (b.u(1) == 1 && b.u(8) == 255) b.u(32); // aspect ratio (Extended_SAR: sar width and height)
        if (b.u(1) == 1) b.u(1); // overscan
        if (b.u(1) == 1) { // video signal type
            b.u(4);
            if (b.u(1) == 1) b.u(24); // colour description
        }
        if (b.u(1) == 1) { // chroma sample location
            b.ue();
            b.ue();
        }
        if (b.u(1) == 1) { // timing
            b.u(32);
            b.u(32);
            b.u(1);
        }
        boolean nal = b.u(1) == 1;
        if (nal) hrd(b);
        boolean vcl = b.u(1) == 1;
        if (vcl) hrd(b);
        if (nal || vcl) b.u(1); // low_delay_hrd_flag
        b.u(1); // pic_struct_present_flag
        if (b.u(1) == 0) return -1; // bitstream_restriction_flag
        b.u(1); // motion_vectors_over_pic_boundaries_flag
        for (int i = 0; i < 4; i++) b.ue(); // max bytes per picture, bits per macroblock, motion vector lengths
        return b.ue(); // max_num_reorder_frames
    }

    private static void hrd(Bits b) {
        int cpbs = b.ue() + 1;
        b.u(8); // bit_rate_scale, cpb_size_scale
        for (int i = 0; i < cpbs; i++) {
            b.ue();
            b.ue();
            b.u(1);
        }
        b.u(20); // four 5-bit lengths and delays
    }

    /** An HEVC sequence parameter set's payload at [from, to): notes whether any picture may be reordered. */
    private void hevcSps(ByteBuffer d, int from, int to) {
        spsSeen++;
        try {
            Bits b = new Bits(d, from, to);
            b.u(4); // sps_video_parameter_set_id
            int subLayers = b.u(3); // sps_max_sub_layers_minus1
            b.u(1); // sps_temporal_id_nesting_flag
            b.u(32);
            b.u(32);
            b.u(24); // general profile, tier, flags, constraints
            b.u(8); // general_level_idc
            boolean[] profile = new boolean[subLayers];
            boolean[] level = new boolean[subLayers];
            for (int i = 0; i < subLayers; i++) {
                profile[i] = b.u(1) == 1;
                level[i] = b.u(1) == 1;
            }
            if (subLayers > 0) for (int i = subLayers; i < 8; i++) b.u(2);
            for (int i = 0; i < subLayers; i++) {
                if (profile[i]) {
                    b.u(32);
                    b.u(32);
                    b.u(24);
                }
                if (level[i]) b.u(8);
            }
            b.ue(); // sps_seq_parameter_set_id
            if (b.ue() == 3) b.u(1); // chroma_format_idc, separate_colour_plane_flag
            b.ue();
            b.ue(); // picture size
            if (b.u(1) == 1) for (int i = 0; i < 4; i++) b.ue(); // conformance window
            b.ue();
            b.ue(); // bit depths
            b.ue(); // log2_max_pic_order_cnt_lsb_minus4
            boolean perLayer = b.u(1) == 1;
            for (int i = perLayer ? 0 : subLayers; i <= subLayers; i++) {
                b.ue(); // sps_max_dec_pic_buffering_minus1
                if (b.ue() != 0) unordered = true; // sps_max_num_reorder_pics
                b.ue(); // sps_max_latency_increase_plus1
            }
        } catch (IndexOutOfBoundsException | IllegalStateException e) {
            unordered = true;
        }
    }

    private static void scalingList(Bits b, int size) {
        int last = 8;
        int next = 8;
        for (int j = 0; j < size; j++) {
            if (next != 0) next = (last + b.se() + 256) % 256;
            last = next == 0 ? last : next;
        }
    }

    /** Reads the bits of a NAL unit's payload, leaving out its emulation prevention bytes (00 00 03). */
    private static final class Bits {
        private final ByteBuffer d;
        private final int to;
        private int pos;
        private int zeros;
        private int current;
        private int left;

        Bits(ByteBuffer d, int from, int to) {
            this.d = d;
            this.pos = from;
            this.to = to;
        }

        private int bit() {
            if (left == 0) {
                if (pos >= to) throw new IndexOutOfBoundsException("past the end of the NAL unit");
                int v = d.get(pos++) & 0xff;
                if (zeros >= 2 && v == 3) {
                    if (pos >= to) throw new IndexOutOfBoundsException("past the end of the NAL unit");
                    v = d.get(pos++) & 0xff;
                    zeros = 0;
                }
                zeros = v == 0 ? zeros + 1 : 0;
                current = v;
                left = 8;
            }
            left--;
            return (current >> left) & 1;
        }

        int u(int n) {
            int v = 0;
            for (int i = 0; i < n; i++) v = (v << 1) | bit();
            return v;
        }

        int ue() {
            int lead = 0;
            while (bit() == 0) {
                if (++lead > 31) throw new IllegalStateException("bad Exp-Golomb code");
            }
            return (int) ((1L << lead) - 1 + (lead == 0 ? 0 : u(lead)));
        }

        int se() {
            int k = ue();
            return (k & 1) == 1 ? (k + 1) / 2 : -(k / 2);
        }
    }
}
