package io.wkforge.run;

import io.wkforge.lang.schema.StageId;
import java.util.EnumMap;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The stages this build of wkforge implements, found with {@link ServiceLoader} so that heavy
 * stage code (FFmpeg, libtorch) is only loaded when a run needs it. A stage with no
 * implementation is refused by name; it is never faked.
 */
public final class StageRegistry {
    private final Map<StageId, StageRunner> runners = new EnumMap<>(StageId.class);

    public static StageRegistry discover() {
        StageRegistry r = new StageRegistry();
        for (StageRunner s : ServiceLoader.load(StageRunner.class)) r.register(s);
        return r;
    }

    public StageRegistry register(StageRunner runner) {
        runners.put(runner.stage(), runner);
        return this;
    }

    public StageRunner get(StageId stage) {
        return runners.get(stage);
    }

    public boolean has(StageId stage) {
        return runners.containsKey(stage);
    }
}
