/*
 * replay.c -- run a fuzz target's LLVMFuzzerTestOneInput over saved inputs,
 * without libFuzzer or clang: `replay-TARGET FILE...` reads each file and
 * calls the target once with its bytes.  A broken invariant aborts (the
 * test fails); sanitizers, when the build has them, catch the rest.
 */
#include "config.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

static int
replay_file(const char *path)
{
	FILE		*f;
	unsigned char	*buf = NULL;
	size_t		 len = 0, cap = 0, r;

	if ((f = fopen(path, "rb")) == NULL) {
		fprintf(stderr, "%s: %s\n", path, strerror(errno));
		return -1;
	}
	for (;;) {
		if (len == cap) {
			cap = cap == 0 ? 65536 : cap * 2;
			if ((buf = realloc(buf, cap)) == NULL) {
				fprintf(stderr, "%s: out of memory\n", path);
				fclose(f);
				return -1;
			}
		}
		r = fread(buf + len, 1, cap - len, f);
		len += r;
		if (r == 0)
			break;
	}
	if (ferror(f)) {
		fprintf(stderr, "%s: read error\n", path);
		free(buf);
		fclose(f);
		return -1;
	}
	fclose(f);
	/* An exact-size copy, so that ASan sees reads past the end. */
	{
		unsigned char	*copy = malloc(len ? len : 1);

		if (copy == NULL) {
			free(buf);
			return -1;
		}
		memcpy(copy, buf, len);
		free(buf);
		LLVMFuzzerTestOneInput(copy, len);
		free(copy);
	}
	return 0;
}

int
main(int argc, char **argv)
{
	int	i, bad = 0;

	for (i = 1; i < argc; i++) {
		if (replay_file(argv[i]) == -1)
			bad = 1;
	}
	printf("%d inputs replayed\n", argc - 1);
	return bad;
}
