/*
 * messages-view.c -- `:messages`: every message of the session, newest
 * last, each whole however long (the status line can cut one short).
 */
#include "config.h"

#include "model/corpus.h"
#include "ui/listview.h"
#include "ui/ui.h"
#include "util/i18n.h"

void
ui_cmd_messages(struct app *a, int argc, char **argv)
{
	struct listview	*lv;
	size_t		 k, n = app_nmessages(a);
	bool		 error;
	const char	*m;

	(void)argc;
	(void)argv;
	lv = listview_new(_("Messages"));
	lv->wrap = true;
	lv->end = true;
	for (k = 0; k < n; k++) {
		m = app_message_at(a, k, &error);
		listview_addf(lv, CORPUS_NONE, "%s", m);
		lv->items[lv->n - 1].error = error;
	}
	listview_open(a, lv);
}
