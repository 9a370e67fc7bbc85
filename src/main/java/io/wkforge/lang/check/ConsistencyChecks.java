package io.wkforge.lang.check;

import io.wkforge.lang.diag.Code;
import io.wkforge.lang.diag.Diagnostic;
import io.wkforge.lang.diag.Diagnostics;
import io.wkforge.lang.model.BoardApp;
import io.wkforge.lang.model.EffectiveRecipe;
import io.wkforge.lang.model.Setting;
import io.wkforge.lang.source.Span;
import io.wkforge.lang.syntax.Value;
import java.math.BigDecimal;
import java.util.List;

/** Rules that relate settings to each other, checked on the effective (merged) recipe. */
final class ConsistencyChecks {
    private ConsistencyChecks() {}

    static void run(EffectiveRecipe r, Diagnostics diags) {
        cropWithinResize(r, diags);
        stdPerChannel(r, diags);
        scheduleShape(r, diags);
        epochsZeroNeedsWeights(r, diags);
        devicesShape(r, diags);
        deployVia(r, diags);
        normForImageType(r, diags);
        MapperConfigValues.run(r, diags);
        mapperChannelOrder(r, diags);
        meanFileNorm(r, diags);
        boardApp(r, diags);
    }

    private static Diagnostic at(Code code, Setting s, String message) {
        Span span = s.values() != null && !s.values().isEmpty()
                ? s.values().get(0).span().to(s.values().get(s.values().size() - 1).span()) : s.origin().span();
        return Diagnostic.of(code, s.origin().source(), span, message);
    }

    private static void cropWithinResize(EffectiveRecipe r, Diagnostics diags) {
        Setting resize = r.setting("preprocess.resize");
        Setting crop = r.setting("preprocess.crop");
        if (!resize.isSet() || !crop.isSet()) return;
        Value.SizeLit rs = resize.asSize();
        Value.SizeLit cs = crop.asSize();
        if (cs.width() > rs.width() || cs.height() > rs.height()) {
            Diagnostic d = at(Code.CROP_LARGER_THAN_RESIZE, crop,
                    "crop " + cs.text() + " is larger than resize " + rs.text())
                    .withHelp("the crop is taken from the resized image: make crop at most " + rs.text());
            if (resize.origin().source() != null) {
                d = d.withRelated(resize.origin().source(), resize.origin().span(), "resize is set here");
            }
            diags.add(d);
        }
    }

    private static void stdPerChannel(EffectiveRecipe r, Diagnostics diags) {
        Setting std = r.setting("preprocess.std");
        if (!std.isSet() || std.values().size() != 3) return;
        List<BigDecimal> v = std.asDecimals();
        if (v.get(0).compareTo(v.get(1)) != 0 || v.get(1).compareTo(v.get(2)) != 0) {
            diags.add(at(Code.STD_DIFFERS_PER_CHANNEL, std,
                    "std differs per channel (" + std.text() + "); NNIE applies one data_scale to all channels")
                    .withHelp("nothing to do: export folds the per-channel ratio into the first convolution's weights and "
                            + "records the single data_scale quantize writes (caffe/export.json), so the board computes what was trained"));
        }
    }

    /** `epochs 0` takes pretrained weights as they are: without a file there is nothing to take. */
    private static void epochsZeroNeedsWeights(EffectiveRecipe r, Diagnostics diags) {
        Setting epochs = r.setting("train.epochs");
        if (!epochs.isSet() || epochs.values().size() != 1 || !(epochs.values().get(0) instanceof Value.IntLit i) || i.longValue() != 0) return;
        if (r.setting("train.pretrained").isSet()) return;
        diags.add(at(Code.INCONSISTENT_SETTINGS, epochs, "`epochs 0` takes the `pretrained` weights as they are, and `pretrained` is not set")
                .withHelp("set `pretrained \"my.pth\"` in the train block, or train for at least one epoch"));
    }

    private static void scheduleShape(EffectiveRecipe r, Diagnostics diags) {
        Setting s = r.setting("train.schedule");
        if (!s.isSet() || s.values().isEmpty()) return;
        String kind = s.asString();
        int milestones = s.values().size() - 1;
        if (kind.equals("step") && milestones == 0) {
            diags.add(at(Code.INCONSISTENT_SETTINGS, s, "`schedule step` needs the epochs at which to divide the rate")
                    .withHelp("e.g. `schedule step 30 60 90`"));
        } else if (!kind.equals("step") && milestones > 0) {
            diags.add(at(Code.INCONSISTENT_SETTINGS, s, "`schedule " + kind + "` takes no epochs")
                    .withHelp("only `schedule step E1 E2...` lists epochs"));
        } else if (kind.equals("step")) {
            long prev = 0;
            for (Value v : s.values().subList(1, s.values().size())) {
                long e = ((Value.IntLit) v).longValue();
                if (e <= prev) {
                    diags.add(Diagnostic.of(Code.INCONSISTENT_SETTINGS, s.origin().source(), v.span(),
                            "step epochs must increase, found " + e + " after " + prev));
                    break;
                }
                prev = e;
            }
        }
    }

    private static void devicesShape(EffectiveRecipe r, Diagnostics diags) {
        Setting s = r.setting("train.devices");
        if (!s.isSet() || s.values().size() <= 1) return;
        if (!s.asString().equals("gpu")) {
            diags.add(at(Code.INCONSISTENT_SETTINGS, s, "device ids are only meaningful with `devices gpu`")
                    .withHelp("write `devices gpu 0 1` or just `devices " + s.asString() + "`"));
        }
    }

    private static void deployVia(EffectiveRecipe r, Diagnostics diags) {
        Setting via = r.setting("deploy.via");
        if (!via.isSet() || via.values().isEmpty()) return;
        if (via.asString().equals("dir") && via.values().size() < 2) {
            diags.add(at(Code.MISSING_SETTING, via, "`via dir` needs the folder the board mounts")
                    .withHelp("e.g. `via dir \"/srv/nfs/taurus\"` (an NFS export) or the SD card's mount point"));
        }
        for (String name : new String[] {"remote_dir", "model_path", "config_path"}) {
            Setting p = r.setting("deploy." + name);
            if (p.isSet() && !p.asString().startsWith("/")) {
                diags.add(at(Code.INCONSISTENT_SETTINGS, p, "`" + name + "` is a path on the board and must be absolute")
                        .withHelp("write it from the board's root, e.g. \"/userdata/...\""));
            }
        }
        Setting passwordEnv = r.setting("deploy.password_env");
        if (passwordEnv.isSet() && !passwordEnv.asString().matches("[A-Za-z_][A-Za-z0-9_]*")) {
            diags.add(at(Code.INCONSISTENT_SETTINGS, passwordEnv, "`password_env` names an environment variable, and `"
                    + passwordEnv.asString() + "` is not a variable name")
                    .withHelp("write the variable's name, e.g. `password_env TAURUS_PASSWORD`, and export the password "
                            + "in that variable; a password never belongs in a recipe"));
        }
        if (via.asString().equals("ssh")) {
            if (via.values().size() > 1) {
                diags.add(at(Code.INCONSISTENT_SETTINGS, via, "`via ssh` takes no path")
                        .withHelp("set the board folder with `remote_dir`"));
            }
            if (!r.setting("deploy.host").isSet()) {
                diags.add(at(Code.MISSING_SETTING, via, "`via ssh` needs `host`")
                        .withHelp("add `host \"192.168.1.10\"` (the board's address) to the deploy block"));
            }
        }
    }

    private static void normForImageType(EffectiveRecipe r, Diagnostics diags) {
        Setting imageType = r.setting("quantize.image_type");
        Setting norm = r.setting("quantize.norm_type");
        if (imageType.isSet() && norm.isSet() && imageType.asString().equals("feature_map") && !norm.asString().equals("none")) {
            diags.add(at(Code.INCONSISTENT_SETTINGS, norm, "`image_type feature_map` requires `norm_type none`")
                    .withHelp("nnie_mapper rejects normalisation of feature-map input"));
        }
    }

    private static void mapperChannelOrder(EffectiveRecipe r, Diagnostics diags) {
        Setting rgb = r.setting("quantize.rgb_order");
        Setting trained = r.setting("preprocess.channel_order");
        if (!rgb.isSet() || !trained.isSet() || rgb.asString().equals(trained.asString())) return;
        Diagnostic d = at(Code.CHANNEL_ORDER_MISMATCH, rgb, "`rgb_order " + rgb.asString() + "` but the network is trained on "
                + trained.asString() + " input (preprocess.channel_order): the board would feed it swapped red and blue channels")
                .withHelp("write `rgb_order " + trained.asString() + "`; quantize's accuracy estimate shows what the swap costs");
        if (trained.origin().source() != null) d = d.withRelated(trained.origin().source(), trained.origin().span(), "channel_order is set here");
        diags.add(d);
    }

    private static void meanFileNorm(EffectiveRecipe r, Diagnostics diags) {
        Setting norm = r.setting("quantize.norm_type");
        if (!norm.isSet() || !norm.asString().startsWith("mean_file")) return;
        diags.add(at(Code.INCONSISTENT_SETTINGS, norm, "`norm_type " + norm.asString() + "` needs a mean image (.binaryproto), and "
                + "wkforge trains with a per-channel mean (preprocess.mean)")
                .withHelp("write `norm_type " + (norm.asString().endsWith("data_scale") ? "channel_mean_data_scale" : "channel_mean")
                        + "`: quantize writes the per-channel mean to nnie/mean.txt"));
    }

    /**
     * Warnings (not errors: a user may run an app of their own) when the recipe deploys to a board
     * app that cannot feed its network or would show its classes under other categories. Only for
     * a recipe that names a deploy target (its own block or an imported one).
     */
    private static void boardApp(EffectiveRecipe r, Diagnostics diags) {
        Setting target = r.setting("deploy.board");
        if (target.origin().kind() == io.wkforge.lang.model.Origin.Kind.DEFAULT) return;
        Setting input = r.setting("deploy.app_input");
        Setting categories = r.setting("deploy.app_categories");
        if (!input.isSet() || input.values().size() != 2 || !categories.isSet()) return;
        BoardApp app = BoardApp.of(r::setting);
        Setting crop = r.setting("preprocess.crop");
        Setting imageType = r.setting("quantize.image_type");
        if (crop.isSet() && imageType.isSet()) {
            String warning = app.inputWarning(crop.asSize().width(), crop.asSize().height(), imageType.asString());
            if (warning != null) {
                Setting where = crop.origin().kind() == io.wkforge.lang.model.Origin.Kind.FILE ? crop : input;
                Diagnostic d = where.origin().source() == null ? Diagnostic.of(Code.BOARD_APP_INPUT, target.origin().source(),
                        target.origin().span(), warning) : at(Code.BOARD_APP_INPUT, where, warning);
                diags.add(d);
            }
        }
        if (!r.classes().isEmpty()) {
            String warning = app.categoryWarning(r.classes());
            if (warning != null) {
                var at = app.firstMismatched(r.classes()); // the row of the first class it names
                diags.add(Diagnostic.of(Code.BOARD_APP_CATEGORIES, at.source(), at.span(), warning));
            }
        }
    }
}
