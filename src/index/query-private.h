/*
 * query-private.h -- the parsed query, shared by query.c and index.c only.
 */
#ifndef CHARTA_QUERY_PRIVATE_H
#define CHARTA_QUERY_PRIVATE_H

#include <stddef.h>
#include <stdint.h>

#include "index/find.h"

/* A folded word or phrase, and how to find it (f.s is s). */
struct query_term {
	char			*s;
	size_t			 len;
	struct find_term	 f;
};

struct query {
	struct query_term	*pos;		/* must all occur */
	size_t			 npos;
	struct query_term	*neg;		/* must not occur */
	size_t			 nneg;
	uint32_t		*docs;		/* doc: filters (ORed) */
	size_t			 ndocs;
	uint32_t		 kinds;		/* kind: bits (ORed), 0 = any */
};

#endif /* CHARTA_QUERY_PRIVATE_H */
