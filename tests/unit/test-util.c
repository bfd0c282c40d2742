/*
 * test-util.c -- unit tests of src/util: the hash table callers rely on to
 * find every value stored under a hash (and no other), the growable array,
 * the signal guard that removes an import's temporary files, and the heap
 * taken in huge pages.
 */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#ifdef HAVE_MALLOC_H
#include <malloc.h>
#endif
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "util/hash.h"
#include "util/signals.h"
#include "util/xmalloc.h"

/* FNV-1a's published test vectors, and the ASCII-folding variant. */
static void
test_hash_vectors(void **unused)
{
	(void)unused;
	assert_true(hash_bytes("", 0) == UINT64_C(0xcbf29ce484222325));
	assert_true(hash_bytes("a", 1) == UINT64_C(0xaf63dc4c8601ec8c));
	assert_true(hash_bytes("foobar", 6) == UINT64_C(0x85944171f73967e8));
	assert_true(hash_bytes_lower("FooBAR", 6) == hash_bytes("foobar", 6));
	assert_true(hash_bytes_lower("ÀB", 3) != hash_bytes("àb", 3));
}

/* Count the values a walk over hash h finds, and check they are wanted. */
static size_t
walk(const struct hashtab *t, uint64_t h, uint32_t lo, uint32_t hi)
{
	struct hashtab_iter	it;
	uint32_t		v;
	size_t			n = 0;

	for (v = hashtab_first(t, h, &it); v != HASHTAB_NONE;
	    v = hashtab_next(t, &it)) {
		assert_true(v >= lo && v < hi);
		n++;
	}
	return n;
}

/*
 * Many values, many under one hash, hashes that collide in the low bits:
 * through every growth, a walk finds exactly the values of its hash.
 */
static void
test_hashtab_walks(void **unused)
{
	struct hashtab	t;
	uint32_t	i;

	(void)unused;
	hashtab_init(&t, 0);
	assert_int_equal(walk(&t, 42, 0, 0), 0);
	for (i = 0; i < 5000; i++) {
		/* value i under hash i << 40 (same low bits for all) */
		hashtab_add(&t, (uint64_t)i << 40, i);
		/* and ten values under one shared hash */
		if (i % 500 == 0)
			hashtab_add(&t, 7, 100000 + i / 500);
	}
	assert_int_equal(t.count, 5010);
	assert_true(t.count * 2 <= t.mask + 1);
	for (i = 0; i < 5000; i += 97)
		assert_int_equal(walk(&t, (uint64_t)i << 40, i, i + 1), 1);
	assert_int_equal(walk(&t, 7, 100000, 100010), 10);
	assert_int_equal(walk(&t, 8, 0, 0), 0);
	hashtab_free(&t);
	hashtab_free(&t);		/* twice is harmless */
}

static void
test_growarray(void **unused)
{
	int	*a = NULL;
	size_t	 cap = 0, i;

	(void)unused;
	for (i = 0; i < 1000; i++) {
		a = xgrowarray(a, &cap, i + 1, sizeof *a);
		assert_true(cap >= i + 1);
		a[i] = (int)i;
	}
	/* Doubling: a thousand appends, a handful of sizes. */
	assert_true(cap == 1024);
	for (i = 0; i < 1000; i++)
		assert_int_equal(a[i], (int)i);
	free(a);
}

/*
 * A guarded file and its journal are gone after SIGTERM kills the
 * process, and the process dies of the signal, as it would have.
 */
static void
test_guard_files(void **unused)
{
	char	 dir[] = "/tmp/charta-util-XXXXXX", *path, *journal;
	pid_t	 pid;
	int	 status;
	FILE	*f;

	(void)unused;
	assert_non_null(mkdtemp(dir));
	path = xasprintf("%s/tmp.db", dir);
	journal = xasprintf("%s-journal", path);
	pid = fork();
	assert_true(pid != -1);
	if (pid == 0) {
		f = fopen(path, "w");
		fclose(f);
		f = fopen(journal, "w");
		fclose(f);
		signals_guard_files(path);
		raise(SIGTERM);
		_exit(0);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM);
	assert_int_equal(access(path, F_OK), -1);
	assert_int_equal(access(journal, F_OK), -1);
	/* Unguarded, a signal leaves the file alone. */
	pid = fork();
	assert_true(pid != -1);
	if (pid == 0) {
		f = fopen(path, "w");
		fclose(f);
		signals_guard_files(path);
		signals_unguard_files();
		raise(SIGTERM);
		_exit(0);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFSIGNALED(status));
	assert_int_equal(access(path, F_OK), 0);
	unlink(path);
	rmdir(dir);
	free(path);
	free(journal);
}

/* A caught signal sets its flag and wakes the descriptor. */
static void
test_catch_wakes(void **unused)
{
	char	c;

	(void)unused;
	signals_catch();
	assert_true(signals_fd() >= 0);
	signals_quit = 0;
	raise(SIGQUIT);
	assert_int_equal(signals_quit, 1);
	assert_int_equal(read(signals_fd(), &c, 1), 1);
	signals_drain();
	assert_int_equal(read(signals_fd(), &c, 1), -1);
	signal(SIGQUIT, SIG_DFL);
}

/*
 * Is the mapping that holds p hinted for huge pages (VmFlags hg)?  1 or
 * 0; -1 if /proc/self/smaps does not say.
 */
static int
mapping_hinted(const void *p)
{
	FILE			*f;
	char			 line[512];
	unsigned long long	 lo, hi;
	uintptr_t		 a = (uintptr_t)p;
	int			 in = 0, hinted = -1;

	if ((f = fopen("/proc/self/smaps", "r")) == NULL)
		return -1;
	while (hinted == -1 && fgets(line, sizeof line, f) != NULL) {
		if (sscanf(line, "%llx-%llx ", &lo, &hi) == 2)
			in = a >= lo && a < hi;
		else if (in && strncmp(line, "VmFlags:", 8) == 0)
			hinted = strstr(line, " hg") != NULL;
	}
	fclose(f);
	return hinted;
}

/* Does the system take the hint (Linux THP not "never")? */
static bool
huge_pages_offered(void)
{
	FILE	*f;
	char	 line[128];
	bool	 yes = false;

	if ((f = fopen("/sys/kernel/mm/transparent_hugepage/enabled",
	    "r")) == NULL)
		return false;
	if (fgets(line, sizeof line, f) != NULL)
		yes = strstr(line, "[never]") == NULL;
	fclose(f);
	return yes;
}

/*
 * After xmalloc_heap_huge, what malloc hands out lies in memory hinted
 * for huge pages; and once the heap has grown past its first stretch, a
 * second call hints the rest.  Only with glibc's own malloc on a kernel
 * that offers the pages (not under a sanitizer's or valgrind's malloc).
 */
static void
test_heap_huge(void **unused)
{
	enum { BLOCK = 96 * 1024, NBLOCKS = 600, NFILL = 40 };
	char		*b[NBLOCKS], *fill[NFILL];
	const char	*pre = getenv("LD_PRELOAD");
	uintptr_t	 start;
	size_t		 k, n;
	char		*big;
	size_t		 nfill = 0;

	(void)unused;
#if !defined(__GLIBC__) || defined(__SANITIZE_ADDRESS__)
	skip();
#endif
	if ((pre != NULL && strstr(pre, "vgpreload") != NULL) ||
	    !huge_pages_offered() || mapping_hinted(&b) == -1)
		skip();
	xmalloc_heap_huge();
	start = (uintptr_t)sbrk(0);
#ifdef HAVE_MALLINFO2
	/*
	 * The next block carved from the top (its header is two words) is
	 * at a 2 MB boundary: nothing below it that cannot be a huge page.
	 */
	{
		struct mallinfo2	mi = mallinfo2();

		assert_int_equal((start - mi.keepcost + 2 * sizeof(size_t)) %
		    (2 * 1024 * 1024), 0);
	}
#endif
	/* 4 MB in: past the 2 MB the hinted stretch may begin with. */
	for (n = 0; n < 40; n++)
		memset(b[n] = xmalloc(BLOCK), (int)n, BLOCK);
	assert_int_equal(mapping_hinted(b[n - 1]), 1);
	/* Past the first stretch (32 MB), then 4 MB more. */
	while (n < NBLOCKS && (uintptr_t)sbrk(0) == start)
		memset(b[n] = xmalloc(BLOCK), (int)n, BLOCK), n++;
	assert_true((uintptr_t)sbrk(0) > start);
	for (k = 0; k < 40 && n < NBLOCKS; k++, n++)
		memset(b[n] = xmalloc(BLOCK), (int)n, BLOCK);
	xmalloc_heap_huge();
	assert_int_equal(mapping_hinted(b[n - 1]), 1);
	/*
	 * Then a block of a few MB comes from the heap too, below the break,
	 * not from a mapping of its own; freed, it is where the next one
	 * like it goes, its pages already touched.
	 */
	xmalloc_heap_large();
#ifdef HAVE_MALLINFO2
	/*
	 * Even when the heap's top has no room left for it: fill the top
	 * with blocks of 1 MB, never touched (they cost no memory).
	 */
	for (nfill = 0; nfill < NFILL &&
	    mallinfo2().keepcost >= 3 * 1024 * 1024; nfill++)
		fill[nfill] = xmalloc(1024 * 1024);
	assert_true(nfill < NFILL);
#endif
	big = xmalloc(3 * 1024 * 1024);
	assert_true((uintptr_t)big > (uintptr_t)b[0] &&
	    (uintptr_t)big < (uintptr_t)sbrk(0));
	memset(big, 1, 3 * 1024 * 1024);
	free(big);
	assert_ptr_equal(xmalloc(3 * 1024 * 1024), big);
	free(big);
	while (nfill > 0)
		free(fill[--nfill]);
	for (k = 0; k < n; k++) {
		assert_int_equal(b[k][0], (char)k);
		assert_int_equal(b[k][BLOCK - 1], (char)k);
		free(b[k]);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hash_vectors),
		cmocka_unit_test(test_hashtab_walks),
		cmocka_unit_test(test_growarray),
		cmocka_unit_test(test_guard_files),
		cmocka_unit_test(test_catch_wakes),
		cmocka_unit_test(test_heap_huge),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
