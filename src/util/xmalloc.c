/*
 * xmalloc.c -- allocators that never return NULL (see xmalloc.h).
 */
#include "config.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#ifdef HAVE_SYS_MMAN_H
#include <sys/mman.h>
#endif
#ifdef HAVE_MALLOC_H
#include <malloc.h>
#endif

#include "util/xmalloc.h"

/*
 * Out of memory: write a fixed message with write(2), which needs no
 * allocation, and exit.  Not translated: gettext may itself allocate.
 */
static void
xmalloc_fail(void)
{
	static const char msg[] = "charta: out of memory\n";

	(void)!write(STDERR_FILENO, msg, sizeof msg - 1);
	_exit(70);
}

void *
xmalloc(size_t n)
{
	void	*p;

	p = malloc(n == 0 ? 1 : n);
	if (p == NULL)
		xmalloc_fail();
	return p;
}

void *
xcalloc(size_t nmemb, size_t size)
{
	void	*p;

	if (nmemb == 0 || size == 0)
		nmemb = size = 1;
	p = calloc(nmemb, size);
	if (p == NULL)
		xmalloc_fail();
	return p;
}

void *
xreallocarray(void *p, size_t nmemb, size_t size)
{
	void	*q;

	if (size != 0 && nmemb > SIZE_MAX / size)
		xmalloc_fail();
	q = realloc(p, nmemb * size == 0 ? 1 : nmemb * size);
	if (q == NULL)
		xmalloc_fail();
	return q;
}

void *
xgrowarray(void *p, size_t *cap, size_t need, size_t size)
{
	size_t	n = *cap;

	if (need <= n && p != NULL)
		return p;
	if (n < 16)
		n = 16;
	while (n < need) {
		if (n > SIZE_MAX / 2)
			n = need;
		else
			n *= 2;
	}
	p = xreallocarray(p, n, size);
	*cap = n;
	return p;
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	char	*p;

	p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
xasprintf(const char *fmt, ...)
{
	va_list	 ap;
	char	*s;

	va_start(ap, fmt);
	if (vasprintf(&s, fmt, ap) == -1)
		xmalloc_fail();
	va_end(ap);
	return s;
}

#define XMALLOC_HUGE	((size_t)2 * 1024 * 1024)

void
xmalloc_hint_huge(void *p, size_t n)
{
#if defined(HAVE_SYS_MMAN_H) && defined(MADV_HUGEPAGE)
	const uintptr_t	huge = XMALLOC_HUGE;
	uintptr_t	start = ((uintptr_t)p + huge - 1) & ~(huge - 1);
	uintptr_t	end = ((uintptr_t)p + n) & ~(huge - 1);

	/* Advice only: a kernel without THP says EINVAL, and that is fine. */
	if (end > start)
		(void)madvise((void *)start, end - start, MADV_HUGEPAGE);
#else
	(void)p;
	(void)n;
#endif
}

void *
xmalloc_huge(size_t n)
{
	void	*p;

	if (n < XMALLOC_HUGE || posix_memalign(&p, XMALLOC_HUGE, n) != 0)
		return xmalloc(n);
	xmalloc_hint_huge(p, n);
	return p;
}

void *
xmallocarray_huge(size_t nmemb, size_t size)
{
	if (size != 0 && nmemb > SIZE_MAX / size)
		xmalloc_fail();
	return xmalloc_huge(nmemb * size);
}

/*
 * The heap's huge pages.  glibc's heap grows by brk; what is on it
 * (SQLite's page cache, curses' screens, a filter's results, most of
 * what a start-up allocates) is fresh memory, and on a virtual machine
 * each first touch of a 4 KB page costs some 10 microseconds: 800 of
 * them were half of a large corpus's first screen at 200x50.  Growing the
 * heap by XMALLOC_HEAP_PAD at a time, each stretch hinted as above, makes
 * that a few faults of 2 MB.  The pad is address space, not memory: a
 * page counts only once it is touched (a pad of 64 MB kept more touched
 * memory at the top of the heap, 10 MB more at the peak on a 60 MB
 * corpus; 32 MB and less, none).  Every thread allocates from that one
 * heap (M_ARENA_MAX 1): a thread's own arena would be fresh memory
 * without the hint.
 */
#define XMALLOC_HEAP_PAD	((size_t)32 * 1024 * 1024)

/* What the heap's hint needs: glibc's malloc knobs, brk and THP advice. */
#if defined(HAVE_MALLOPT) && defined(HAVE_SBRK) && defined(M_TOP_PAD) && \
    defined(M_ARENA_MAX) && defined(HAVE_SYS_MMAN_H) && defined(MADV_HUGEPAGE)
#define XMALLOC_HEAP_HINTS	1
#endif

#ifdef XMALLOC_HEAP_HINTS
/*
 * Start what malloc hands out at the first 2 MB boundary of the stretch
 * hinted from "from": the bytes below it can never be a huge page (the
 * heap's mapping does not hold the whole 2 MB around them), and the first
 * screen's allocations, which would fill them first, were 120 page faults
 * of 4 KB.  They are taken as one block that is never touched (it costs
 * no memory) and kept for good.
 */
static void
xmalloc_heap_align(uintptr_t from)
{
#ifdef HAVE_MALLINFO2
	static void		*gap;
	struct mallinfo2	 mi = mallinfo2();
	uintptr_t		 top, edge;

	/* The top chunk, where the next blocks come from, ends at the break. */
	top = (uintptr_t)sbrk(0) - mi.keepcost;
	edge = (from + XMALLOC_HUGE - 1) & ~(uintptr_t)(XMALLOC_HUGE - 1);
	if (gap == NULL && mi.keepcost > 0 && edge > top + 64 &&
	    edge < (uintptr_t)sbrk(0))
		gap = malloc(edge - top - 32);
#else
	(void)from;
#endif
}
#endif

void
xmalloc_heap_huge(void)
{
#ifdef XMALLOC_HEAP_HINTS
	static uintptr_t	 hinted;
	uintptr_t		 to;
	void			*held[8];
	size_t			 n = 0;

	if (hinted == 0) {
		if (mallopt(M_TOP_PAD, (int)XMALLOC_HEAP_PAD) == 0 ||
		    mallopt(M_ARENA_MAX, 1) == 0 ||
		    (hinted = (uintptr_t)sbrk(0)) == (uintptr_t)-1)
			return;
		/*
		 * Grow the heap now, by the pad: take blocks (below the size
		 * malloc maps apart) until it grows, and give them back.
		 */
		while (n < sizeof held / sizeof held[0] &&
		    (held[n] = malloc(64 * 1024)) != NULL) {
			n++;
			if ((uintptr_t)sbrk(0) != hinted)
				break;
		}
		while (n > 0)
			free(held[--n]);
		xmalloc_heap_align(hinted);
	}
	to = (uintptr_t)sbrk(0);
	if (hinted == (uintptr_t)-1 || to == (uintptr_t)-1 || to <= hinted)
		return;
	xmalloc_hint_huge((void *)hinted, to - hinted);
	/* The 2 MB the heap ends in: whole only once it has grown. */
	hinted = to & ~(uintptr_t)(XMALLOC_HUGE - 1);
#endif
}

void
xmalloc_heap_large(void)
{
	/*
	 * glibc maps a block of M_MMAP_THRESHOLD or more apart only when
	 * the heap's top has no room for it; at 32 MB (its most), the heap
	 * grows instead, by the pad, hinted as the rest.
	 */
#if defined(XMALLOC_HEAP_HINTS) && defined(M_MMAP_THRESHOLD)
	(void)mallopt(M_MMAP_THRESHOLD, (int)XMALLOC_HEAP_PAD);
#endif
}
