/*
 * Tests only: runs arena_julia of arena_openmp.c (compiled beside it, with -DARENA_EMULATE_AVX512 for
 * the SIMDe build) on one problem and writes the whole grid, row-major, as little-endian int32 to a
 * file; prints "status <s> at_nmax <a>" on stdout. Used by EmulatedAvx512KernelTest.
 *
 * Usage: driver resolution c_re c_im bound z_max n_max kernel threads schedule chunk out_file [cancel_ms]
 * (kernel 0 c-scalar, 1 c-avx512; schedule 0 static, 1 dynamic, 2 guided; numbers in C syntax,
 * doubles as hexadecimal floats so that they pass bit for bit; cancel_ms: a second thread sets the
 * cancel flag that many milliseconds after the start). Exit 0 when the file is written.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <pthread.h>
#include <time.h>

int arena_julia(int32_t resolution, double c_re, double c_im, double bound, double z_max, int32_t n_max,
                int32_t first_row, int32_t last_row, int32_t *counts, int32_t kernel, int32_t threads,
                int32_t schedule, int32_t chunk, volatile int32_t *cancel, int64_t *at_nmax, int64_t *timeline);
void arena_close(void);

static volatile int32_t cancel = 0;
static long cancel_ms;

/* Sets the cancel flag after cancel_ms milliseconds. */
static void *cancel_later(void *unused) {
    (void) unused;
    struct timespec pause = {cancel_ms / 1000, (cancel_ms % 1000) * 1000000};
    nanosleep(&pause, NULL);
    __atomic_store_n(&cancel, 1, __ATOMIC_SEQ_CST);
    return NULL;
}

int main(int argc, char **argv) {
    if (argc != 12 && argc != 13) {
        fprintf(stderr, "usage: %s resolution c_re c_im bound z_max n_max kernel threads schedule chunk out_file [cancel_ms]\n", argv[0]);
        return 2;
    }
    int32_t resolution = (int32_t) strtol(argv[1], NULL, 10);
    double c_re = strtod(argv[2], NULL), c_im = strtod(argv[3], NULL);
    double bound = strtod(argv[4], NULL), z_max = strtod(argv[5], NULL);
    int32_t n_max = (int32_t) strtol(argv[6], NULL, 10);
    int32_t kernel = (int32_t) strtol(argv[7], NULL, 10), threads = (int32_t) strtol(argv[8], NULL, 10);
    int32_t schedule = (int32_t) strtol(argv[9], NULL, 10), chunk = (int32_t) strtol(argv[10], NULL, 10);
    size_t cells = (size_t) (resolution + 1) * (size_t) (resolution + 1);
    int32_t *counts = malloc(cells * sizeof(int32_t));
    if (counts == NULL) {
        fprintf(stderr, "no memory for %zu cells\n", cells);
        return 1;
    }
    for (size_t c = 0; c < cells; c++) {
        counts[c] = -7; /* a cell the kernel leaves unwritten shows up */
    }
    pthread_t canceller;
    if (argc == 13) {
        cancel_ms = strtol(argv[12], NULL, 10);
        if (pthread_create(&canceller, NULL, cancel_later, NULL) != 0) {
            fprintf(stderr, "cannot start the cancelling thread\n");
            return 1;
        }
    }
    int64_t at_nmax = 0;
    int status = arena_julia(resolution, c_re, c_im, bound, z_max, n_max, 0, resolution + 1, counts, kernel,
                             threads, schedule, chunk, &cancel, &at_nmax, NULL);
    if (argc == 13) {
        pthread_join(canceller, NULL);
    }
    arena_close();
    FILE *out = fopen(argv[11], "wb");
    if (out == NULL || fwrite(counts, sizeof(int32_t), cells, out) != cells || fclose(out) != 0) {
        fprintf(stderr, "cannot write %s\n", argv[11]);
        return 1;
    }
    free(counts);
    printf("status %d at_nmax %lld\n", status, (long long) at_nmax);
    return 0;
}
