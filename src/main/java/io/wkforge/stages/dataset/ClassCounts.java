package io.wkforge.stages.dataset;

/** The split's outcome for one class. */
record ClassCounts(int id, String folder, int index, int train, int val, int trainVideos, int valVideos) {
    int total() {
        return train + val;
    }
}
