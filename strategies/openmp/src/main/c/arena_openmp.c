/*
 * The golden contract's Julia-set escape-time kernel for the openmp strategy, written for this
 * module. Compiled with -O3 -fopenmp -ffp-contract=off and no -march: every product and sum is
 * rounded on its own (no FMA), and AVX-512 is reached only through a function target attribute
 * behind a run-time CPU check, so one build runs on any x86-64.
 *
 * Entry points: arena_julia, arena_count_equal, arena_has_avx512, arena_close. Rows [first_row, last_row) of the (R+1) x (R+1) grid are written to
 * counts (row-major, full grid). The fraction's numerator (points at n_max) is an OpenMP
 * reduction. The cancel flag is polled before each row and every 2^16 point updates inside it.
 */
#include <omp.h>
#include <stdint.h>
#include <string.h>

#define ARENA_OK 0
#define ARENA_INVALID_ARGUMENT 1
#define ARENA_CANCELLED 2
#define ARENA_NO_AVX512 3

#define ARENA_KERNEL_SCALAR 0
#define ARENA_KERNEL_AVX512 1

#define ARENA_SCHEDULE_STATIC 0
#define ARENA_SCHEDULE_DYNAMIC 1
#define ARENA_SCHEDULE_GUIDED 2

/* The escape loops poll the cancel flag once per 2^16 point updates (the JVM kernels' StopSignal.POLL_UPDATES). */
#define ARENA_POLL_MASK_SCALAR 0xFFFF
#define ARENA_POLL_MASK_AVX512 0x1FFF
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

#if defined(__x86_64__)
#include <immintrin.h>

/* Gives lane l the row's next column, if any is left; returns 1 when it got one. */
static inline int take_column(int l, int64_t *next, int64_t n, double real, double bound, double step,
                              int64_t *col, double *zr_l, double *zi_l, int64_t *k_l) {
    if (*next >= n) {
        col[l] = -1;
        return 0;
    }
    col[l] = *next;
    zr_l[l] = real;
    zi_l[l] = -bound + (double) *next * step;
    k_l[l] = 0;
    (*next)++;
    return 1;
}

/*
 * One row, eight columns at a time with lane refill: a lane whose point has escaped (or reached
 * n_max) stores its count and takes the row's next column, so no lane idles while others iterate.
 * Per lane the arithmetic is the contract's, in the same order.
 */
__attribute__((target("avx512f")))
static int64_t row_avx512(int64_t i, int64_t n, double bound, double step, double zmax2,
                          double c_re, double c_im, int32_t n_max, int32_t *out, volatile int32_t *cancel) {
    int64_t at_nmax = 0;
    double real = -bound + (double) i * step;
    double zr_l[8], zi_l[8];
    int64_t col[8];
    int64_t k_l[8];
    int64_t next = 0;
    uint32_t updates = 0;
    int live = 0;
    for (int l = 0; l < 8; l++) {
        zr_l[l] = 0.0;
        zi_l[l] = 0.0;
        k_l[l] = 0;
        live |= take_column(l, &next, n, real, bound, step, col, zr_l, zi_l, k_l) << l;
    }
    const __m512d vzmax2 = _mm512_set1_pd(zmax2);
    const __m512d vcre = _mm512_set1_pd(c_re);
    const __m512d vcim = _mm512_set1_pd(c_im);
    __m512d zr = _mm512_loadu_pd(zr_l);
    __m512d zi = _mm512_loadu_pd(zi_l);
    __m512i k = _mm512_loadu_si512(k_l);
    const __m512i vnmax = _mm512_set1_epi64(n_max);
    const __m512i one = _mm512_set1_epi64(1);
    while (live) {
        __m512d zr2 = _mm512_mul_pd(zr, zr);
        __m512d zi2 = _mm512_mul_pd(zi, zi);
        __m512d mag = _mm512_add_pd(zr2, zi2);
        __mmask8 inside = _mm512_cmp_pd_mask(mag, vzmax2, _CMP_LT_OQ);
        __mmask8 below = _mm512_cmpgt_epi64_mask(vnmax, k);
        __mmask8 active = inside & below & (__mmask8) live;
        __mmask8 done = (__mmask8) live & (__mmask8) ~active;
        if (done) {
            _mm512_storeu_pd(zr_l, zr);
            _mm512_storeu_pd(zi_l, zi);
            _mm512_storeu_si512(k_l, k);
            for (int l = 0; l < 8; l++) {
                if (!(done & (1 << l))) {
                    continue;
                }
                out[col[l]] = (int32_t) k_l[l];
                at_nmax += (k_l[l] == n_max);
                if (!take_column(l, &next, n, real, bound, step, col, zr_l, zi_l, k_l)) {
                    live &= ~(1 << l);
                }
            }
            zr = _mm512_loadu_pd(zr_l);
            zi = _mm512_loadu_pd(zi_l);
            k = _mm512_loadu_si512(k_l);
            continue; /* re-test the refilled lanes before updating them */
        }
        __m512d t = _mm512_mul_pd(zr, zi);
        __m512d new_zr = _mm512_add_pd(_mm512_sub_pd(zr2, zi2), vcre);
        __m512d new_zi = _mm512_add_pd(_mm512_add_pd(t, t), vcim);
        zr = new_zr;
        zi = new_zi;
        k = _mm512_add_epi64(k, one);
        if ((++updates & ARENA_POLL_MASK_AVX512) == 0 && *cancel) {
            return ARENA_ROW_CANCELLED;
        }
    }
    return at_nmax;
}
#endif

/* 1 where the CPU runs the avx512 kernel, 0 otherwise. */
int arena_has_avx512(void) {
#if defined(__x86_64__)
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx512f") ? 1 : 0;
#else
    return 0;
#endif
}

/*
 * Computes rows [first_row, last_row) into counts and adds the points at n_max to *at_nmax.
 * Returns ARENA_OK, ARENA_INVALID_ARGUMENT, ARENA_CANCELLED (the flag was set) or ARENA_NO_AVX512.
 */
int arena_julia(int32_t resolution, double c_re, double c_im, double bound, double z_max, int32_t n_max,
                int32_t first_row, int32_t last_row, int32_t *counts, int32_t kernel, int32_t threads,
                int32_t schedule, int32_t chunk, volatile int32_t *cancel, int64_t *at_nmax) {
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
    omp_sched_t kind = schedule == ARENA_SCHEDULE_DYNAMIC ? omp_sched_dynamic
                     : schedule == ARENA_SCHEDULE_GUIDED ? omp_sched_guided : omp_sched_static;
    omp_set_schedule(kind, chunk);
    int64_t total = 0;
    int cancelled = 0;
#pragma omp parallel for schedule(runtime) num_threads(threads) reduction(+:total) reduction(|:cancelled)
    for (int32_t i = first_row; i < last_row; i++) {
        if (*cancel) {
            cancelled = 1;
            continue;
        }
        int32_t *out = counts + (int64_t) i * n;
        int64_t at_row;
#if defined(__x86_64__)
        if (kernel == ARENA_KERNEL_AVX512) {
            at_row = row_avx512(i, n, bound, step, zmax2, c_re, c_im, n_max, out, cancel);
        } else
#endif
        at_row = row_scalar(i, n, bound, step, zmax2, c_re, c_im, n_max, out, cancel);
        if (at_row == ARENA_ROW_CANCELLED) {
            cancelled = 1;
        } else {
            total += at_row;
        }
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
