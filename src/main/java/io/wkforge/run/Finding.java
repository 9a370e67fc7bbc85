package io.wkforge.run;

/**
 * One line of {@code wkforge doctor}: what was checked, how it went, and for anything short of
 * ok, what to do about it.
 *
 * @param topic  what was checked, short: {@code java}, {@code ffmpeg}, {@code deploy}
 * @param detail what was found, one line
 * @param fix    what to do when the status is not ok; null when ok
 */
public record Finding(String topic, Status status, String detail, String fix) {

    public enum Status {
        OK,
        /** Missing or odd, but nothing the recipe (or, without one, the pipeline) cannot do without. */
        WARN,
        /** Something the recipe needs is not there: doctor exits non-zero. */
        FAIL
    }

    public static Finding ok(String topic, String detail) {
        return new Finding(topic, Status.OK, detail, null);
    }

    public static Finding warn(String topic, String detail, String fix) {
        return new Finding(topic, Status.WARN, detail, fix);
    }

    public static Finding fail(String topic, String detail, String fix) {
        return new Finding(topic, Status.FAIL, detail, fix);
    }
}
