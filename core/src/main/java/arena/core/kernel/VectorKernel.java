package arena.core.kernel;

import arena.core.concurrent.StopSignal;
import arena.core.problem.JuliaParams;
import java.util.Arrays;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The golden contract on SIMD lanes ({@code jdk.incubator.vector}, the CPU's preferred double
 * species: 8 lanes with AVX-512, 4 with AVX2), six vectors in flight where the CPU has 32 vector
 * registers (AVX-512) and three where it has 16 (AVX2), in two passes:
 * <ol>
 *   <li>a dense first pass: the band's pixels go through the lanes a lane group at a time (up to
 *       {@code 6 * 8} pixels of one row with AVX-512, their coordinates loaded from a table), for
 *       {@code min(32, nMax)} updates, stopping after 8 if every lane has escaped; the pixels that
 *       finish there (most of them) are written with one masked store per vector, the survivors are
 *       compressed into a queue with their {@code z};</li>
 *   <li>lane refill: the lanes iterate survivors in blocks; after each block every lane whose pixel
 *       has escaped or reached {@code nMax} writes its count and is refilled from the queue (a vector
 *       {@code expand}), so no lane idles long behind a slow neighbour.</li>
 * </ol>
 * Block lengths are multiples of one span chosen so that a whole number of spans takes a fresh
 * survivor exactly to {@code nMax} (1000 - 32 = 22 * 44 for the chapter's case): a pixel that never escapes
 * finishes exactly at the end of a block, and a block never runs past the oldest lane's finish. How
 * long a block runs beyond one span is chosen from the recent escape rate, balancing the lanes an
 * escape leaves idle until the block ends against the fixed cost of ending a block
 * ({@code sqrt(2 * cost / rate)}): long blocks where pixels rarely escape (the chapter's case: one block
 * per survivor), short ones where they often do.
 *
 * <p>Each lane has its own count and a sticky live bit: a lane counts an update only while every escape
 * test of its pixel has passed, so a lane refilled in the middle counts exactly as
 * {@link ScalarKernel#escape}; a count that passes {@code nMax} within a block is clamped to
 * {@code nMax}, which is exact because a point still live after {@code nMax} updates has count
 * {@code nMax}. The arithmetic is lane-wise {@code mul}, {@code add}, {@code sub} and {@code compare}
 * in the contract's order, each rounded on its own (never {@code fma}; {@code 2*t} is exact), and the
 * coordinate table holds {@code -bound + k*step} computed as the contract does, so the counts are
 * bit-identical to {@link ScalarKernel}. The block lengths, the first pass and the escape-rate
 * estimate decide only when lanes are refilled, never a count.
 *
 * <p>Shape matters for speed, not for the counts: the update loop lives in {@code iterate6} (or
 * {@code iterate3}), a static method with one counted loop, taking and returning only arrays and
 * scalars, so C2 keeps its 18 vectors and 6 masks in registers (AVX-512 has 7 usable mask registers:
 * an eighth vector in flight spills them; AVX2 has 16 vector registers in all, which is why it gets
 * three) and never boxes them; the other vector code (first-pass store and compress, refill
 * expand) is in small straight-line methods of the same kind; between blocks the lane state rests in
 * per-thread arrays (live masks as {@code long} bits). The same kernel written as one big method, or
 * with a loop nested around the update loop, gives the same counts many times slower (C2 boxes the
 * masks and the Vector API's Java fallback allocates); {@code KernelAllocationTest} guards against
 * that. Get the kernel through {@link VectorSupport#kernel()}: this class loads only with
 * {@code --add-modules jdk.incubator.vector}.
 *
 * <p>Threading: thread-safe. Each call works in scratch lanes of its own (a few kilobytes plus the
 * coordinate table, taken from a pool of spares and given back at the end, see {@link Scratch}), so
 * any number of threads may call {@link #computeRows} at once for disjoint row ranges; once
 * compiled, a call allocates nothing.
 */
public final class VectorKernel extends ScratchKernel<VectorKernel.Lanes> {

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int LENGTH = SPECIES.length();
    /** Ints with as many lanes as {@link #SPECIES}: counts and pixel indices. */
    private static final VectorSpecies<Integer> INTS = VectorSpecies.of(int.class, VectorShape.forBitSize(LENGTH * Integer.SIZE));
    /**
     * Vectors in flight where the CPU has 32 vector registers (AVX-512: 8 lanes): 6 hide the latency
     * of the update chain and keep every mask in a mask register. 7 were 3-6% faster where the calling
     * thread's stack happened to sit well and 1.5-1.7x slower where it did not (one call depth in 16
     * to 64 in a scratch harness on a Zen 5, and so whole forks of one model in {@code compare});
     * 6 ran alike at every depth (docs/BENCHMARKS.md, section 6h). 8 spill the masks.
     */
    static final int WIDE = 6;
    /**
     * Vectors in flight where it has 16 (AVX2, SSE: 4 or 2 lanes, masks in vector registers too), so
     * that the loop's state (z, count and mask per vector, 12 registers) and its 5 constants about fit:
     * the update loop alone with 7 vectors ran 1.4-1.8x slower per update than with 3 on a Zen 3 (AVX2),
     * by how deep the calling thread's stack was (so by model and thread); 3 and 2 ran alike at every
     * depth, 4 varied by depth again (docs/BENCHMARKS.md, section 6g).
     */
    static final int NARROW = 3;
    private static final long LANE_BITS = -1L >>> (64 - LENGTH);

    /** The kernel {@link VectorSupport#kernel()} gives: as many vectors in flight as this CPU's registers hold. */
    static final VectorKernel INSTANCE = new VectorKernel(LENGTH >= 8 ? WIDE : NARROW);
    /** Updates of the dense first pass, and after how many of them it stops if every lane has escaped. */
    private static final int FIRST_PASS = 32, FIRST_CHECK = 8;
    /** The span is chosen near this many updates. */
    private static final int SPAN = 32;
    /** The fixed cost of ending a block, in idle lane-updates; and how fast the escape-rate estimate forgets. */
    private static final double BLOCK_COST = 2400, DECAY = 0.97;
    /**
     * A lane group's updates between two polls of the stop signal, at most: 2^13, well within the
     * contract's 2^16, because until C2 has compiled {@code iterate} (a JVM's first second or so) the
     * Vector API runs in plain Java about a thousand times slower, and a cancelled cold run must
     * still stop within a fraction of a second. Caps a refill block, so it costs a block end per
     * 8192 updates where {@code n_max} is larger (at most about 0.5%), nothing in the chapter's case.
     */
    private static final int POLL_BLOCK = StopSignal.POLL_UPDATES / 8;

    /** Vectors in flight: {@link #WIDE} or {@link #NARROW}; the counts are the same with either. */
    private final int vectors;

    /** The kernel with {@code vectors} in flight, {@link #WIDE} or {@link #NARROW} (tests run both on any CPU). */
    VectorKernel(int vectors) {
        super("vector", () -> new Lanes(vectors));
        if (vectors != WIDE && vectors != NARROW) {
            throw new IllegalArgumentException("vectors in flight must be " + WIDE + " or " + NARROW + ", was " + vectors);
        }
        this.vectors = vectors;
    }

    /** How many vectors this kernel keeps in flight. */
    int vectors() {
        return vectors;
    }

    @Override
    public String toString() {
        return name() + " (" + vectors + " vectors of " + LENGTH + " lanes in flight)";
    }

    /**
     * {@inheritDoc} A refill block is at most the whole number of spans that fits in
     * {@code POLL_BLOCK} = 2^13 updates (a cap reached only where {@code n_max} is larger, so never
     * in the chapter's case), and the signal is polled before a block that would take the updates since
     * the last poll beyond that many; block lengths never change a count. The first pass (at most 32
     * updates per pixel) runs between polls.
     */
    @Override
    boolean compute(Lanes lanes, JuliaParams params, int[] counts, int rowStart, int rowEnd, StopSignal stop) {
        lanes.start(params, rowStart, rowEnd);
        int nMax = params.nMax();
        double cRe = params.cRe(), cIm = params.cIm(), zMax2 = params.zMax2();
        int rest = Math.max(1, nMax - lanes.firstPass), span = span(rest);
        int longest = (int) Math.min((long) ceilDiv(rest, span) * span, Math.max(span, POLL_BLOCK / span * span));
        double end = lanes.firstPass + (double) ceilDiv(rest, span) * span;
        int length = span;
        int budget = POLL_BLOCK;
        while (true) {
            int escaped = 0;
            double oldest = 0;
            for (int v = 0; v < vectors; v++) {
                long due = due(lanes.count, lanes.live[v], nMax, v);
                if (due != 0) {
                    escaped += lanes.retire(v, due, counts, nMax);
                    lanes.refill(v, due, counts);
                }
                oldest = Math.max(oldest, oldest(lanes.count, lanes.live[v], v));
            }
            if (lanes.busy == 0) {
                return true;
            }
            length = (int) Math.min(lanes.blockLength(escaped, length, span, longest), end - oldest);
            if (length > budget) {
                if (stop.stopRequested()) {
                    return false;
                }
                budget = POLL_BLOCK;
            }
            lanes.iterate(lanes.zr, lanes.zi, lanes.count, lanes.live, cRe, cIm, zMax2, length);
            budget -= length;
        }
    }

    /** The span near {@link #SPAN} (or {@code rest} itself, if shorter) whose multiples overshoot {@code rest} least. */
    static int span(int rest) {
        if (rest <= SPAN) {
            return rest;
        }
        int best = SPAN;
        for (int s = SPAN / 2; s <= SPAN * 3 / 2; s++) {
            if (ceilDiv(rest, s) * s - rest <= ceilDiv(rest, best) * best - rest) {
                best = s;
            }
        }
        return best;
    }

    private static int ceilDiv(int a, int b) {
        return (int) (((long) a + b - 1) / b);
    }

    /** One thread's lanes, its queue of survivors and its cursor over the band's pixels. */
    static final class Lanes {
        final int vectors, lanes;
        // the refill pass's lanes: z, count and pixel per lane (-1: empty), the live mask per vector
        final double[] zr, zi, count;
        final int[] pixel;
        final long[] live;
        int busy;
        // the first pass's lane group, and the survivors it queues (room for a few left over, one lane
        // group's survivors, and slack for whole-vector loads and stores)
        final double[] fzr, fzi, fcount;
        final long[] flive;
        final double[] qzr, qzi;
        final int[] qpixel;
        int head, tail;
        // the band: the grid's coordinates, and the next first-pass group's row and column
        JuliaParams params;
        double[] coord = new double[0];
        int firstPass, row, column, rowEnd;
        // the escape-rate estimate: escapes and updates of the recent blocks, older ones weighing less
        double escapes, updates;

        Lanes(int vectors) {
            this.vectors = vectors;
            lanes = vectors * LENGTH;
            zr = new double[lanes];
            zi = new double[lanes];
            count = new double[lanes];
            pixel = new int[lanes];
            live = new long[vectors];
            fzr = new double[lanes];
            fzi = new double[lanes];
            fcount = new double[lanes];
            flive = new long[vectors];
            int queue = lanes + 3 * LENGTH;
            qzr = new double[queue];
            qzi = new double[queue];
            qpixel = new int[queue];
        }

        /** Runs {@code iterations} updates on all lanes of {@code zr...live} with the loop written out for this many vectors. */
        void iterate(double[] zr, double[] zi, double[] count, long[] live, double cRe, double cIm, double zMax2, int iterations) {
            if (vectors == WIDE) {
                iterate6(zr, zi, count, live, cRe, cIm, zMax2, iterations);
            } else {
                iterate3(zr, zi, count, live, cRe, cIm, zMax2, iterations);
            }
        }

        void start(JuliaParams p, int rowStart, int rowEnd) {
            if (!p.equals(params)) {
                params = p;
                if (coord.length < p.size()) {
                    coord = new double[p.size()];
                }
                double bound = p.bound(), step = p.step();
                for (int k = 0; k < p.size(); k++) {
                    coord[k] = -bound + k * step;
                }
                escapes = 0;
                updates = 0;
            }
            firstPass = Math.min(FIRST_PASS, p.nMax());
            row = rowStart;
            column = 0;
            this.rowEnd = rowEnd;
            head = 0;
            tail = 0;
            busy = 0;
            Arrays.fill(pixel, -1);
            Arrays.fill(live, 0);
        }

        /** The next block's length: a multiple of {@code span} from the escape rate, at most {@code longest}. */
        int blockLength(int escaped, int lastLength, int span, int longest) {
            escapes = escapes * DECAY + escaped;
            updates = updates * DECAY + lastLength;
            double best = Math.sqrt(2 * BLOCK_COST * updates / (escapes + 0.5));
            return (int) Math.max(span, Math.min(longest, Math.floor(best / span) * span));
        }

        /** Writes the counts of vector {@code v}'s due lanes that hold a pixel, and empties them; returns how many escaped. */
        int retire(int v, long due, int[] counts, int nMax) {
            int escaped = 0;
            for (; due != 0; due &= due - 1) {
                int l = v * LENGTH + Long.numberOfTrailingZeros(due);
                int p = pixel[l];
                if (p >= 0) {
                    int c = (int) count[l];
                    counts[p] = Math.min(c, nMax);
                    escaped += c < nMax ? 1 : 0;
                    pixel[l] = -1;
                    busy--;
                }
            }
            return escaped;
        }

        /** Puts the next survivors in vector {@code v}'s due lanes, running the first pass as needed. */
        void refill(int v, long due, int[] counts) {
            int wanted = Long.bitCount(due);
            if (tail - head < wanted && row < rowEnd) {
                topUp(wanted, counts);
            }
            long take = due;
            for (int n = Math.min(wanted, tail - head); Long.bitCount(take) > n; ) {
                take &= ~Long.highestOneBit(take);
            }
            live[v] = live[v] & ~due | take;
            if (take != 0) {
                expand(zr, zi, count, pixel, v * LENGTH, take, qzr, qzi, qpixel, head, firstPass);
                head += Long.bitCount(take);
                busy += Long.bitCount(take);
            }
        }

        /** Moves the queue to its start and runs the first pass until it holds {@code wanted} survivors or the band ends. */
        private void topUp(int wanted, int[] counts) {
            int queued = tail - head;
            System.arraycopy(qzr, head, qzr, 0, queued);
            System.arraycopy(qzi, head, qzi, 0, queued);
            System.arraycopy(qpixel, head, qpixel, 0, queued);
            head = 0;
            tail = queued;
            while (tail < wanted && row < rowEnd) {
                firstPass(counts);
            }
        }

        /** Runs the next lane group of the band's pixels densely; writes the finished, queues the rest. */
        private void firstPass(int[] counts) {
            JuliaParams p = params;
            int size = p.size();
            int used = Math.min(lanes, size - column);
            System.arraycopy(coord, column, fzi, 0, used);
            Arrays.fill(fzr, coord[row]);
            Arrays.fill(fcount, 0);
            if (used < lanes) {
                Arrays.fill(fzi, used, lanes, 0);
            }
            for (int v = 0; v < vectors; v++) {
                flive[v] = inUse(used, v * LENGTH);
            }
            int check = Math.min(FIRST_CHECK, firstPass);
            iterate(fzr, fzi, fcount, flive, p.cRe(), p.cIm(), p.zMax2(), check);
            long live = 0;
            for (long bits : flive) {
                live |= bits;
            }
            if (live != 0 && check < firstPass) {
                iterate(fzr, fzi, fcount, flive, p.cRe(), p.cIm(), p.zMax2(), firstPass - check);
            }
            tail = finish(fzr, fzi, fcount, flive, firstPass < p.nMax(), counts, row * size + column, used, qzr, qzi, qpixel, tail);
            column += used;
            if (column == size) {
                column = 0;
                row++;
            }
        }
    }

    /** The lanes of the vector at lane {@code base} that hold one of a lane group's first {@code used} pixels, as bits. */
    private static long inUse(int used, int base) {
        return LANE_BITS >>> (LENGTH - Math.max(0, Math.min(LENGTH, used - base)));
    }

    /** Loads queue entries {@code head...} into the lanes of {@code take} (bits of the vector at {@code base}), in order. */
    private static void expand(double[] zr, double[] zi, double[] count, int[] pixel, int base, long take,
                               double[] qzr, double[] qzi, int[] qpixel, int head, int firstPass) {
        VectorMask<Double> m = VectorMask.fromLong(SPECIES, take);
        DoubleVector.fromArray(SPECIES, zr, base).blend(DoubleVector.fromArray(SPECIES, qzr, head).expand(m), m).intoArray(zr, base);
        DoubleVector.fromArray(SPECIES, zi, base).blend(DoubleVector.fromArray(SPECIES, qzi, head).expand(m), m).intoArray(zi, base);
        DoubleVector.fromArray(SPECIES, count, base).blend(firstPass, m).intoArray(count, base);
        VectorMask<Integer> mi = VectorMask.fromLong(INTS, take);
        IntVector.fromArray(INTS, pixel, base).blend(IntVector.fromArray(INTS, qpixel, head).expand(mi), mi).intoArray(pixel, base);
    }

    /** After the first pass: writes the counts of the finished lanes, appends the survivors to the queue; returns its new tail. */
    private static int finish(double[] zr, double[] zi, double[] count, long[] live, boolean keep, int[] counts,
                              int pixel0, int used, double[] qzr, double[] qzi, int[] qpixel, int tail) {
        for (int v = 0; v < live.length && v * LENGTH < used; v++) {
            int base = v * LENGTH;
            long valid = inUse(used, base);
            long survivors = keep ? live[v] & valid : 0;
            IntVector c = (IntVector) DoubleVector.fromArray(SPECIES, count, base).convertShape(VectorOperators.D2I, INTS, 0);
            c.intoArray(counts, pixel0 + base, VectorMask.fromLong(INTS, valid & ~survivors));
            if (survivors != 0) {
                VectorMask<Double> s = VectorMask.fromLong(SPECIES, survivors);
                DoubleVector.fromArray(SPECIES, zr, base).compress(s).intoArray(qzr, tail);
                DoubleVector.fromArray(SPECIES, zi, base).compress(s).intoArray(qzi, tail);
                IntVector.broadcast(INTS, pixel0 + base).addIndex(1).compress(VectorMask.fromLong(INTS, survivors)).intoArray(qpixel, tail);
                tail += Long.bitCount(survivors);
            }
        }
        return tail;
    }

    /** The lanes of vector {@code v} that are empty or done (not live, or at {@code nMax}), as bits. */
    private static long due(double[] count, long live, int nMax, int v) {
        long done = DoubleVector.fromArray(SPECIES, count, v * LENGTH).compare(VectorOperators.GE, (double) nMax).toLong();
        return (done | ~live) & LANE_BITS;
    }

    /** The highest count among the live lanes of vector {@code v} (minus infinity if none). */
    private static double oldest(double[] count, long live, int v) {
        return DoubleVector.fromArray(SPECIES, count, v * LENGTH).reduceLanes(VectorOperators.MAX, VectorMask.fromLong(SPECIES, live));
    }

    /**
     * Runs {@code iterations} updates on the lanes of 6 vectors: a lane whose live bit is set and whose
     * {@code |z|^2 < zMax2} adds one to its count and stays live; a failing test clears the bit for
     * good. {@code z} is updated in every lane (a dead lane's {@code z} is never read again). One
     * counted loop, nothing passed in or out but arrays and scalars.
     */
    private static void iterate6(double[] zr, double[] zi, double[] count, long[] live,
                                double cRe, double cIm, double zMax2, int iterations) {
        DoubleVector re = DoubleVector.broadcast(SPECIES, cRe), im = DoubleVector.broadcast(SPECIES, cIm);
        DoubleVector limit = DoubleVector.broadcast(SPECIES, zMax2);
        DoubleVector one = DoubleVector.broadcast(SPECIES, 1.0), two = DoubleVector.broadcast(SPECIES, 2.0);
        DoubleVector r0 = DoubleVector.fromArray(SPECIES, zr, 0), i0 = DoubleVector.fromArray(SPECIES, zi, 0);
        DoubleVector c0 = DoubleVector.fromArray(SPECIES, count, 0); VectorMask<Double> m0 = VectorMask.fromLong(SPECIES, live[0]);
        DoubleVector r1 = DoubleVector.fromArray(SPECIES, zr, 1 * LENGTH), i1 = DoubleVector.fromArray(SPECIES, zi, 1 * LENGTH);
        DoubleVector c1 = DoubleVector.fromArray(SPECIES, count, 1 * LENGTH); VectorMask<Double> m1 = VectorMask.fromLong(SPECIES, live[1]);
        DoubleVector r2 = DoubleVector.fromArray(SPECIES, zr, 2 * LENGTH), i2 = DoubleVector.fromArray(SPECIES, zi, 2 * LENGTH);
        DoubleVector c2 = DoubleVector.fromArray(SPECIES, count, 2 * LENGTH); VectorMask<Double> m2 = VectorMask.fromLong(SPECIES, live[2]);
        DoubleVector r3 = DoubleVector.fromArray(SPECIES, zr, 3 * LENGTH), i3 = DoubleVector.fromArray(SPECIES, zi, 3 * LENGTH);
        DoubleVector c3 = DoubleVector.fromArray(SPECIES, count, 3 * LENGTH); VectorMask<Double> m3 = VectorMask.fromLong(SPECIES, live[3]);
        DoubleVector r4 = DoubleVector.fromArray(SPECIES, zr, 4 * LENGTH), i4 = DoubleVector.fromArray(SPECIES, zi, 4 * LENGTH);
        DoubleVector c4 = DoubleVector.fromArray(SPECIES, count, 4 * LENGTH); VectorMask<Double> m4 = VectorMask.fromLong(SPECIES, live[4]);
        DoubleVector r5 = DoubleVector.fromArray(SPECIES, zr, 5 * LENGTH), i5 = DoubleVector.fromArray(SPECIES, zi, 5 * LENGTH);
        DoubleVector c5 = DoubleVector.fromArray(SPECIES, count, 5 * LENGTH); VectorMask<Double> m5 = VectorMask.fromLong(SPECIES, live[5]);
        for (int it = 0; it < iterations; it++) {
            // per vector: the escape test on the old z (masked: a dead lane stays dead), then the update
            DoubleVector rr0 = r0.mul(r0), ii0 = i0.mul(i0), t0 = r0.mul(i0);
            DoubleVector rr1 = r1.mul(r1), ii1 = i1.mul(i1), t1 = r1.mul(i1);
            DoubleVector rr2 = r2.mul(r2), ii2 = i2.mul(i2), t2 = r2.mul(i2);
            DoubleVector rr3 = r3.mul(r3), ii3 = i3.mul(i3), t3 = r3.mul(i3);
            DoubleVector rr4 = r4.mul(r4), ii4 = i4.mul(i4), t4 = r4.mul(i4);
            DoubleVector rr5 = r5.mul(r5), ii5 = i5.mul(i5), t5 = r5.mul(i5);
            m0 = rr0.add(ii0).compare(VectorOperators.LT, limit, m0); c0 = c0.add(one, m0);
            m1 = rr1.add(ii1).compare(VectorOperators.LT, limit, m1); c1 = c1.add(one, m1);
            m2 = rr2.add(ii2).compare(VectorOperators.LT, limit, m2); c2 = c2.add(one, m2);
            m3 = rr3.add(ii3).compare(VectorOperators.LT, limit, m3); c3 = c3.add(one, m3);
            m4 = rr4.add(ii4).compare(VectorOperators.LT, limit, m4); c4 = c4.add(one, m4);
            m5 = rr5.add(ii5).compare(VectorOperators.LT, limit, m5); c5 = c5.add(one, m5);
            r0 = rr0.sub(ii0).add(re); i0 = t0.mul(two).add(im);
            r1 = rr1.sub(ii1).add(re); i1 = t1.mul(two).add(im);
            r2 = rr2.sub(ii2).add(re); i2 = t2.mul(two).add(im);
            r3 = rr3.sub(ii3).add(re); i3 = t3.mul(two).add(im);
            r4 = rr4.sub(ii4).add(re); i4 = t4.mul(two).add(im);
            r5 = rr5.sub(ii5).add(re); i5 = t5.mul(two).add(im);
        }
        r0.intoArray(zr, 0); i0.intoArray(zi, 0);
        c0.intoArray(count, 0); live[0] = m0.toLong();
        r1.intoArray(zr, 1 * LENGTH); i1.intoArray(zi, 1 * LENGTH);
        c1.intoArray(count, 1 * LENGTH); live[1] = m1.toLong();
        r2.intoArray(zr, 2 * LENGTH); i2.intoArray(zi, 2 * LENGTH);
        c2.intoArray(count, 2 * LENGTH); live[2] = m2.toLong();
        r3.intoArray(zr, 3 * LENGTH); i3.intoArray(zi, 3 * LENGTH);
        c3.intoArray(count, 3 * LENGTH); live[3] = m3.toLong();
        r4.intoArray(zr, 4 * LENGTH); i4.intoArray(zi, 4 * LENGTH);
        c4.intoArray(count, 4 * LENGTH); live[4] = m4.toLong();
        r5.intoArray(zr, 5 * LENGTH); i5.intoArray(zi, 5 * LENGTH);
        c5.intoArray(count, 5 * LENGTH); live[5] = m5.toLong();
    }

    /** As {@link #iterate6}, on the lanes of 3 vectors: the same statements, for vectors 0 to 2. */
    private static void iterate3(double[] zr, double[] zi, double[] count, long[] live,
                                double cRe, double cIm, double zMax2, int iterations) {
        DoubleVector re = DoubleVector.broadcast(SPECIES, cRe), im = DoubleVector.broadcast(SPECIES, cIm);
        DoubleVector limit = DoubleVector.broadcast(SPECIES, zMax2);
        DoubleVector one = DoubleVector.broadcast(SPECIES, 1.0), two = DoubleVector.broadcast(SPECIES, 2.0);
        DoubleVector r0 = DoubleVector.fromArray(SPECIES, zr, 0), i0 = DoubleVector.fromArray(SPECIES, zi, 0);
        DoubleVector c0 = DoubleVector.fromArray(SPECIES, count, 0); VectorMask<Double> m0 = VectorMask.fromLong(SPECIES, live[0]);
        DoubleVector r1 = DoubleVector.fromArray(SPECIES, zr, 1 * LENGTH), i1 = DoubleVector.fromArray(SPECIES, zi, 1 * LENGTH);
        DoubleVector c1 = DoubleVector.fromArray(SPECIES, count, 1 * LENGTH); VectorMask<Double> m1 = VectorMask.fromLong(SPECIES, live[1]);
        DoubleVector r2 = DoubleVector.fromArray(SPECIES, zr, 2 * LENGTH), i2 = DoubleVector.fromArray(SPECIES, zi, 2 * LENGTH);
        DoubleVector c2 = DoubleVector.fromArray(SPECIES, count, 2 * LENGTH); VectorMask<Double> m2 = VectorMask.fromLong(SPECIES, live[2]);
        for (int it = 0; it < iterations; it++) {
            // per vector: the escape test on the old z (masked: a dead lane stays dead), then the update
            DoubleVector rr0 = r0.mul(r0), ii0 = i0.mul(i0), t0 = r0.mul(i0);
            DoubleVector rr1 = r1.mul(r1), ii1 = i1.mul(i1), t1 = r1.mul(i1);
            DoubleVector rr2 = r2.mul(r2), ii2 = i2.mul(i2), t2 = r2.mul(i2);
            m0 = rr0.add(ii0).compare(VectorOperators.LT, limit, m0); c0 = c0.add(one, m0);
            m1 = rr1.add(ii1).compare(VectorOperators.LT, limit, m1); c1 = c1.add(one, m1);
            m2 = rr2.add(ii2).compare(VectorOperators.LT, limit, m2); c2 = c2.add(one, m2);
            r0 = rr0.sub(ii0).add(re); i0 = t0.mul(two).add(im);
            r1 = rr1.sub(ii1).add(re); i1 = t1.mul(two).add(im);
            r2 = rr2.sub(ii2).add(re); i2 = t2.mul(two).add(im);
        }
        r0.intoArray(zr, 0); i0.intoArray(zi, 0);
        c0.intoArray(count, 0); live[0] = m0.toLong();
        r1.intoArray(zr, 1 * LENGTH); i1.intoArray(zi, 1 * LENGTH);
        c1.intoArray(count, 1 * LENGTH); live[1] = m1.toLong();
        r2.intoArray(zr, 2 * LENGTH); i2.intoArray(zi, 2 * LENGTH);
        c2.intoArray(count, 2 * LENGTH); live[2] = m2.toLong();
    }
}
