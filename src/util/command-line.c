/*
 * command-line.c -- cutting a `:` command line into words (see
 * command-line.h).
 */
#include "config.h"

#include <stdbool.h>
#include <stdlib.h>

#include "util/command-line.h"
#include "util/xmalloc.h"

void
command_line_split(struct command_line *cl, const char *line)
{
	const char	*p = line, *start;
	size_t		 cap = 0;
	bool		 quoted;

	cl->argc = 0;
	cl->argv = NULL;
	for (;;) {
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == '\0')
			break;
		start = p;
		quoted = false;
		for (; *p != '\0' && (quoted || (*p != ' ' && *p != '\t'));
		    p++)
			if (*p == '"')
				quoted = !quoted;
		cl->argv = xgrowarray(cl->argv, &cap, (size_t)cl->argc + 2,
		    sizeof *cl->argv);
		cl->argv[cl->argc++] = xstrndup(start, (size_t)(p - start));
	}
	cl->argv = xgrowarray(cl->argv, &cap, (size_t)cl->argc + 1,
	    sizeof *cl->argv);
	cl->argv[cl->argc] = NULL;
}

void
command_line_free(struct command_line *cl)
{
	int	i;

	for (i = 0; i < cl->argc; i++)
		free(cl->argv[i]);
	free(cl->argv);
	cl->argv = NULL;
	cl->argc = 0;
}
