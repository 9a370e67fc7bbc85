package io.wkforge.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build folder's lock, within one process (RunProcessTest covers two processes). */
class RunLockTest {
    @TempDir
    Path dir;

    private Path lockFile() {
        return dir.resolve("build/r/.wkforge/lock");
    }

    @Test
    void aSecondTakerIsToldWhoHoldsItAndAWaiterGetsItWhenItIsReleased() throws Exception {
        RunLock held = RunLock.acquire(lockFile(), "wkforge run r.recipe --until frames", false, RunLock.Listener.SILENT);
        RunLock.Busy busy = CompletableFuture.supplyAsync(() -> assertThrows(RunLock.Busy.class,
                () -> RunLock.acquire(lockFile(), "second", false, RunLock.Listener.SILENT))).get(30, TimeUnit.SECONDS);
        assertEquals(ProcessHandle.current().pid(), busy.holder().pid());
        assertTrue(busy.getMessage().contains("`wkforge run r.recipe --until frames`") && busy.getMessage().contains("--wait"), busy.getMessage());

        AtomicReference<RunLock.Holder> toldToWait = new AtomicReference<>();
        CountDownLatch waiting = new CountDownLatch(1);
        CompletableFuture<RunLock> waiter = CompletableFuture.supplyAsync(() -> {
            try {
                return RunLock.acquire(lockFile(), "waiter", true, new RunLock.Listener() {
                    @Override
                    public void waiting(RunLock.Holder holder) {
                        toldToWait.set(holder);
                        waiting.countDown();
                    }
                });
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        // the waiter has found the lock taken and said so (a sleep would pass even if it never started)
        assertTrue(waiting.await(30, TimeUnit.SECONDS), "the waiter is told whom it waits for");
        assertTrue(!waiter.isDone(), "waits while the lock is held");
        held.close();
        RunLock second = waiter.get(30, TimeUnit.SECONDS);
        assertEquals("wkforge run r.recipe --until frames", toldToWait.get().command());
        assertNull(second.previous(), "the first holder released it cleanly");
        assertEquals("waiter", RunLock.holder(lockFile()).command());
        second.close();
        assertNull(RunLock.holder(lockFile()), "a clean release leaves no holder named");
    }

    @Test
    void aLockLeftByADeadProcessIsTakenOverAndReported() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Files.createDirectories(lockFile().getParent());
        Files.writeString(lockFile(), "pid=" + gone.pid() + "\nstarted=2026-01-01T00:00:00Z\ncommand=wkforge run r.recipe\n");
        assertTrue(!RunLock.holder(lockFile()).alive());
        AtomicReference<RunLock.Holder> reported = new AtomicReference<>();
        try (RunLock lock = RunLock.acquire(lockFile(), "new run", false, new RunLock.Listener() {
            @Override
            public void previousRunDidNotFinish(RunLock.Holder holder) {
                reported.set(holder);
            }
        })) {
            assertEquals(gone.pid(), lock.previous().pid());
            assertEquals(lock.previous(), reported.get());
            assertEquals(ProcessHandle.current().pid(), RunLock.holder(lockFile()).pid());
        }
    }

    @Test
    void theHoldingThreadMayTakeItAgain() throws Exception {
        try (RunLock outer = RunLock.acquire(lockFile(), "run", false, RunLock.Listener.SILENT);
             RunLock inner = RunLock.acquire(lockFile(), "run", false, RunLock.Listener.SILENT)) {
            assertSame(outer, inner);
        }
        assertNull(RunLock.holder(lockFile()));
    }
}
