package io.wkforge.stages.deploy;

import io.wkforge.lang.model.BoardApp;
import io.wkforge.lang.model.ClassDef;
import java.util.List;

/** {@code labels.txt}: per class index, the class, its nature, and what the board app reports for it. */
final class LabelsFile {
    private LabelsFile() {}

    static String text(String recipeName, List<ClassDef> classes, BoardApp app) {
        StringBuilder sb = new StringBuilder();
        sb.append("# labels of recipe ").append(recipeName).append(": one line per network output\n");
        sb.append("# index name nature app_reports   (app_reports: the category ohos_camera_ai_demo shows for this index)\n");
        for (ClassDef c : classes) {
            sb.append(c.index()).append(' ').append(c.name()).append(' ').append(c.nature()).append(' ')
                    .append(app.categoryOf(c.index())).append('\n');
        }
        return sb.toString();
    }
}
