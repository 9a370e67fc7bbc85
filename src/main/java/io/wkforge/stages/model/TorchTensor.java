package io.wkforge.stages.model;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import net.razorvine.pickle.PickleException;

/**
 * A tensor as a torch.save pickle describes it: a view (offset, shape, strides) of a storage whose
 * bytes are read separately. Its values are converted to float32 only when asked for, so listing a
 * file's tensors (inspect, check) reads no tensor data.
 */
final class TorchTensor {
    /** Supported dtypes, for messages. */
    static final String SUPPORTED = "float32, float64, float16, bfloat16 (and int64 counters)";

    /** One storage of the file: its dtype, element count, and bytes once read. */
    static final class Storage {
        final String key;
        final TorchUnpickler.StorageType type;
        final long numel;
        private ByteBuffer bytes;

        Storage(String key, TorchUnpickler.StorageType type, long numel) {
            this.key = key;
            this.type = type;
            this.numel = numel;
        }

        long byteLength() {
            return numel * type.elementSize();
        }

        void fill(byte[] data, ByteOrder order) throws IOException {
            if (data.length < byteLength()) {
                throw new IOException("storage " + key + " holds " + data.length + " bytes, its tensors need " + byteLength()
                        + " (the file is truncated or damaged)");
            }
            bytes = ByteBuffer.wrap(data).order(order);
        }

        boolean filled() {
            return bytes != null;
        }
    }

    final Storage storage;
    final long offset;
    final long[] shape;
    final long[] stride;

    private TorchTensor(Storage storage, long offset, long[] shape, long[] stride) {
        this.storage = storage;
        this.offset = offset;
        this.shape = shape;
        this.stride = stride;
    }

    /** {@code torch._utils._rebuild_tensor_v2(storage, offset, size, stride, requires_grad, hooks, ...)}. */
    static Object fromRebuildArgs(Object[] args) {
        if (args.length < 4 || !(args[0] instanceof Storage s)) throw new PickleException("a tensor without a storage");
        long[] shape = longs(args[2]);
        long[] stride = longs(args[3]);
        if (shape.length != stride.length) throw new PickleException("a tensor whose shape and strides differ in length");
        long offset = ((Number) args[1]).longValue();
        long last = offset;
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] < 0 || stride[i] < 0) throw new PickleException("a tensor with a negative size or stride");
            if (shape[i] == 0) return new TorchTensor(s, offset, shape, stride);
            last = Math.addExact(last, Math.multiplyExact(shape[i] - 1, stride[i]));
        }
        if (offset < 0 || last >= s.numel) {
            throw new PickleException("a tensor reaches past its storage (element " + last + " of " + s.numel + ")");
        }
        return new TorchTensor(s, offset, shape, stride);
    }

    private static long[] longs(Object tuple) {
        if (!(tuple instanceof Object[] a)) throw new PickleException("a tensor size that is not a tuple");
        long[] out = new long[a.length];
        for (int i = 0; i < a.length; i++) out[i] = ((Number) a[i]).longValue();
        return out;
    }

    String dtype() {
        return storage.type.dtype();
    }

    long elements() {
        long n = 1;
        for (long d : shape) n = Math.multiplyExact(n, d);
        return n;
    }

    String shapeText() {
        return Arrays.toString(shape);
    }

    /** The values as float32 in row-major order. */
    Tensor toTensor(String name) throws IOException {
        if (!storage.type.supported()) {
            throw new IOException("tensor `" + name + "` is " + dtype() + ", which wkforge does not read (it reads " + SUPPORTED + ")");
        }
        if (!storage.filled()) throw new IOException("the data of tensor `" + name + "` is missing (the file is truncated)");
        long n = elements();
        if (n > Integer.MAX_VALUE) throw new IOException("tensor `" + name + "` is too large (" + n + " values)");
        float[] out = new float[(int) n];
        if (contiguous() && dtype().equals("float32")) { // the usual case: one bulk copy
            ByteBuffer b = storage.bytes.duplicate().order(storage.bytes.order());
            b.position(Math.toIntExact(offset * 4));
            b.slice().order(storage.bytes.order()).asFloatBuffer().get(out);
            return new Tensor(shape.clone(), out);
        }
        int rank = shape.length;
        long[] index = new long[rank];
        long at = offset;
        for (int i = 0; i < out.length; i++) {
            out[i] = value(at);
            for (int d = rank - 1; d >= 0; d--) { // odometer over the view: strides need not be contiguous
                index[d]++;
                at += stride[d];
                if (index[d] < shape[d]) break;
                at -= stride[d] * shape[d];
                index[d] = 0;
            }
        }
        return new Tensor(shape.clone(), out);
    }

    /** Whether the view is row-major without gaps (what state_dict() tensors are). */
    private boolean contiguous() {
        long expected = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            if (shape[d] != 1 && stride[d] != expected) return false;
            expected *= shape[d];
        }
        return true;
    }

    private float value(long element) {
        ByteBuffer b = storage.bytes;
        int pos = Math.toIntExact(element * storage.type.elementSize());
        return switch (storage.type.dtype()) {
            case "float32" -> b.getFloat(pos);
            case "float64" -> (float) b.getDouble(pos);
            case "float16" -> halfToFloat(b.getShort(pos));
            case "bfloat16" -> Float.intBitsToFloat((b.getShort(pos) & 0xffff) << 16);
            case "int64" -> (float) b.getLong(pos);
            default -> throw new IllegalStateException(storage.type.dtype());
        };
    }

    /** IEEE 754 binary16 to float (JDK 17 has no Float.float16ToFloat). */
    static float halfToFloat(short h) {
        int bits = h & 0xffff;
        int sign = (bits & 0x8000) << 16;
        int exp = (bits >>> 10) & 0x1f;
        int mant = bits & 0x3ff;
        if (exp == 0x1f) return Float.intBitsToFloat(sign | 0x7f800000 | (mant << 13));
        if (exp == 0) {
            float v = mant * 0x1p-24f; // subnormal
            return sign == 0 ? v : -v;
        }
        return Float.intBitsToFloat(sign | ((exp + 112) << 23) | (mant << 13));
    }
}
