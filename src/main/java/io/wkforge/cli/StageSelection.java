package io.wkforge.cli;

import io.wkforge.lang.schema.StageId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Turns --only / --until / --force into stage sets, with usage errors for unknown stage ids. */
final class StageSelection {
    private StageSelection() {}

    static StageId parse(String text, String flag) {
        StageId s = StageId.parse(text);
        if (s == null) {
            String all = Arrays.stream(StageId.values()).map(StageId::id).collect(Collectors.joining(", "));
            String dym = io.wkforge.lang.check.Spelling.didYouMean(text,
                    Arrays.stream(StageId.values()).map(StageId::id).toList());
            throw new UserError(flag + ": unknown stage `" + text + "`" + (dym != null ? "; " + dym : "")
                    + " (stages: " + all + ")");
        }
        return s;
    }

    static List<StageId> stages(String only, String until) {
        if (only != null && until != null) throw new UserError("--only and --until cannot be combined");
        if (only != null) return List.of(parse(only, "--only"));
        List<StageId> out = new ArrayList<>();
        StageId last = until == null ? null : parse(until, "--until");
        for (StageId s : StageId.values()) {
            out.add(s);
            if (s == last) break;
        }
        return out;
    }

    static Set<StageId> forced(List<String> force) {
        Set<StageId> out = EnumSet.noneOf(StageId.class);
        if (force != null) for (String f : force) out.add(parse(f, "--force"));
        return out;
    }
}
