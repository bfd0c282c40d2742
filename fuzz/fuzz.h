/*
 * fuzz.h -- what the fuzz targets share: the libFuzzer entry point and a
 * check that holds in every build (assert() may be compiled out).
 *
 * Each fuzz-*.c defines LLVMFuzzerTestOneInput.  Built with clang's
 * -fsanitize=fuzzer it is driven by libFuzzer (`make fuzz`); linked with
 * replay.c and the normal compiler it replays saved inputs (`make check`).
 */
#ifndef CHARTA_FUZZ_H
#define CHARTA_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* A broken invariant: say which, then abort so libFuzzer keeps the input. */
#define FUZZ_CHECK(cond) do {						\
	if (!(cond)) {							\
		fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__,	\
		    __LINE__, #cond);					\
		abort();						\
	}								\
} while (0)

#endif /* CHARTA_FUZZ_H */
