/*
 * xmalloc.h -- allocators that never return NULL.
 *
 * Running out of memory is not a condition charta recovers from: these
 * print one message and exit with status 70 (EX_SOFTWARE).  Every module
 * allocates through them, so no caller checks for NULL.
 */
#ifndef CHARTA_XMALLOC_H
#define CHARTA_XMALLOC_H

#include <stddef.h>

/* malloc(n), never NULL (a zero size allocates one byte). */
void	*xmalloc(size_t n);
/* calloc(nmemb, size) with overflow check, never NULL. */
void	*xcalloc(size_t nmemb, size_t size);
/* realloc(p, nmemb * size) with overflow check, never NULL. */
void	*xreallocarray(void *p, size_t nmemb, size_t size);
/*
 * The one way an array grows: make room in p (*cap elements of size
 * bytes) for at least need elements, doubling the capacity (16 at first),
 * so that n appends cost O(n) copies in all.  Returns the array, perhaps
 * moved; *cap is updated.  Never NULL.
 */
void	*xgrowarray(void *p, size_t *cap, size_t need, size_t size);
/* strdup(s), never NULL. */
char	*xstrdup(const char *s);
/* A NUL-terminated copy of s[0..n), never NULL. */
char	*xstrndup(const char *s, size_t n);
/*
 * Hint that p[0..n), a large block about to be filled, be backed by huge
 * pages where the system offers them on request (Linux's transparent huge
 * pages in "madvise" mode): filling hundreds of megabytes then takes a few
 * hundred page faults instead of tens of thousands.  Only whole 2 MB
 * stretches inside the block are affected; a no-op elsewhere.
 */
void	 xmalloc_hint_huge(void *p, size_t n);
/*
 * xmalloc(n) for a large block that will be filled at once: from 2 MB up it
 * is aligned to 2 MB and hinted as above.  Free it with free().
 */
void	*xmalloc_huge(size_t n);
/*
 * Have the heap that malloc grows (glibc's brk heap, which every thread
 * then shares) taken in huge pages as xmalloc_hint_huge does, and grown
 * 32 MB at a time.  The first call, before any large allocation, sets
 * that up; a later one hints what the heap has grown by since.  From the
 * main thread only.  A no-op where the system lacks any of it.
 */
void	 xmalloc_heap_huge(void);
/*
 * From now on, blocks up to 32 MB come from that heap too, not from
 * mappings of their own (glibc's, from 128 KB up): what such a block
 * leaves when freed is taken again by the next, already touched, rather
 * than given back and faulted in afresh.  For work that takes and frees
 * large blocks again and again (a filter's results, key after key), once
 * what is kept for good is in place.  A no-op where xmalloc_heap_huge is.
 */
void	 xmalloc_heap_large(void);
/* xmalloc_huge(nmemb * size) with overflow check. */
void	*xmallocarray_huge(size_t nmemb, size_t size);
/* asprintf into a new string, never NULL. */
char	*xasprintf(const char *fmt, ...)
	    __attribute__((format(printf, 1, 2)));

#endif /* CHARTA_XMALLOC_H */
