package io.wkforge.stages.deploy;

import java.nio.file.Path;
import java.util.List;

/**
 * The files that go to the board, written in {@code folder} (the stage's {@code deploy/}). Items
 * are in copy order: {@code SHA256SUMS} comes last, so a folder that has it has everything else.
 */
public record Bundle(Path folder, List<Item> items) {

    /** One file of the bundle with the digests used to verify its copies. */
    public record Item(String name, long size, String sha256, String md5) {}

    public Path pathOf(Item item) {
        return folder.resolve(item.name());
    }

    public long totalBytes() {
        return items.stream().mapToLong(Item::size).sum();
    }
}
