package io.wkforge.stages.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import net.razorvine.pickle.IObjectConstructor;
import net.razorvine.pickle.PickleException;
import net.razorvine.pickle.Unpickler;

/**
 * The pickle protocol (Pyrolite's unpickler) restricted to what a PyTorch state dict is made of.
 *
 * <p>Why this is safe: in a pickle, code runs only through a name the file looks up (GLOBAL,
 * STACK_GLOBAL, INST, OBJ, the EXT registry), a persistent id the reader resolves, or BUILD
 * (which Pyrolite applies by reflection on a {@code __setstate__} method). This class overrides
 * every one of those opcodes: a name resolves only to the constructors of {@link #ALLOWED} (our
 * own code: an ordered dict, a tensor description, a storage type token), anything else stops
 * the read with {@link Refused} before the next opcode; INST, OBJ and EXT are refused outright;
 * BUILD is accepted only on an ordered dict (PyTorch's {@code _metadata}, which is ignored).
 * Pyrolite's global constructor registry is never consulted, so no Java class is reached by a
 * name in the file either. The remaining opcodes build only strings, numbers, lists, tuples and
 * dicts.
 */
final class TorchUnpickler extends Unpickler {
    private static final short GLOBAL = 'c';
    private static final short STACK_GLOBAL = 0x93;
    private static final short INST = 'i';
    private static final short OBJ = 'o';
    private static final short BUILD = 'b';
    private static final short EXT1 = 0x82;
    private static final short EXT2 = 0x83;
    private static final short EXT4 = 0x84;
    private static final short EMPTY_DICT = '}';
    private static final short SETITEMS = 'u';

    /** A name in the file that is not part of a state dict; nothing was looked up or run. */
    static final class Refused extends IOException {
        final String module;
        final String name;

        Refused(String module, String name, String message) {
            super(message);
            this.module = module;
            this.name = name;
        }

        String qualifiedName() {
            return module + "." + name;
        }
    }

    /** Carries a {@link Refused} out of a callback that cannot throw checked exceptions. */
    static final class RefusedUnchecked extends RuntimeException {
        final Refused refused;

        RefusedUnchecked(Refused refused) {
            super(refused.getMessage());
            this.refused = refused;
        }
    }

    /** {@code collections.OrderedDict}: a map that keeps its order and ignores PyTorch's {@code _metadata}. */
    static final class OrderedDict extends LinkedHashMap<Object, Object> {
        public void __setstate__(java.util.HashMap<?, ?> state) {
            // state holds `_metadata` (module versions), which loading does not need
        }
    }

    /** A storage type named in a persistent id ({@code torch.FloatStorage}): a dtype token. */
    record StorageType(String dtype, int elementSize, boolean supported) {}

    /** The storages of PyTorch, by class name, with their dtype and element size. */
    static final Map<String, StorageType> STORAGE_TYPES = storageTypes();

    private static Map<String, StorageType> storageTypes() {
        Map<String, StorageType> m = new LinkedHashMap<>();
        m.put("FloatStorage", new StorageType("float32", 4, true));
        m.put("DoubleStorage", new StorageType("float64", 8, true));
        m.put("HalfStorage", new StorageType("float16", 2, true));
        m.put("BFloat16Storage", new StorageType("bfloat16", 2, true));
        m.put("LongStorage", new StorageType("int64", 8, true));
        m.put("IntStorage", new StorageType("int32", 4, false));
        m.put("ShortStorage", new StorageType("int16", 2, false));
        m.put("CharStorage", new StorageType("int8", 1, false));
        m.put("ByteStorage", new StorageType("uint8", 1, false));
        m.put("BoolStorage", new StorageType("bool", 1, false));
        m.put("ComplexFloatStorage", new StorageType("complex64", 8, false));
        m.put("ComplexDoubleStorage", new StorageType("complex128", 16, false));
        m.put("QInt8Storage", new StorageType("qint8", 1, false));
        m.put("QUInt8Storage", new StorageType("quint8", 1, false));
        m.put("QInt32Storage", new StorageType("qint32", 4, false));
        return m;
    }

    /** Every name a state dict's pickle may use, and the (inert) object each one stands for. */
    private static final Map<String, Object> ALLOWED = allowed();

    private static Map<String, Object> allowed() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("collections.OrderedDict", (IObjectConstructor) args -> new OrderedDict());
        m.put("torch._utils._rebuild_tensor_v2", (IObjectConstructor) TorchTensor::fromRebuildArgs);
        m.put("torch._utils._rebuild_tensor", (IObjectConstructor) TorchTensor::fromRebuildArgs);
        // a Parameter saved directly (not through state_dict()): its tensor, nothing more
        m.put("torch._utils._rebuild_parameter", (IObjectConstructor) args -> args[0]);
        STORAGE_TYPES.forEach((name, type) -> m.put("torch." + name, type));
        return m;
    }

    private final Function<Object[], Object> persistentIds;

    /** @param persistentIds resolves a persistent id (a storage reference) to a {@link TorchTensor.Storage} */
    TorchUnpickler(Function<Object[], Object> persistentIds) {
        this.persistentIds = persistentIds;
    }

    /** Whether a qualified name is one this reader resolves. For the inspector's and check's messages. */
    static boolean allows(String qualifiedName) {
        return ALLOWED.containsKey(qualifiedName);
    }

    /** Reads one pickle from the stream (which stays positioned after its STOP). */
    Object read(InputStream in) throws IOException {
        try {
            return load(in);
        } catch (Refused e) {
            throw e;
        } catch (RefusedUnchecked e) {
            throw e.refused;
        } catch (IOException e) {
            throw new IOException("is truncated or damaged: its pickle ends early or cannot be read (" + e.getMessage() + ")", e);
        } catch (PickleException | ClassCastException | IndexOutOfBoundsException | NullPointerException
                 | IllegalArgumentException | ArithmeticException e) {
            throw new IOException("is damaged: its pickle cannot be read (" + e.getMessage() + ")", e);
        } catch (OutOfMemoryError e) {
            throw new IOException("is damaged: its pickle asks for more memory than there is");
        } catch (RuntimeException e) {
            if (e.getCause() instanceof IOException io) throw io;
            throw new IOException("is damaged: its pickle cannot be read (" + e + ")", e);
        }
    }

    @Override
    protected Object dispatch(short key) throws PickleException, IOException {
        switch (key) {
            case GLOBAL -> {
                String module = line();
                String name = line();
                stack.add(resolve(module, name));
                return NO_RETURN_VALUE;
            }
            case STACK_GLOBAL -> {
                Object name = stack.pop();
                Object module = stack.pop();
                if (!(name instanceof String n) || !(module instanceof String mod)) throw new PickleException("STACK_GLOBAL without names");
                stack.add(resolve(mod, n));
                return NO_RETURN_VALUE;
            }
            case INST, OBJ -> throw new Refused("?", "?", "builds an object of a Python class directly in its pickle (INST/OBJ), "
                    + "which a state dict never does");
            case EXT1, EXT2, EXT4 -> throw new Refused("?", "?", "refers to a class through the copyreg extension registry in its pickle, "
                    + "which a state dict never does");
            case EMPTY_DICT -> { // Python's dicts keep insertion order; a state dict's order is its layers'
                stack.add(new LinkedHashMap<Object, Object>());
                return NO_RETURN_VALUE;
            }
            case SETITEMS -> { // in the file's order (Pyrolite's own collects the pairs in a HashMap first)
                List<Object> pairs = stack.pop_all_since_marker();
                if (!(stack.peek() instanceof Map<?, ?> target) || pairs.size() % 2 != 0) throw new PickleException("SETITEMS without a dict");
                @SuppressWarnings("unchecked")
                Map<Object, Object> map = (Map<Object, Object>) target;
                for (int i = 0; i < pairs.size(); i += 2) map.put(pairs.get(i), pairs.get(i + 1));
                return NO_RETURN_VALUE;
            }
            case BUILD -> {
                Object state = stack.pop();
                Object target = stack.peek();
                if (!(target instanceof OrderedDict)) {
                    throw new Refused("?", "?", "sets the state of an object that is not an ordered dict in its pickle"
                            + (state == null ? "" : " (" + state.getClass().getSimpleName() + ")"));
                }
                return NO_RETURN_VALUE;
            }
            default -> {
                return super.dispatch(key);
            }
        }
    }

    @Override
    protected Object persistentLoad(Object pid) {
        if (!(pid instanceof Object[] tuple)) throw new PickleException("a persistent id that is not a tuple: " + pid);
        if (tuple.length > 0 && "module".equals(tuple[0])) { // the legacy format keeps a pickled module's source code
            throw new RefusedUnchecked(new Refused("torch.nn", "Module", "holds a module with its source code"));
        }
        return persistentIds.apply(tuple);
    }

    private Object resolve(String module, String name) throws Refused {
        Object o = ALLOWED.get(module + "." + name);
        if (o == null) throw new Refused(module, name, "refers to `" + module + "." + name + "` in its pickle");
        return o;
    }

    /** One text line of a GLOBAL opcode (module or name), bounded so a damaged file cannot make it huge. */
    private String line() throws IOException {
        StringBuilder sb = new StringBuilder();
        while (true) {
            int b = input.read();
            if (b < 0) throw new IOException("premature end of file");
            if (b == '\n') return sb.toString();
            if (sb.length() > 500) throw new PickleException("a class name longer than 500 characters");
            sb.append((char) b);
        }
    }

    /** Text of a list or tuple of names, for messages. */
    static List<String> strings(Object o) {
        List<String> out = new ArrayList<>();
        if (o instanceof Object[] a) {
            for (Object x : a) out.add(String.valueOf(x));
        } else if (o instanceof List<?> l) {
            for (Object x : l) out.add(String.valueOf(x));
        }
        return out;
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
