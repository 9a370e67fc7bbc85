package io.wkforge.stages.deploy;

import static io.wkforge.stages.deploy.ShellQuote.quote;

/**
 * {@code install.sh}, run on the board from the bundle's folder (over SSH by wkforge, or by hand
 * from the NFS/SD-card mount). POSIX sh only, for BusyBox ash: it checks the bundle against
 * SHA256SUMS when the board has sha256sum, puts the model and the switch file where the app reads
 * them (never leaving a half-written file under those names), sets their permissions, and prints
 * how to start the app. Running it again changes nothing that is already in place.
 */
final class InstallScript {
    private InstallScript() {}

    /**
     * @param modelFile  the .wk's name in the bundle
     * @param configFile the switch file's name in the bundle
     * @param run        the command that starts the app, or null
     */
    static String text(String recipeName, String version, String modelFile, String configFile, String modelPath,
                       String configPath, String run) {
        String labelsPath = parentOf(modelPath) + "/labels.txt";
        String start = run != null ? "  " + run : "  start ohos_camera_ai_demo as usual; it reads the two files above";
        return """
                #!/bin/sh
                # Installs the wkforge bundle of recipe %s on the board (written by wkforge %s).
                # Run it from anywhere: sh /path/to/bundle/install.sh. Running it again is safe.
                set -eu

                MODEL_PATH=%s
                CONFIG_PATH=%s
                LABELS_PATH=%s

                here=$(cd "$(dirname "$0")" && pwd)
                fail() { echo "install.sh: $*" >&2; exit 1; }
                same() { command -v cmp >/dev/null 2>&1 && [ -f "$2" ] && cmp -s "$1" "$2"; }

                cd "$here" || fail "cannot enter $here"
                if command -v sha256sum >/dev/null 2>&1; then
                  if ! sha256sum -c SHA256SUMS >/dev/null 2>&1; then
                    sha256sum -c SHA256SUMS >&2 || true
                    fail "the bundle in $here does not match SHA256SUMS (damaged or incomplete copy); copy it again"
                  fi
                  echo "bundle verified with sha256sum"
                else
                  echo "no sha256sum on this board: bundle not verified here"
                fi

                # put FILE DEST: copy FILE (from the bundle) to DEST unless DEST already holds the same bytes.
                # The copy goes to a temporary name first, so DEST is never half written.
                put() {
                  mkdir -p "$(dirname "$2")" || fail "cannot create the folder of $2"
                  if same "$here/$1" "$2"; then
                    echo "unchanged  $2"
                  else
                    cp "$here/$1" "$2.wkforge-new" || { rm -f "$2.wkforge-new"; fail "cannot write $2 (disk full or read-only?)"; }
                    mv -f "$2.wkforge-new" "$2" || fail "cannot replace $2"
                    echo "installed  $2"
                  fi
                  chmod 644 "$2" || fail "cannot set the permissions of $2"
                }

                # keep a switch file that was there before wkforge, once
                if [ -f "$CONFIG_PATH" ] && [ ! -f "$CONFIG_PATH.before-wkforge" ] && ! same "$here/%s" "$CONFIG_PATH"; then
                  cp "$CONFIG_PATH" "$CONFIG_PATH.before-wkforge" && echo "kept the previous $CONFIG_PATH as $CONFIG_PATH.before-wkforge"
                fi

                put %s "$MODEL_PATH"
                put %s "$CONFIG_PATH"
                put labels.txt "$LABELS_PATH"

                echo "installed; start the app with:"
                echo %s
                """.formatted(recipeName, version, quote(modelPath), quote(configPath), quote(labelsPath),
                configFile, quote(modelFile), quote(configFile), quote(start));
    }

    private static String parentOf(String boardPath) {
        int slash = boardPath.lastIndexOf('/');
        return slash <= 0 ? "" : boardPath.substring(0, slash);
    }
}
