package io.wkforge.run;

import io.wkforge.plan.TaskSpec;

/** A failed task or stage verdict, as the user will read it; {@code gate} when an accuracy gate failed. */
record TaskFailure(String text, boolean gate) {

    /** {@code <what>: <message>}, then the exception's details indented below. */
    static TaskFailure of(String what, StageException e) {
        StringBuilder sb = new StringBuilder(what).append(": ").append(e.getMessage());
        for (String d : e.details()) sb.append("\n    ").append(d);
        return new TaskFailure(sb.toString(), e.isGate());
    }

    static TaskFailure of(TaskSpec task, StageException e) {
        return of(task.id(), e);
    }
}
