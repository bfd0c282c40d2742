/*
 * kind.c -- lookups in the node kind table (see kind.h).
 */
#include "config.h"

#include <stddef.h>
#include <string.h>

#include "model/kind.h"

static const struct kind_info {
	const char	*name;
	bool		 block;
	unsigned	 levels;
} kind_info[KIND__COUNT] = {
#define KIND_INFO(e, n, b, l)	[KIND_##e] = { .name = n, .block = b, .levels = l },
	KIND_TABLE(KIND_INFO)
#undef KIND_INFO
};

const char *
kind_name(enum node_kind k)
{
	if ((unsigned)k >= KIND__COUNT)
		return "?";
	return kind_info[k].name;
}

int
kind_from_name(const char *name, size_t len)
{
	int	k;

	for (k = 0; k < KIND__COUNT; k++) {
		if (strlen(kind_info[k].name) == len &&
		    memcmp(kind_info[k].name, name, len) == 0)
			return k;
	}
	return -1;
}

bool
kind_is_block(enum node_kind k)
{
	return (unsigned)k < KIND__COUNT && kind_info[k].block;
}

bool
kind_allows_level(enum node_kind k, int level)
{
	if ((unsigned)k >= KIND__COUNT || level < 1 || level > KIND_MAX_LEVEL)
		return false;
	return (kind_info[k].levels >> level) & 1;
}
