/*
 * reader-links.c -- "see also" in the reader: a marker on the outline's
 * rows that have links (data/links.tsv), a line under a linked part's
 * text for each of its links, and the keys and the `:links` command that
 * follow a link (as `:goto` does, so that the jump list records it) or
 * open it beside the part (as `:compare` does).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cite/cite.h"
#include "model/corpus.h"
#include "text/text.h"
#include "ui/listview.h"
#include "ui/reader.h"
#include "ui/screen.h"
#include "ui/ui.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

/* "wic:II.1 carries forward mfa:II.2 (sovereignty in cyberspace)" */
static char *
reader_link_line(const struct corpus *c, const struct corpus_link *l)
{
	char	*from = corpus_node_short_ref(c, l->from), *to = corpus_node_short_ref(c, l->to);
	char	*s;

	if (*l->note != '\0')
		s = xasprintf("%s %s %s (%s)", from, l->relation, to, l->note);
	else
		s = xasprintf("%s %s %s", from, l->relation, to);
	free(from);
	free(to);
	return s;
}

/* The textview's lines under node n: a "see also" line per link. */
static char *
reader_links_under(void *arg, uint32_t n)
{
	struct reader		*r = arg;
	struct cite_link	*v;
	struct text_buf		 b;
	size_t			 k, cnt;
	char			*line;

	if (!cite_links_has(r->links, n))
		return NULL;
	cnt = cite_links_of(r->c, n, false, &v);
	text_buf_init(&b);
	for (k = 0; k < cnt; k++) {
		line = reader_link_line(r->c, &r->c->links[v[k].link]);
		if (k > 0)
			text_buf_addc(&b, '\n');
		/* TRANSLATORS: under a passage's text, one per link: "see
		   also: wic:II.1 carries forward mfa:II.2 (a note)" */
		text_buf_printf(&b, _("see also: %s"), line);
		free(line);
	}
	free(v);
	text_buf_puts(&b, "");
	return text_buf_steal(&b);
}

void
reader_links_init(struct reader *r)
{
	r->links = cite_links_new(r->c);
	textview_set_under(&r->tv, reader_links_under, r);
}

void
reader_links_free(struct reader *r)
{
	cite_links_free(r->links);
	r->links = NULL;
}

void
reader_links_mark(struct reader *r, int y, size_t x, size_t *avail,
    uint32_t n)
{
	const char	*g = screen_glyph(GLYPH_LINK);
	size_t		 w = text_width(g, strlen(g));

	if (!cite_links_has(r->links, n) || *avail < w + 8)
		return;
	*avail -= w + 1;
	screen_put(y, (int)(x + *avail + 1), g, strlen(g), w,
	    screen_attr(THEME_LABEL));
}

/* The links offered: of node here, and whether to compare or go. */
struct reader_links_choice {
	uint32_t		 here;
	bool			 compare;
	struct cite_link	*links;
	size_t			 n;
};

/* Go to the other end of link k, or compare it with its near end. */
static void
reader_links_act(struct app *a, const struct cite_link *l, bool compare)
{
	const struct corpus	*c = app_corpus(a);
	char			*here = corpus_node_ref(c, l->here);
	char			*other = corpus_node_ref(c, l->other);
	char			*line;

	if (compare)
		line = xasprintf("compare %s %s", here, other);
	else
		line = xasprintf("goto %s", other);
	app_run_command(a, line);
	free(line);
	free(other);
	free(here);
}

static void
reader_links_choose(struct app *a, void *arg, size_t k)
{
	struct reader_links_choice	*ch = arg;
	struct cite_link		 l = ch->links[k];
	bool				 compare = ch->compare;

	/* The list goes first (and ch with it): the goto or the comparison
	   replaces it. */
	app_pop(a, app_find_view(a, &listview_ops));
	reader_links_act(a, &l, compare);
}

static void
reader_links_choice_free(void *arg)
{
	struct reader_links_choice	*ch = arg;

	free(ch->links);
	free(ch);
}

/* The list of links v[0..n) to choose one from; it takes v. */
static void
reader_links_list(struct app *a, struct cite_link *v, size_t n,
    bool compare)
{
	const struct corpus		*c = app_corpus(a);
	struct reader_links_choice	*ch = xcalloc(1, sizeof *ch);
	struct listview			*lv;
	size_t				 k;
	char				*line;

	ch->compare = compare;
	ch->links = v;
	ch->n = n;
	lv = listview_new(compare ? _("Compare with a linked passage (Enter: "
	    "choose, q: cancel):") : _("See also (Enter: go there, q: "
	    "cancel):"));
	for (k = 0; k < n; k++) {
		line = reader_link_line(c, &c->links[v[k].link]);
		listview_addf(lv, v[k].other, "%s", line);
		free(line);
	}
	listview_on_choose(lv, reader_links_choose, ch,
	    reader_links_choice_free);
	listview_open(a, lv);
}

void
reader_links_follow(struct reader *r, bool compare)
{
	struct cite_link	*v;
	uint32_t		 n = reader_current_node(r), p;
	size_t			 cnt = 0;
	char			*ref;

	if (n == CORPUS_NONE)
		return;
	/* The top paragraph's links, else those of a part it is in. */
	for (p = n; p != CORPUS_NONE; p = r->c->nodes[p].parent) {
		cnt = cite_links_of(r->c, p, false, &v);
		if (cnt > 0 || p == r->ol.sel)
			break;
	}
	if (cnt == 0) {
		ref = corpus_node_short_ref(r->c, n);
		app_message(r->app, false, _("%s has no see-also links"), ref);
		free(ref);
		return;
	}
	if (cnt == 1) {
		reader_links_act(r->app, &v[0], compare);
		free(v);
		return;
	}
	reader_links_list(r->app, v, cnt, compare);
}

void
ui_cmd_links(struct app *a, int argc, char **argv)
{
	const struct corpus	*c = app_corpus(a);
	struct cite_link	*v;
	uint32_t		 n;
	size_t			 cnt;
	char			*ref;

	n = argc > 0 ? corpus_resolve(c, argv[0], strlen(argv[0])) :
	    app_current_node(a);
	if (n == CORPUS_NONE) {
		if (argc > 0)
			app_message(a, true, _("no such reference: %s"),
			    argv[0]);
		return;
	}
	cnt = cite_links_of(c, n, true, &v);
	if (cnt == 0) {
		ref = corpus_node_short_ref(c, n);
		app_message(a, false, _("%s has no see-also links"), ref);
		free(ref);
		return;
	}
	reader_links_list(a, v, cnt, false);
}
