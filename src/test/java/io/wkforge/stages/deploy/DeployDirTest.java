package io.wkforge.stages.deploy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wkforge.lang.model.ClassDef;
import io.wkforge.run.Executor;
import io.wkforge.stages.deploy.DeployException.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code via dir}: the folder an NFS export or an SD card gives the board. */
class DeployDirTest {
    @TempDir
    Path dir;

    DeployFixture f;

    @BeforeEach
    void setUp() throws IOException, GeneralSecurityException {
        f = new DeployFixture(dir);
    }

    @Test
    void copiesTheBundleVerifiedAndRerunsChangeNothing() throws IOException {
        Path nfs = dir.resolve("srv/nfs/taurus");
        Executor.Result r = f.run(f.dirBlock(nfs));
        assertEquals(Executor.Outcome.OK, r.outcome(), r.failures()::toString);
        assertEquals(List.of("SHA256SUMS", "install.sh", "labels.txt", "resnet_inst.wk", "sample_ai.conf"), list(nfs));
        assertArrayEquals(f.wk, Files.readAllBytes(nfs.resolve("resnet_inst.wk")));
        for (String name : list(nfs)) {
            assertArrayEquals(Files.readAllBytes(f.out().resolve("deploy").resolve(name)), Files.readAllBytes(nfs.resolve(name)), name);
        }
        assertTrue(f.allNotes().contains("created    " + nfs), f.allNotes());
        assertTrue(f.allNotes().contains("verified: SHA-256 of every file read back from " + nfs), f.allNotes());
        assertTrue(Files.readString(f.out().resolve("deploy/deploy.json")).contains("\"via\": \"dir\""));
        // the recipe is test.recipe, its output folder build/ (as under --out): the bundle names the recipe
        assertTrue(Files.readString(nfs.resolve("labels.txt")).startsWith("# labels of recipe test:"), Files.readString(nfs.resolve("labels.txt")));
        assertTrue(Files.readString(nfs.resolve("install.sh")).contains("bundle of recipe test on the board"), Files.readString(nfs.resolve("install.sh")));

        assertEquals(Executor.Outcome.OK, f.run(f.dirBlock(nfs), new DeployFixture.TestWk(f.wk), true).outcome());
        assertTrue(f.allNotes().contains("already in place: resnet_inst.wk, sample_ai.conf, labels.txt, install.sh, SHA256SUMS"),
                f.allNotes());
    }

    /** Deploy reads and checks the .wk before anything is written or copied; one that does not fit never reaches the board. */
    @Test
    void aWkThatDoesNotFitTheRecipeIsNeverCopied() throws IOException {
        Path nfs = dir.resolve("srv/nfs/taurus");
        byte[] simulation = io.wkforge.stages.common.wk.WkBuilder.classifier(3, 227, 227, io.wkforge.stages.common.wk.BlobType.YVU420SP)
                .runMode(1).build();
        Executor.Result r = f.run(f.dirBlock(nfs), new DeployFixture.TestWk(simulation), true);
        assertEquals(Executor.Outcome.STAGE_FAILED, r.outcome());
        String failure = f.failures.get(0).getMessage() + " " + f.failures.get(0).details();
        assertTrue(failure.contains("resnet_inst.wk does not fit the recipe (3 mismatches"), failure);
        assertTrue(failure.contains("the .wk was built for functional simulation"), failure);
        assertTrue(failure.contains("the .wk's input `data` is 3x227x227 but the recipe crops 3x224x224"), failure);
        assertTrue(failure.contains("the .wk's output `prob` holds 3 values (3x1x1) but the recipe has 2 classes"), failure);
        assertFalse(Files.exists(nfs), "nothing reached the board");
    }

    @Test
    void aRunAfterAnInterruptedCopyFinishesIt() throws IOException {
        Path card = Files.createDirectories(dir.resolve("sdcard"));
        // what a killed copy leaves: a partial temporary file, and an older bundle's files
        Files.write(card.resolve(".resnet_inst.wk" + DirTransport.PART_SUFFIX), new byte[1000]);
        Files.writeString(card.resolve("labels.txt"), "labels of an older model\n");
        Files.writeString(card.resolve("notes.txt"), "the user's own file\n");
        Executor.Result r = f.run(f.dirBlock(card));
        assertEquals(Executor.Outcome.OK, r.outcome(), r.failures()::toString);
        assertEquals(List.of("SHA256SUMS", "install.sh", "labels.txt", "notes.txt", "resnet_inst.wk", "sample_ai.conf"), list(card));
        assertTrue(Files.readString(card.resolve("labels.txt")).contains("0 mushroom kitchen kitchen"));
        assertEquals("the user's own file\n", Files.readString(card.resolve("notes.txt")));
    }

    @Test
    void aFullDiskNeverLeavesAPartialFileUnderAFinalName() throws Exception {
        Bundle bundle = bundle();
        Path real = Files.createDirectories(dir.resolve("card"));
        Path folder = FaultyFileSystem.folder(real, FaultyFileSystem.Fault.DISK_FULL_AFTER, 200 * 1024);
        DeployException e = assertThrows(DeployException.class, () -> new DirTransport(folder).push(bundle, listener(new ArrayList<>())));
        assertEquals(Kind.DISK_FULL, e.kind());
        assertTrue(e.getMessage().startsWith("cannot copy resnet_inst.wk to " + real + ": the disk is full ("), e.getMessage());
        assertTrue(e.fix().startsWith("free space on " + real), e.fix());
        assertEquals(List.of(), list(real), "neither the partial copy nor anything under a final name");
    }

    @Test
    void aCopyThatReadsBackWrongIsACheckumFailure() throws Exception {
        Bundle bundle = bundle();
        Path real = Files.createDirectories(dir.resolve("card"));
        Path folder = FaultyFileSystem.folder(real, FaultyFileSystem.Fault.CORRUPT, 0);
        DeployException e = assertThrows(DeployException.class, () -> new DirTransport(folder).push(bundle, listener(new ArrayList<>())));
        assertEquals(Kind.CHECKSUM, e.kind());
        assertTrue(e.getMessage().startsWith("the copy of resnet_inst.wk in " + real + " does not match the bundle"), e.getMessage());
        assertFalse(Files.exists(real.resolve("resnet_inst.wk")));
    }

    @Test
    void aFolderThatIsAFileIsAClearError() throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("nfs"), "a file");
        DeployException e = assertThrows(DeployException.class,
                () -> new DirTransport(notAFolder).push(bundle(), listener(new ArrayList<>())));
        assertEquals(Kind.LOCAL, e.kind());
        assertTrue(e.getMessage().startsWith("cannot use the folder " + notAFolder), e.getMessage());
    }

    private Bundle bundle() throws Exception {
        Path wk = Files.write(dir.resolve("resnet_inst.wk"), f.wk);
        DeploySettings s = new DeploySettings(DeploySettings.Via.DIR, dir.resolve("unused"), null, 22, "root", null, null, false, null,
                java.time.Duration.ofSeconds(5), 0, java.time.Duration.ofSeconds(5), "/userdata",
                "/userdata/models/cnn_trash_classify/resnet_inst.wk", "/userdata/sample_ai.conf", null, java.time.Duration.ZERO);
        List<ClassDef> classes = List.of(new ClassDef(1, "kitchen", "mushroom", List.of(), false, null, null, null),
                new ClassDef(2, "other", "background", List.of(), true, null, null, null));
        return BundleWriter.write(dir.resolve("bundle"), wk, s, classes, DeployFixture.STOCK_APP, "test", "test");
    }

    static Transport.Listener listener(List<String> lines) {
        return new Transport.Listener() {
            @Override
            public void progress(long done, long total) {}

            @Override
            public void line(String text) {
                lines.add(text);
            }

            @Override
            public void warn(String message) {
                lines.add("warning: " + message);
            }
        };
    }

    static List<String> list(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
