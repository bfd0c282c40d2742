/*
 * cmd-marks.c -- `charta marks`: the user's marks, one a line, by name:
 * the name, where the reader goes for it (or that its passage is gone,
 * and where it was), and when it was set.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/cli.h"
#include "cli/output.h"
#include "model/corpus.h"
#include "store/state.h"
#include "study/study.h"
#include "text/text.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

/* The display width of s as output shows it (sanitized). */
static size_t
marks_width(const char *s)
{
	char	*clean = output_clean(s, strlen(s));
	size_t	 w = text_width(clean, strlen(clean));

	free(clean);
	return w;
}

int
cmd_marks_exec(struct cli_ctx *ctx)
{
	const struct corpus	*c = ctx->corpus;
	struct state		*st;
	struct state_mark	*marks = NULL;
	struct tm		 tm;
	time_t			 t;
	char			**where, date[32];
	size_t			 n, k, w, wname = 0, wwhere = 0;
	uint32_t		 node;
	bool			 none;

	st = cli_state_open(false, &none);
	if (st == NULL && !none)
		return EXIT_USAGE;
	n = state_mark_list(st, STATE_LIST_LIVE, &marks);
	where = xcalloc(n ? n : 1, sizeof *where);
	for (k = 0; k < n; k++) {
		node = study_resolve(c, &marks[k].at, CORPUS_NONE);
		/* TRANSLATORS: a mark whose passage is gone from the corpus */
		where[k] = node != CORPUS_NONE ?
		    corpus_node_short_ref(c, node) :
		    xasprintf(_("gone (was %s:%s)"), marks[k].at.slug,
		    marks[k].at.label);
		if ((w = marks_width(marks[k].name)) > wname)
			wname = w;
		if ((w = marks_width(where[k])) > wwhere)
			wwhere = w;
	}
	for (k = 0; k < n; k++) {
		t = (time_t)marks[k].created;
		if (localtime_r(&t, &tm) == NULL ||
		    strftime(date, sizeof date, "%Y-%m-%d %H:%M", &tm) == 0)
			*date = '\0';
		output_str(marks[k].name);
		output_spaces(wname + 2 - marks_width(marks[k].name));
		output_str(where[k]);
		output_spaces(wwhere + 2 - marks_width(where[k]));
		output_str(date);
		output_raw("\n", 1);
		free(where[k]);
	}
	free(where);
	state_marks_free(marks, n);
	if (cli_state_close(st) == -1)
		return EXIT_WRITE;
	return n > 0 ? EXIT_FOUND : EXIT_NOTFOUND;
}
