package arena.core.kernel;

import arena.core.JuliaParams;
import arena.core.Kernel;
import arena.core.ScalarKernel;
import java.util.Arrays;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The golden contract on SIMD lanes ({@code jdk.incubator.vector}, the CPU's preferred double
 * species: 8 lanes with AVX-512), six vectors in flight, in two passes with lane refill:
 * <ol>
 *   <li>the band's pixels go through the lanes densely, a lane group at a time, for
 *       {@code min(16, nMax)} updates; the pixels that finish there (most of them) are written, the
 *       survivors are queued with their {@code z};</li>
 *   <li>the lanes then iterate survivors in blocks of 128 updates; after each block every lane whose
 *       pixel has escaped or reached {@code nMax} writes its count and takes the next survivor, so no
 *       lane idles long behind a slow neighbour.</li>
 * </ol>
 * Each lane has its own count and a sticky live bit: a lane counts an update only while every escape
 * test of its pixel has passed, so a lane refilled in the middle counts exactly as
 * {@link ScalarKernel#escape}; a count that passes {@code nMax} within a block is clamped to
 * {@code nMax}, which is exact because a point still live after {@code nMax} updates has count
 * {@code nMax}. The arithmetic is lane-wise {@code mul}, {@code add}, {@code sub} and {@code compare}
 * in the contract's order, each rounded on its own (never {@code fma}; {@code 2*t} is exact), so the
 * counts are bit-identical to {@link ScalarKernel}.
 *
 * <p>Shape matters for speed, not for the counts: every vector lives inside {@code iterate} and
 * {@code due}, small static methods with one counted loop at most, taking and returning only arrays
 * and scalars, so C2 keeps vectors and masks in registers and never boxes them; between blocks the
 * lane state rests in per-thread arrays (live masks as {@code long} bits:
 * {@code VectorMask.intoArray(boolean[])} boxed), and the refill is scalar code. The same kernel
 * written as one big method gives the same counts many times slower (C2 gives up, the Vector API's
 * Java fallback runs and allocates); {@code KernelAllocationTest} guards against that. Get the kernel through
 * {@link VectorSupport#kernel()}: this class loads only with {@code --add-modules jdk.incubator.vector}.
 *
 * <p>Threading: thread-safe. Each thread works in its own scratch lanes (a {@link ThreadLocal} of a
 * few kilobytes, made on the thread's first call), so any number of threads may call
 * {@link #computeRows} at once for disjoint row ranges; once compiled, a call allocates nothing.
 */
public final class VectorKernel implements Kernel {

    static final VectorKernel INSTANCE = new VectorKernel();

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int LENGTH = SPECIES.length();
    /** Vectors in flight ({@code iterate} is written out for exactly this many): 6 hide the latency of
     *  the update chain; 4 were 15% slower, 8 run out of mask registers. */
    private static final int VECTORS = 6;
    private static final int LANES = VECTORS * LENGTH;
    private static final long LANE_BITS = -1L >>> (64 - LENGTH);
    /** Updates of the dense first pass, and between two refills. */
    private static final int FIRST_PASS = 16, BLOCK = 128;
    private static final ThreadLocal<Lanes> SCRATCH = ThreadLocal.withInitial(Lanes::new);

    private VectorKernel() {
    }

    @Override
    public String name() {
        return "vector";
    }

    @Override
    public void computeRows(JuliaParams params, int[] counts, int rowStart, int rowEnd) {
        Lanes lanes = SCRATCH.get();
        lanes.start(params, rowStart, rowEnd);
        int nMax = params.nMax();
        double cRe = params.cRe(), cIm = params.cIm(), zMax2 = params.zMax2();
        while (true) {
            for (int v = 0; v < VECTORS; v++) {
                for (long due = due(lanes.count, lanes.live[v], nMax, v); due != 0; due &= due - 1) {
                    int l = v * LENGTH + Long.numberOfTrailingZeros(due);
                    if (lanes.pixel[l] >= 0) {
                        counts[lanes.pixel[l]] = (int) Math.min(lanes.count[l], nMax);
                        lanes.pixel[l] = -1;
                        lanes.live[v] &= ~(due & -due);
                        lanes.busy--;
                    }
                    lanes.take(l, counts);
                }
            }
            if (lanes.busy == 0) {
                return;
            }
            iterate(lanes.zr, lanes.zi, lanes.count, lanes.live, cRe, cIm, zMax2, BLOCK);
        }
    }

    /** One thread's lanes, its queue of survivors and its cursor over the band's pixels. */
    private static final class Lanes {
        // the second pass's lanes: z, count and pixel per lane (-1: empty), the live mask per vector
        final double[] zr = new double[LANES], zi = new double[LANES], count = new double[LANES];
        final int[] pixel = new int[LANES];
        final long[] live = new long[VECTORS];
        int busy;
        // the first pass's lane group, and the survivors it queues (refilled only when empty)
        final double[] fzr = new double[LANES], fzi = new double[LANES], fcount = new double[LANES];
        final int[] fpixel = new int[LANES];
        final long[] flive = new long[VECTORS];
        final double[] qzr = new double[LANES], qzi = new double[LANES];
        final int[] qpixel = new int[LANES];
        int head, tail;
        // the band's pixels in row-major order: next is the next pixel's index, (row, column) its cell
        JuliaParams params;
        int firstPass, next, end, row, column;
        double real;

        void start(JuliaParams p, int rowStart, int rowEnd) {
            params = p;
            firstPass = Math.min(FIRST_PASS, p.nMax());
            next = rowStart * p.size();
            end = rowEnd * p.size();
            row = rowStart;
            column = 0;
            real = -p.bound() + row * p.step();
            head = 0;
            tail = 0;
            busy = 0;
            Arrays.fill(pixel, -1);
            Arrays.fill(live, 0);
        }

        /** Puts the next survivor in lane {@code l}, running the first pass as needed; or leaves it empty. */
        void take(int l, int[] counts) {
            while (head == tail && next < end) {
                firstPass(counts);
            }
            if (head < tail) {
                zr[l] = qzr[head];
                zi[l] = qzi[head];
                pixel[l] = qpixel[head];
                count[l] = firstPass;
                live[l / LENGTH] |= 1L << (l % LENGTH);
                head++;
                busy++;
            }
        }

        /** Runs the next lane group of the band's pixels densely; writes the finished, queues the rest. */
        private void firstPass(int[] counts) {
            JuliaParams p = params;
            for (int l = 0; l < LANES; l++) {
                fcount[l] = 0;
                if (next < end) {
                    fpixel[l] = next++;
                    fzr[l] = real;
                    fzi[l] = -p.bound() + column * p.step();
                    if (++column == p.size()) {
                        column = 0;
                        row++;
                        real = -p.bound() + row * p.step();
                    }
                } else {
                    fpixel[l] = -1;
                    fzr[l] = 0;
                    fzi[l] = 0;
                }
            }
            Arrays.fill(flive, LANE_BITS);
            iterate(fzr, fzi, fcount, flive, p.cRe(), p.cIm(), p.zMax2(), firstPass);
            boolean keep = firstPass < p.nMax();
            head = 0;
            tail = 0;
            for (int l = 0; l < LANES && fpixel[l] >= 0; l++) {
                if (keep && (flive[l / LENGTH] & 1L << (l % LENGTH)) != 0) {
                    qzr[tail] = fzr[l];
                    qzi[tail] = fzi[l];
                    qpixel[tail++] = fpixel[l];
                } else {
                    counts[fpixel[l]] = (int) fcount[l];
                }
            }
        }
    }

    /** The lanes of vector {@code v} that are empty or done (not live, or at {@code nMax}), as bits. */
    private static long due(double[] count, long live, int nMax, int v) {
        long done = DoubleVector.fromArray(SPECIES, count, v * LENGTH).compare(VectorOperators.GE, (double) nMax).toLong();
        return (done | ~live) & LANE_BITS;
    }

    /**
     * Runs {@code iterations} updates on all lanes: a lane whose live bit is set and whose
     * {@code |z|^2 < zMax2} adds one to its count and stays live; a failing test clears the bit for
     * good. {@code z} is updated in every lane (a dead lane's {@code z} is never read again). The only
     * method that holds vectors: one counted loop, nothing passed in or out but arrays and scalars.
     */
    private static void iterate(double[] zr, double[] zi, double[] count, long[] live,
                                double cRe, double cIm, double zMax2, int iterations) {
        DoubleVector re = DoubleVector.broadcast(SPECIES, cRe), im = DoubleVector.broadcast(SPECIES, cIm);
        DoubleVector limit = DoubleVector.broadcast(SPECIES, zMax2);
        DoubleVector one = DoubleVector.broadcast(SPECIES, 1.0), two = DoubleVector.broadcast(SPECIES, 2.0);
        int o1 = LENGTH, o2 = 2 * LENGTH, o3 = 3 * LENGTH, o4 = 4 * LENGTH, o5 = 5 * LENGTH;
        DoubleVector r0 = DoubleVector.fromArray(SPECIES, zr, 0), i0 = DoubleVector.fromArray(SPECIES, zi, 0);
        DoubleVector r1 = DoubleVector.fromArray(SPECIES, zr, o1), i1 = DoubleVector.fromArray(SPECIES, zi, o1);
        DoubleVector r2 = DoubleVector.fromArray(SPECIES, zr, o2), i2 = DoubleVector.fromArray(SPECIES, zi, o2);
        DoubleVector r3 = DoubleVector.fromArray(SPECIES, zr, o3), i3 = DoubleVector.fromArray(SPECIES, zi, o3);
        DoubleVector r4 = DoubleVector.fromArray(SPECIES, zr, o4), i4 = DoubleVector.fromArray(SPECIES, zi, o4);
        DoubleVector r5 = DoubleVector.fromArray(SPECIES, zr, o5), i5 = DoubleVector.fromArray(SPECIES, zi, o5);
        DoubleVector c0 = DoubleVector.fromArray(SPECIES, count, 0), c1 = DoubleVector.fromArray(SPECIES, count, o1);
        DoubleVector c2 = DoubleVector.fromArray(SPECIES, count, o2), c3 = DoubleVector.fromArray(SPECIES, count, o3);
        DoubleVector c4 = DoubleVector.fromArray(SPECIES, count, o4), c5 = DoubleVector.fromArray(SPECIES, count, o5);
        VectorMask<Double> m0 = VectorMask.fromLong(SPECIES, live[0]), m1 = VectorMask.fromLong(SPECIES, live[1]);
        VectorMask<Double> m2 = VectorMask.fromLong(SPECIES, live[2]), m3 = VectorMask.fromLong(SPECIES, live[3]);
        VectorMask<Double> m4 = VectorMask.fromLong(SPECIES, live[4]), m5 = VectorMask.fromLong(SPECIES, live[5]);
        for (int it = 0; it < iterations; it++) {
            // per vector: the escape test on the old z (masked: a dead lane stays dead), then the update
            DoubleVector rr0 = r0.mul(r0), ii0 = i0.mul(i0), t0 = r0.mul(i0);
            DoubleVector rr1 = r1.mul(r1), ii1 = i1.mul(i1), t1 = r1.mul(i1);
            DoubleVector rr2 = r2.mul(r2), ii2 = i2.mul(i2), t2 = r2.mul(i2);
            DoubleVector rr3 = r3.mul(r3), ii3 = i3.mul(i3), t3 = r3.mul(i3);
            DoubleVector rr4 = r4.mul(r4), ii4 = i4.mul(i4), t4 = r4.mul(i4);
            DoubleVector rr5 = r5.mul(r5), ii5 = i5.mul(i5), t5 = r5.mul(i5);
            m0 = rr0.add(ii0).compare(VectorOperators.LT, limit, m0);
            m1 = rr1.add(ii1).compare(VectorOperators.LT, limit, m1);
            m2 = rr2.add(ii2).compare(VectorOperators.LT, limit, m2);
            m3 = rr3.add(ii3).compare(VectorOperators.LT, limit, m3);
            m4 = rr4.add(ii4).compare(VectorOperators.LT, limit, m4);
            m5 = rr5.add(ii5).compare(VectorOperators.LT, limit, m5);
            c0 = c0.add(one, m0); c1 = c1.add(one, m1); c2 = c2.add(one, m2);
            c3 = c3.add(one, m3); c4 = c4.add(one, m4); c5 = c5.add(one, m5);
            r0 = rr0.sub(ii0).add(re); r1 = rr1.sub(ii1).add(re); r2 = rr2.sub(ii2).add(re);
            r3 = rr3.sub(ii3).add(re); r4 = rr4.sub(ii4).add(re); r5 = rr5.sub(ii5).add(re);
            i0 = t0.mul(two).add(im); i1 = t1.mul(two).add(im); i2 = t2.mul(two).add(im);
            i3 = t3.mul(two).add(im); i4 = t4.mul(two).add(im); i5 = t5.mul(two).add(im);
        }
        r0.intoArray(zr, 0); r1.intoArray(zr, o1); r2.intoArray(zr, o2); r3.intoArray(zr, o3); r4.intoArray(zr, o4); r5.intoArray(zr, o5);
        i0.intoArray(zi, 0); i1.intoArray(zi, o1); i2.intoArray(zi, o2); i3.intoArray(zi, o3); i4.intoArray(zi, o4); i5.intoArray(zi, o5);
        c0.intoArray(count, 0); c1.intoArray(count, o1); c2.intoArray(count, o2);
        c3.intoArray(count, o3); c4.intoArray(count, o4); c5.intoArray(count, o5);
        live[0] = m0.toLong(); live[1] = m1.toLong(); live[2] = m2.toLong();
        live[3] = m3.toLong(); live[4] = m4.toLong(); live[5] = m5.toLong();
    }
}
