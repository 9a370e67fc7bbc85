package io.wkforge.plan;

import io.wkforge.lang.model.ClassDef;
import io.wkforge.lang.schema.StageId;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One unit of work of a stage, with everything its cache key is made of. Most stages have one
 * task; {@code frames} has one per video, so adding a video extracts only that video.
 *
 * @param id         unique and stable across runs, e.g. {@code frames/01_scene_tree/tree.avi}
 * @param settings   the settings the stage reads (schema order), as recipe text
 * @param inputs     input files by label, content-hashed for the key
 * @param upstream   stages whose committed outputs this task reads
 * @param classDef   the class of a per-video task, else null
 * @param video      the video of a per-video task, else null
 * @param videoStem  the name a per-video task uses in output file names (unique within its class)
 */
public record TaskSpec(StageId stage, String id, Map<String, String> settings, Map<String, Path> inputs,
                       List<StageId> upstream, ClassDef classDef, Path video, String videoStem) {

    public boolean isPerVideo() {
        return video != null;
    }
}
