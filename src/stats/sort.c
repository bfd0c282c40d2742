/*
 * sort.c -- a stable sort with a context argument (see stats.h), for the
 * orders that compare words held in a vocabulary: qsort has no argument to
 * pass it, and qsort_r is not portable.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "stats/stats.h"
#include "util/xmalloc.h"

void
stats_sort(void *base, size_t n, size_t size,
    int (*cmp)(const void *, const void *, const void *), const void *arg)
{
	char	*v = base, *tmp, *from, *to, *swap;
	size_t	 width, i, l, r, lend, rend, o;

	if (n < 2)
		return;
	tmp = xreallocarray(NULL, n, size);
	from = v;
	to = tmp;
	/* Bottom-up merge sort: runs of width, merged from one array to the other. */
	for (width = 1; width < n; width *= 2) {
		for (i = 0; i < n; i += 2 * width) {
			l = i;
			lend = i + width < n ? i + width : n;
			r = lend;
			rend = i + 2 * width < n ? i + 2 * width : n;
			for (o = i; o < rend; o++) {
				if (l < lend && (r >= rend || cmp(from + l * size,
				    from + r * size, arg) <= 0))
					memcpy(to + o * size, from + l++ * size,
					    size);
				else
					memcpy(to + o * size, from + r++ * size,
					    size);
			}
		}
		swap = from;
		from = to;
		to = swap;
	}
	if (from != v)
		memcpy(v, from, n * size);
	free(tmp);
}
