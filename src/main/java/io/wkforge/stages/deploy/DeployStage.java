package io.wkforge.stages.deploy;

import io.wkforge.lang.model.BoardApp;
import io.wkforge.lang.model.ClassDef;
import io.wkforge.lang.model.EffectiveRecipe;
import io.wkforge.lang.schema.StageId;
import io.wkforge.run.DoctorCheck;
import io.wkforge.run.StageException;
import io.wkforge.run.StageRunner;
import io.wkforge.run.TaskContext;
import io.wkforge.stages.deploy.ssh.SshConnector;
import io.wkforge.stages.deploy.ssh.SshTransport;
import io.wkforge.stages.common.wk.WkExpectation;
import io.wkforge.stages.common.wk.WkGate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * Stage {@code deploy}: writes the board bundle to {@code deploy/} (the .wk under the name the
 * app reads, its switch file, labels.txt, install.sh, SHA256SUMS), then copies it into the folder
 * the board mounts ({@code via dir}) or over SSH ({@code via ssh}), verified byte for byte, and
 * over SSH installs it and starts the app. The bundle is committed only when the push succeeded,
 * so a failed or interrupted push leaves the stage to run again.
 */
public final class DeployStage implements StageRunner {
    /** The first retry waits this long; each further one twice as long. */
    static final Duration BACKOFF = Duration.ofSeconds(1);

    private final Function<String, String> environment;
    private final Duration backoff;

    public DeployStage() {
        this(System::getenv, BACKOFF);
    }

    /** With the environment and retry backoff given, for tests. */
    public DeployStage(Function<String, String> environment, Duration backoff) {
        this.environment = environment;
        this.backoff = backoff;
    }

    @Override
    public StageId stage() {
        return StageId.DEPLOY;
    }

    /** The .wk checks (stages.common.wk) decide whether this stage's output is kept: a change to them runs it again. */
    @Override
    public List<String> codePackages() {
        return List.of(getClass().getPackageName(), "io.wkforge.stages.common.wk");
    }

    /**
     * With {@code quantize.is_check_prototxt true} the mapper only checks the prototxt and writes no
     * .wk: deploy is skipped with that reason, as it is when no mapper is installed.
     */
    @Override
    public String unavailableReason(EffectiveRecipe recipe) {
        if (recipe.setting("quantize.is_check_prototxt").asBool()) {
            return "quantize.is_check_prototxt is true: nnie_mapper only checks the prototxt and writes no .wk, so there is nothing to deploy";
        }
        return null;
    }

    @Override
    public void run(TaskContext ctx) throws StageException {
        DeploySettings s = DeploySettings.read(ctx::setting, ctx.recipeDir());
        String instruction = ctx.setting("quantize.instruction_name").asString();
        Path wk = ctx.input(StageId.WK, "nnie/" + instruction + ".wk");
        List<ClassDef> classes = ctx.classes();
        String recipeName = ctx.recipeName();

        WkGate.check(wk, WkExpectation.of(ctx::setting, classes.size(), null, null), ctx);
        BoardApp app = BoardApp.of(ctx::setting);
        String mismatch = app.categoryWarning(classes);
        if (mismatch != null) ctx.warn(mismatch);

        Path folder = ctx.stagingDir(StageId.DEPLOY);
        Bundle bundle = BundleWriter.write(folder, wk, s, classes, app, recipeName, version());
        Transport transport = transport(s);
        ctx.note("pushing the bundle (" + bundle.items().size() + " files, " + bundle.totalBytes() / 1024 + " KB) to "
                + transport.destination());
        Transport.Result result = transport.push(bundle, listener(ctx));
        ctx.note("verified: " + result.verifiedBy());
        if (result.app() != null) ctx.note("app: " + result.app());
        writeReceipt(folder, s, transport, bundle, result);
    }

    Transport transport(DeploySettings s) {
        return s.via() == DeploySettings.Via.DIR ? new DirTransport(s.folder())
                : new SshTransport(s, new SshConnector(s, environment, backoff));
    }

    private static Transport.Listener listener(TaskContext ctx) {
        return new Transport.Listener() {
            @Override
            public void progress(long done, long total) {
                ctx.progress().update(done / 1024, total / 1024, "KB");
            }

            @Override
            public void line(String text) {
                ctx.note(text);
            }

            @Override
            public void warn(String message) {
                ctx.warn(message);
            }
        };
    }

    /** {@code deploy/deploy.json}: where the bundle went and how it was checked (not sent to the board). */
    private static void writeReceipt(Path folder, DeploySettings s, Transport t, Bundle b, Transport.Result r)
            throws StageException {
        StringBuilder files = new StringBuilder();
        for (Bundle.Item i : b.items()) {
            if (files.length() > 0) files.append(",\n");
            files.append("    {\"name\": ").append(quote(i.name())).append(", \"size\": ").append(i.size())
                    .append(", \"sha256\": ").append(quote(i.sha256())).append('}');
        }
        String json = "{\n  \"format_version\": 1,\n  \"via\": " + quote(s.via().name().toLowerCase(java.util.Locale.ROOT)) + ",\n  \"destination\": "
                + quote(t.destination()) + ",\n  \"verified_by\": " + quote(r.verifiedBy()) + ",\n  \"files\": [\n" + files
                + "\n  ]\n}\n";
        try {
            Files.writeString(folder.resolve("deploy.json"), json);
        } catch (IOException e) {
            throw new StageException("cannot write " + folder.resolve("deploy.json") + ": " + e.getMessage());
        }
    }

    /** The wkforge version install.sh names (the jar's, as `wkforge --version` shows). */
    private static String version() {
        String v = DeployStage.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-dev" : v;
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder();
        io.wkforge.util.Json.quote(sb, s);
        return sb.toString();
    }

    @Override
    public List<DoctorCheck> diagnose(EffectiveRecipe recipe) {
        if (recipe == null) return List.of();
        return List.of(new DeployDoctor(DeploySettings.read(recipe::setting, recipe.dir()), environment).check(), boardAppCheck(recipe));
    }

    /** The board app's fit (the checker's warnings E126 and E127), as doctor lines. */
    private static DoctorCheck boardAppCheck(EffectiveRecipe recipe) {
        return DoctorCheck.of("board app", () -> {
            BoardApp app = BoardApp.of(recipe::setting);
            var crop = recipe.setting("preprocess.crop").asSize();
            List<io.wkforge.run.Finding> out = new java.util.ArrayList<>();
            String input = app.inputWarning(crop.width(), crop.height(), recipe.setting("quantize.image_type").asString());
            if (input != null) out.add(io.wkforge.run.Finding.warn("board app", "input: " + input, "see `wkforge check` (E126)"));
            String categories = app.categoryWarning(recipe.classes());
            if (categories != null) out.add(io.wkforge.run.Finding.warn("board app", "categories: " + categories, "see `wkforge check` (E127)"));
            if (out.isEmpty()) out.add(io.wkforge.run.Finding.ok("board app", "feeds " + app.inputWidth() + "x" + app.inputHeight() + " "
                    + app.inputType() + " and shows every class as its nature (" + app.rangesText() + ")"));
            return out;
        });
    }
}
