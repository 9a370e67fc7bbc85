package io.wkforge.cli;

import io.wkforge.caffe.lint.CaffeLinter;
import io.wkforge.caffe.lint.LintOptions;
import io.wkforge.caffe.lint.LintResult;
import io.wkforge.caffe.lint.NnieTarget;
import io.wkforge.caffe.text.Prototxt;
import io.wkforge.lang.source.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reading and linting prototxt files for `lint-caffe` and `graph`, with user-facing errors. */
final class PrototxtFiles {
    private PrototxtFiles() {}

    static Prototxt read(Path file) {
        if (!Files.exists(file)) throw new RecipeLoader.UnreadableRecipe(file, "no such file");
        if (Files.isDirectory(file)) throw new RecipeLoader.UnreadableRecipe(file, "is a folder, not a prototxt file");
        try {
            return Prototxt.parse(SourceFile.read(file));
        } catch (java.nio.charset.MalformedInputException e) {
            String hint = file.toString().endsWith(".caffemodel") ? " (a .caffemodel holds weights; give the .prototxt)" : "";
            throw new RecipeLoader.UnreadableRecipe(file, "not a text prototxt (not UTF-8)" + hint);
        } catch (SourceFile.TooLarge e) {
            throw new RecipeLoader.UnreadableRecipe(file, e.getMessage());
        } catch (IOException e) {
            throw new RecipeLoader.UnreadableRecipe(file, "cannot read: " + e.getMessage());
        }
    }

    static NnieTarget target(String id, List<String> allowedTypes) {
        NnieTarget t = NnieTarget.byId(id);
        if (t == null) throw new UserError("unknown --target `" + id + "`; known: " + String.join(", ", NnieTarget.ids()));
        return t.allowing(allowedTypes);
    }

    static LintResult lint(Path file, NnieTarget target, boolean featureMapInput) {
        return new CaffeLinter(new LintOptions(target, !featureMapInput)).lint(read(file));
    }
}
