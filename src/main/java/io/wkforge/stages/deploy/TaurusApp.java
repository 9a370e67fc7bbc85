package io.wkforge.stages.deploy;

/**
 * The switch file that turns the Taurus camera AI sample's ({@code ohos_camera_ai_demo}) garbage
 * classifier on. What the app feeds the network and how it shows class indices are the target's
 * data ({@code deploy.app_input}, {@code deploy.app_categories}), read by
 * {@link io.wkforge.lang.model.BoardApp}.
 */
public final class TaurusApp {
    private TaurusApp() {}

    /** The app's switch file with the classifier enabled. */
    static String switchFile() {
        return "[trash_classify_switch]\nsupport_trash_classify = true\n";
    }
}
