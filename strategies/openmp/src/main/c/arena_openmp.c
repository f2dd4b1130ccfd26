/*
 * The golden contract's Julia-set escape-time kernel for the openmp strategy, written for this
 * module. Compiled with -O3 -fopenmp -ffp-contract=off and no -march: every product and sum is
 * rounded on its own (no FMA), and AVX-512 is reached only through a function target attribute
 * behind a run-time CPU check, so one build runs on any x86-64.
 *
 * Entry points: arena_julia, arena_count_equal, arena_has_avx512, arena_close. Rows [first_row,
 * last_row) of the (R+1) x (R+1) grid are written to counts (row-major, full grid). The fraction's
 * numerator (points at n_max) is an OpenMP reduction. The cancel flag is polled before each row and,
 * inside, every 2^16 point updates (c-scalar) or at most every 2^13 vector updates (c-avx512).
 *
 * Built with -DARENA_EMULATE_AVX512 (tests only), the c-avx512 code is compiled against SIMDe's
 * portable AVX-512 and runs on any CPU; the shipped library never is.
 */
#include <omp.h>
#include <stdint.h>
#include <string.h>
#include <time.h>

#define ARENA_OK 0
#define ARENA_INVALID_ARGUMENT 1
#define ARENA_CANCELLED 2
#define ARENA_NO_AVX512 3
#define ARENA_NO_MEMORY 4

#define ARENA_KERNEL_SCALAR 0
#define ARENA_KERNEL_AVX512 1

#define ARENA_SCHEDULE_STATIC 0
#define ARENA_SCHEDULE_DYNAMIC 1
#define ARENA_SCHEDULE_GUIDED 2

/* c-scalar polls the cancel flag once per 2^16 point updates (the JVM kernels' StopSignal.POLL_UPDATES). */
#define ARENA_POLL_MASK_SCALAR 0xFFFF
#define ARENA_ROW_CANCELLED (-1)

/*
 * One row by the contract, each operation rounded in the contract's order; returns the points that
 * reached n_max, or ARENA_ROW_CANCELLED once it sees the cancel flag set.
 */
static int64_t row_scalar(int64_t i, int64_t n, double bound, double step, double zmax2,
                          double c_re, double c_im, int32_t n_max, int32_t *out, volatile int32_t *cancel) {
    int64_t at_nmax = 0;
    double real = -bound + (double) i * step;
    for (int64_t j = 0; j < n; j++) {
        double zr = real;
        double zi = -bound + (double) j * step;
        int32_t k = 0;
        for (;;) {
            double zr2 = zr * zr, zi2 = zi * zi;
            if (!((zr2 + zi2) < zmax2) || k >= n_max) {
                break;
            }
            double t = zr * zi; /* zr*zi + zi*zr == t + t exactly (golden README) */
            zr = (zr2 - zi2) + c_re;
            zi = (t + t) + c_im;
            k++;
            if ((k & ARENA_POLL_MASK_SCALAR) == 0 && *cancel) {
                return ARENA_ROW_CANCELLED;
            }
        }
        out[j] = k;
        at_nmax += (k == n_max);
    }
    return at_nmax;
}

#if defined(ARENA_EMULATE_AVX512)
/*
 * Tests only (never the shipped library): the same AVX-512 intrinsics in portable C through SIMDe,
 * so that the c-avx512 code below runs, and is checked bit for bit, on a CPU without AVX-512.
 * SIMDe 0.7.4 lacks the two expands; they follow Intel's pseudo-code here.
 */
#define SIMDE_ENABLE_NATIVE_ALIASES
#include <simde/x86/avx512.h>
#define ARENA_AVX512_KERNEL 1
#define ARENA_AVX512_TARGET
typedef simde__mmask8 __mmask8;
/* Intel's vexpandpd/vexpandq on 64-bit lanes: k's lanes of *dst take *from's first lanes, in order. */
static inline void arena_emulated_expand(void *dst, __mmask8 k, const void *from) {
    uint64_t d[8], f[8];
    memcpy(d, dst, sizeof d);
    memcpy(f, from, sizeof f);
    for (int j = 0, m = 0; j < 8; j++) {
        if ((k >> j) & 1) {
            d[j] = f[m++];
        }
    }
    memcpy(dst, d, sizeof d);
}
/* The intrinsic `name` on vectors of `type`, by arena_emulated_expand. */
#define ARENA_EMULATED_EXPAND(type, name) \
    static inline type name(type src, __mmask8 k, type a) { arena_emulated_expand(&src, k, &a); return src; }
#ifndef _mm512_mask_expand_pd
ARENA_EMULATED_EXPAND(__m512d, arena_emulated_mask_expand_pd)
#define _mm512_mask_expand_pd(src, k, a) arena_emulated_mask_expand_pd((src), (k), (a))
#endif
#ifndef _mm512_mask_expand_epi64
ARENA_EMULATED_EXPAND(__m512i, arena_emulated_mask_expand_epi64)
#define _mm512_mask_expand_epi64(src, k, a) arena_emulated_mask_expand_epi64((src), (k), (a))
#endif
#elif defined(__x86_64__)
#include <immintrin.h>
#define ARENA_AVX512_KERNEL 1
#define ARENA_AVX512_TARGET __attribute__((target("avx512f")))
#endif

#if defined(ARENA_AVX512_KERNEL)
#include <stdlib.h>

/*
 * The c-avx512 kernel: each thread keeps ARENA_VECTORS independent vectors of 8 lanes in flight (so
 * the latency of one vector's dependent mul/sub/add chain is hidden behind the others) in two passes,
 * like the JVM's vector kernel:
 *  1. a dense first pass over each row it is handed, ARENA_LANES columns at a time, for
 *     t1 = min(ARENA_FIRST_PASS, n_max) updates (stopping after ARENA_FIRST_CHECK if every lane has
 *     escaped); the pixels finished there (most) are stored at once, the survivors are compressed
 *     into the thread's queue with their z and pixel index;
 *  2. lane refill: the lanes iterate survivors in blocks of at most ARENA_BLOCK updates, ending when
 *     the oldest lane reaches n_max; after a block each lane whose pixel escaped or reached n_max
 *     writes its count and takes the queue's next survivor (a vector expand).
 * Survivors of a row may finish while the same thread works on its later rows; the thread finishes
 * all of them after its last row (the drain), before the parallel region ends. Which thread computes
 * which row is still exactly OpenMP's schedule.
 * Per lane the arithmetic is the contract's, in its order, each operation rounded on its own; a lane
 * counts an update only while every escape test of its pixel has passed (a sticky live mask), and a
 * compare with NaN or infinity is false as in the scalar test, so counts are the scalar kernel's.
 * A block never takes a lane past n_max, so a count never needs clamping.
 */
/*
 * Six vectors: 18 zmm of lane state plus constants and temporaries fit the 32 zmm registers, and the
 * six live masks the 7 usable mask registers (the JVM kernel keeps 7; its counts are doubles). The
 * pass lengths were chosen by counting, not timing (no AVX-512 machine was at hand): in the chapter's
 * case, counted with the emulated build, 98% of the lane updates are a live pixel's, for a first pass
 * of 16 and blocks of 16 to 64 alike; 64 needs half the refill passes of 32 (about 81,000 against
 * 155,000 per grid). Speed on AVX-512 is not measured yet.
 */
#define ARENA_VECTORS 6
#define ARENA_LANES (ARENA_VECTORS * 8)
#define ARENA_FIRST_PASS 16
#define ARENA_FIRST_CHECK 8
#define ARENA_BLOCK 64
/* Vector updates between two polls of the cancel flag: at most 2^13 (one step is at most this many). */
#define ARENA_POLL_UPDATES 0x2000
#define ARENA_MAX_STEP (ARENA_VECTORS * (ARENA_BLOCK > ARENA_FIRST_PASS ? ARENA_BLOCK : ARENA_FIRST_PASS))

/* ARENA_LANES lanes: z, count, the pixel's index in the grid (-1: empty) and a live mask per vector. */
typedef struct {
    double zr[ARENA_LANES], zi[ARENA_LANES];
    int64_t k[ARENA_LANES], pix[ARENA_LANES];
    uint8_t live[ARENA_VECTORS];
} arena_lanes;

/* One thread's c-avx512 state across the rows OpenMP hands it. */
typedef struct {
    arena_lanes run;                    /* the refill pass's lanes */
    double *qzr, *qzi;                  /* the survivors' queue, [head, tail) */
    int64_t *qpix;
    int64_t head, tail;
    uint32_t since_poll;                /* vector updates since the cancel flag was last read */
} arena_refill;

/* The problem, as the c-avx512 passes read it. */
typedef struct {
    const double *coord;                /* coord[k] = -bound + k*step, padded with ARENA_LANES zeros */
    int64_t n;
    double c_re, c_im, zmax2;
    int64_t n_max, t1;
    int32_t *counts;
    volatile int32_t *cancel;
} arena_problem;

static arena_refill *arena_refill_new(int64_t n) {
    arena_refill *r = calloc(1, sizeof(arena_refill));
    if (r == NULL) {
        return NULL;
    }
    size_t cap = (size_t) (n + ARENA_LANES + 16);
    r->qzr = malloc(cap * sizeof(double));
    r->qzi = malloc(cap * sizeof(double));
    r->qpix = malloc(cap * sizeof(int64_t));
    if (r->qzr == NULL || r->qzi == NULL || r->qpix == NULL) {
        free(r->qzr);
        free(r->qzi);
        free(r->qpix);
        free(r);
        return NULL;
    }
    /* the slack behind the queue is read by whole-vector loads: keep it defined */
    memset(r->qzr, 0, cap * sizeof(double));
    memset(r->qzi, 0, cap * sizeof(double));
    memset(r->qpix, 0, cap * sizeof(int64_t));
    for (int l = 0; l < ARENA_LANES; l++) {
        r->run.pix[l] = -1;
    }
    return r;
}

static void arena_refill_free(arena_refill *r) {
    if (r != NULL) {
        free(r->qzr);
        free(r->qzi);
        free(r->qpix);
        free(r);
    }
}

/* Counts `updates` vector updates; returns 1 when that ends a poll interval and the cancel flag is set. */
static inline int spend(arena_refill *r, const arena_problem *p, uint32_t updates) {
    r->since_poll += updates;
    if (r->since_poll >= ARENA_POLL_UPDATES - ARENA_MAX_STEP) {
        r->since_poll = 0;
        return *p->cancel != 0;
    }
    return 0;
}

/*
 * Runs `len` updates on every vector of `lanes`: a live lane whose |z|^2 < zmax2 adds one to its
 * count and stays live; a failing test clears its live bit for good. z is updated in every lane (a
 * dead lane's z is never read again). The one loop that holds the vectors in registers.
 */
ARENA_AVX512_TARGET
static void iterate(arena_lanes *lanes, const arena_problem *p, int64_t len) {
    const __m512d vcre = _mm512_set1_pd(p->c_re);
    const __m512d vcim = _mm512_set1_pd(p->c_im);
    const __m512d vzmax2 = _mm512_set1_pd(p->zmax2);
    const __m512i one = _mm512_set1_epi64(1);
    __m512d zr[ARENA_VECTORS], zi[ARENA_VECTORS];
    __m512i k[ARENA_VECTORS];
    __mmask8 live[ARENA_VECTORS];
#pragma GCC unroll 8
    for (int v = 0; v < ARENA_VECTORS; v++) {
        zr[v] = _mm512_loadu_pd(lanes->zr + 8 * v);
        zi[v] = _mm512_loadu_pd(lanes->zi + 8 * v);
        k[v] = _mm512_loadu_si512(lanes->k + 8 * v);
        live[v] = lanes->live[v];
    }
    for (int64_t it = 0; it < len; it++) {
#pragma GCC unroll 8
        for (int v = 0; v < ARENA_VECTORS; v++) {
            __m512d zr2 = _mm512_mul_pd(zr[v], zr[v]);
            __m512d zi2 = _mm512_mul_pd(zi[v], zi[v]);
            __m512d t = _mm512_mul_pd(zr[v], zi[v]); /* zr*zi + zi*zr == t + t exactly (golden README) */
            live[v] &= _mm512_cmp_pd_mask(_mm512_add_pd(zr2, zi2), vzmax2, _CMP_LT_OQ);
            k[v] = _mm512_mask_add_epi64(k[v], live[v], k[v], one);
            zr[v] = _mm512_add_pd(_mm512_sub_pd(zr2, zi2), vcre);
            zi[v] = _mm512_add_pd(_mm512_add_pd(t, t), vcim);
        }
    }
#pragma GCC unroll 8
    for (int v = 0; v < ARENA_VECTORS; v++) {
        _mm512_storeu_pd(lanes->zr + 8 * v, zr[v]);
        _mm512_storeu_pd(lanes->zi + 8 * v, zi[v]);
        _mm512_storeu_si512(lanes->k + 8 * v, k[v]);
        lanes->live[v] = live[v];
    }
}

/* The lanes [base, base + 8) among the first `used` of a lane group, as mask bits. */
static inline __mmask8 in_use(int64_t used, int64_t base) {
    int64_t m = used - base;
    return m >= 8 ? 0xFF : m <= 0 ? 0 : (__mmask8) ((1u << m) - 1);
}

/*
 * The first pass over row i: ARENA_LANES columns at a time for t1 updates; stores the finished
 * counts, queues the survivors. Returns the points stored at n_max, or ARENA_ROW_CANCELLED.
 */
ARENA_AVX512_TARGET
static int64_t first_pass(arena_refill *r, const arena_problem *p, int64_t i) {
    const int64_t n = p->n;
    const int keep = p->t1 < p->n_max;
    const __m512i vnmax = _mm512_set1_epi64(p->n_max);
    const __m512i lane_index = _mm512_set_epi64(7, 6, 5, 4, 3, 2, 1, 0);
    int32_t *out = p->counts + i * n;
    int64_t at_nmax = 0;
    arena_lanes g;
    for (int64_t j0 = 0; j0 < n; j0 += ARENA_LANES) {
        int64_t used = n - j0 < ARENA_LANES ? n - j0 : ARENA_LANES;
        const __m512d real = _mm512_set1_pd(p->coord[i]);
        const __m512i zero = _mm512_setzero_si512();
        for (int v = 0; v < ARENA_VECTORS; v++) {
            _mm512_storeu_pd(g.zr + 8 * v, real);
            _mm512_storeu_pd(g.zi + 8 * v, _mm512_loadu_pd(p->coord + j0 + 8 * v));
            _mm512_storeu_si512(g.k + 8 * v, zero);
            g.live[v] = in_use(used, 8 * v);
        }
        int64_t check = p->t1 < ARENA_FIRST_CHECK ? p->t1 : ARENA_FIRST_CHECK;
        iterate(&g, p, check);
        int any = 0;
        for (int v = 0; v < ARENA_VECTORS; v++) {
            any |= g.live[v];
        }
        if (any && check < p->t1) {
            iterate(&g, p, p->t1 - check);
        }
        for (int v = 0; v < ARENA_VECTORS && 8 * v < used; v++) {
            __mmask8 valid = in_use(used, 8 * v);
            __mmask8 survivors = keep ? (__mmask8) (g.live[v] & valid) : 0;
            __m512i k = _mm512_loadu_si512(g.k + 8 * v);
            __mmask8 finished = (__mmask8) (valid & ~survivors);
            if (valid == 0xFF) {
                /* whole vector: a survivor's cell gets its first-pass count now, its final count later */
                _mm256_storeu_si256((__m256i *) (out + j0 + 8 * v), _mm512_cvtepi64_epi32(k));
            } else {
                for (int l = 0; l < 8; l++) {
                    if ((finished >> l) & 1) {
                        out[j0 + 8 * v + l] = (int32_t) g.k[8 * v + l];
                    }
                }
            }
            at_nmax += __builtin_popcount(finished & _mm512_cmpeq_epi64_mask(k, vnmax));
            if (survivors) {
                __m512i pix = _mm512_add_epi64(_mm512_set1_epi64(i * n + j0 + 8 * v), lane_index);
                _mm512_storeu_pd(r->qzr + r->tail, _mm512_maskz_compress_pd(survivors, _mm512_loadu_pd(g.zr + 8 * v)));
                _mm512_storeu_pd(r->qzi + r->tail, _mm512_maskz_compress_pd(survivors, _mm512_loadu_pd(g.zi + 8 * v)));
                _mm512_storeu_si512(r->qpix + r->tail, _mm512_maskz_compress_epi64(survivors, pix));
                r->tail += __builtin_popcount(survivors);
            }
        }
        if (spend(r, p, (uint32_t) (ARENA_VECTORS * p->t1))) {
            return ARENA_ROW_CANCELLED;
        }
    }
    return at_nmax;
}

/*
 * The refill pass: retires the lanes whose pixel escaped or reached n_max (their counts written),
 * refills them from the queue and runs a block, until the lanes are empty or, unless draining, the
 * queue cannot fill every free lane (the thread's next row will bring more survivors). Returns the
 * points written at n_max, or ARENA_ROW_CANCELLED.
 */
ARENA_AVX512_TARGET
static int64_t refill_pass(arena_refill *r, const arena_problem *p, int draining) {
    arena_lanes *run = &r->run;
    const __m512i vnmax = _mm512_set1_epi64(p->n_max);
    const __m512i vt1 = _mm512_set1_epi64(p->t1);
    const __m512i empty = _mm512_set1_epi64(-1);
    const __m512i zero = _mm512_setzero_si512();
    int64_t at_nmax = 0;
    for (;;) {
        int starved = 0;
        __mmask8 any = 0;
        __m512i oldest = zero;
        for (int v = 0; v < ARENA_VECTORS; v++) {
            __m512i k = _mm512_loadu_si512(run->k + 8 * v);
            __m512i pix = _mm512_loadu_si512(run->pix + 8 * v);
            __mmask8 due = (__mmask8) (~run->live[v] | _mm512_cmpge_epi64_mask(k, vnmax));
            if (due) {
                __mmask8 retire = (__mmask8) (due & _mm512_cmpge_epi64_mask(pix, zero));
                at_nmax += __builtin_popcount(retire & _mm512_cmpeq_epi64_mask(k, vnmax));
                for (int l = 0; l < 8; l++) {
                    if ((retire >> l) & 1) {
                        p->counts[run->pix[8 * v + l]] = (int32_t) run->k[8 * v + l];
                    }
                }
                int64_t queued = r->tail - r->head;
                __mmask8 take = due;
                while (__builtin_popcount(take) > queued) {
                    take &= (__mmask8) (take - 1);
                }
                starved |= take != due;
                __m512d zr = _mm512_mask_expand_pd(_mm512_loadu_pd(run->zr + 8 * v), take, _mm512_loadu_pd(r->qzr + r->head));
                __m512d zi = _mm512_mask_expand_pd(_mm512_loadu_pd(run->zi + 8 * v), take, _mm512_loadu_pd(r->qzi + r->head));
                pix = _mm512_mask_expand_epi64(pix, take, _mm512_loadu_si512(r->qpix + r->head));
                pix = _mm512_mask_mov_epi64(pix, (__mmask8) (due & ~take), empty);
                k = _mm512_mask_mov_epi64(k, take, vt1);
                r->head += __builtin_popcount(take);
                run->live[v] = (__mmask8) ((run->live[v] & ~due) | take);
                _mm512_storeu_pd(run->zr + 8 * v, zr);
                _mm512_storeu_pd(run->zi + 8 * v, zi);
                _mm512_storeu_si512(run->k + 8 * v, k);
                _mm512_storeu_si512(run->pix + 8 * v, pix);
            }
            any |= run->live[v];
            oldest = _mm512_max_epi64(oldest, _mm512_maskz_mov_epi64(run->live[v], k));
        }
        if (!any || (starved && !draining)) {
            return at_nmax;
        }
        int64_t ks[8], old = 0;
        _mm512_storeu_si512(ks, oldest);
        for (int l = 0; l < 8; l++) {
            old = ks[l] > old ? ks[l] : old;
        }
        int64_t len = p->n_max - old < ARENA_BLOCK ? p->n_max - old : ARENA_BLOCK;
        iterate(run, p, len);
        if (spend(r, p, (uint32_t) (ARENA_VECTORS * len))) {
            return ARENA_ROW_CANCELLED;
        }
    }
}

/*
 * Row i by c-avx512: its first pass, then refill blocks while the queue keeps the lanes full.
 * Returns the points written at n_max meanwhile (of this row or earlier ones), or ARENA_ROW_CANCELLED.
 */
static int64_t row_avx512(arena_refill *r, const arena_problem *p, int64_t i) {
    int64_t queued = r->tail - r->head;
    memmove(r->qzr, r->qzr + r->head, (size_t) queued * sizeof(double));
    memmove(r->qzi, r->qzi + r->head, (size_t) queued * sizeof(double));
    memmove(r->qpix, r->qpix + r->head, (size_t) queued * sizeof(int64_t));
    r->head = 0;
    r->tail = queued;
    int64_t first = first_pass(r, p, i);
    if (first == ARENA_ROW_CANCELLED) {
        return ARENA_ROW_CANCELLED;
    }
    int64_t refilled = refill_pass(r, p, 0);
    return refilled == ARENA_ROW_CANCELLED ? ARENA_ROW_CANCELLED : first + refilled;
}
#endif

/* 1 where the CPU runs the avx512 kernel, 0 otherwise (always 1 in the tests' emulated build). */
int arena_has_avx512(void) {
#if defined(ARENA_EMULATE_AVX512)
    return 1;
#elif defined(__x86_64__)
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx512f") ? 1 : 0;
#else
    return 0;
#endif
}

/* CLOCK_MONOTONIC in nanoseconds: the clock of the JVM's System.nanoTime on Linux. */
static int64_t arena_now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (int64_t) t.tv_sec * 1000000000 + t.tv_nsec;
}

/*
 * Computes rows [first_row, last_row) into counts and adds the points at n_max to *at_nmax.
 * Returns ARENA_OK, ARENA_INVALID_ARGUMENT, ARENA_CANCELLED (the flag was set), ARENA_NO_AVX512 or
 * ARENA_NO_MEMORY. Rows go to threads by OpenMP's schedule; a c-avx512 thread finishes the survivors
 * of its rows after its last row, inside the parallel region.
 * timeline, when not NULL, holds three int64 per row of [first_row, last_row): the OpenMP thread
 * number that computed it, and arena_now() when the thread took the row and when it took its next
 * one (for its last row: when it had finished all its rows, survivors included), so that a thread's
 * rows tile its busy time. Rows not computed (a cancelled run) keep their entries.
 */
int arena_julia(int32_t resolution, double c_re, double c_im, double bound, double z_max, int32_t n_max,
                int32_t first_row, int32_t last_row, int32_t *counts, int32_t kernel, int32_t threads,
                int32_t schedule, int32_t chunk, volatile int32_t *cancel, int64_t *at_nmax, int64_t *timeline) {
    if (resolution < 1 || counts == NULL || at_nmax == NULL || cancel == NULL || threads < 1
            || first_row < 0 || last_row > resolution + 1 || first_row > last_row
            || schedule < ARENA_SCHEDULE_STATIC || schedule > ARENA_SCHEDULE_GUIDED || chunk < 0
            || (kernel != ARENA_KERNEL_SCALAR && kernel != ARENA_KERNEL_AVX512)) {
        return ARENA_INVALID_ARGUMENT;
    }
    if (kernel == ARENA_KERNEL_AVX512 && !arena_has_avx512()) {
        return ARENA_NO_AVX512;
    }
    const int64_t n = (int64_t) resolution + 1;
    const double step = (2.0 * bound) / (double) resolution;
    const double zmax2 = z_max * z_max;
#if defined(ARENA_AVX512_KERNEL)
    double *coord = NULL;
    if (kernel == ARENA_KERNEL_AVX512) {
        coord = calloc((size_t) (n + ARENA_LANES), sizeof(double));
        if (coord == NULL) {
            return ARENA_NO_MEMORY;
        }
        for (int64_t k = 0; k < n; k++) {
            coord[k] = -bound + (double) k * step;
        }
    }
    const arena_problem problem = {coord, n, c_re, c_im, zmax2, n_max, n_max < ARENA_FIRST_PASS ? n_max : ARENA_FIRST_PASS,
                                   counts, cancel};
#endif
    omp_sched_t kind = schedule == ARENA_SCHEDULE_DYNAMIC ? omp_sched_dynamic
                     : schedule == ARENA_SCHEDULE_GUIDED ? omp_sched_guided : omp_sched_static;
    omp_set_schedule(kind, chunk);
    int64_t total = 0;
    int cancelled = 0, no_memory = 0;
#pragma omp parallel num_threads(threads) reduction(+:total) reduction(|:cancelled, no_memory)
    {
#if defined(ARENA_AVX512_KERNEL)
        arena_refill *lanes = NULL;
        if (kernel == ARENA_KERNEL_AVX512) {
            lanes = arena_refill_new(n);
            no_memory = lanes == NULL;
        }
#endif
        int64_t *last_slot = NULL;
#pragma omp for schedule(runtime) nowait
        for (int32_t i = first_row; i < last_row; i++) {
            if (cancelled || no_memory || *cancel) {
                cancelled |= *cancel != 0;
                continue;
            }
            if (timeline != NULL) {
                int64_t now = arena_now();
                if (last_slot != NULL) {
                    last_slot[2] = now;
                }
                last_slot = timeline + 3 * (int64_t) (i - first_row);
                last_slot[0] = omp_get_thread_num();
                last_slot[1] = now;
            }
            int64_t at_row;
#if defined(ARENA_AVX512_KERNEL)
            if (kernel == ARENA_KERNEL_AVX512) {
                at_row = row_avx512(lanes, &problem, i);
            } else
#endif
            at_row = row_scalar(i, n, bound, step, zmax2, c_re, c_im, n_max, counts + (int64_t) i * n, cancel);
            if (at_row == ARENA_ROW_CANCELLED) {
                cancelled = 1;
            } else {
                total += at_row;
            }
        }
#if defined(ARENA_AVX512_KERNEL)
        if (lanes != NULL && !cancelled) {
            int64_t drained = refill_pass(lanes, &problem, 1);
            if (drained == ARENA_ROW_CANCELLED) {
                cancelled = 1;
            } else {
                total += drained;
            }
        }
        arena_refill_free(lanes);
#endif
        if (last_slot != NULL) {
            last_slot[2] = arena_now();
        }
    }
#if defined(ARENA_AVX512_KERNEL)
    free(coord);
#endif
    if (no_memory) {
        return ARENA_NO_MEMORY;
    }
    if (cancelled) {
        return ARENA_CANCELLED;
    }
    *at_nmax += total;
    return ARENA_OK;
}

/*
 * Counts the cells of counts[0, cells) equal to value into *count with an OpenMP reduction over
 * threads (julia_fraction's numerator for a grid computed elsewhere). Returns ARENA_OK or
 * ARENA_INVALID_ARGUMENT.
 */
int arena_count_equal(const int32_t *counts, int64_t cells, int32_t value, int32_t threads, int64_t *count) {
    if (counts == NULL || count == NULL || cells < 0 || threads < 1) {
        return ARENA_INVALID_ARGUMENT;
    }
    int64_t total = 0;
#pragma omp parallel for schedule(static) num_threads(threads) reduction(+:total)
    for (int64_t c = 0; c < cells; c++) {
        total += (counts[c] == value);
    }
    *count = total;
    return ARENA_OK;
}

/* Ends libgomp's thread teams, so no native thread outlives the strategy. */
void arena_close(void) {
    omp_pause_resource_all(omp_pause_hard);
}
