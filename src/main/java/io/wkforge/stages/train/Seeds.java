package io.wkforge.stages.train;

import java.util.SplittableRandom;

/**
 * Random streams that are pure functions of the recipe's seed and a position (epoch, image):
 * the data order and augmentation of epoch 7 are the same whether or not a run was killed and
 * resumed before it, and whichever worker thread prepares an image.
 */
final class Seeds {
    static final long INIT = 1;
    static final long ORDER = 2;
    static final long AUGMENT = 3;

    private Seeds() {}

    static SplittableRandom stream(long seed, long... parts) {
        long h = mix(seed ^ 0x5bd1e9955bd1e995L);
        for (long p : parts) h = mix(h ^ mix(p + 0x9E3779B97F4A7C15L));
        return new SplittableRandom(h);
    }

    /** SplitMix64's finaliser: every input bit affects every output bit. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
