package io.wkforge.stages.nnie;

import io.wkforge.lang.model.Origin;
import io.wkforge.lang.model.Setting;

/** Where a setting's value comes from, as a user finds it: {@code file:line:col}, {@code --set} or {@code default}. */
final class SettingPlace {
    private SettingPlace() {}

    static String of(Setting s) {
        Origin o = s.origin();
        if (o.kind() != Origin.Kind.FILE || o.source() == null) return o.describe();
        int offset = s.values() != null && !s.values().isEmpty() ? s.values().get(0).span().start() : o.span().start();
        return o.source().displayName() + ":" + o.source().line(offset) + ":" + o.source().column(offset);
    }
}
