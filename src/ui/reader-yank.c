/*
 * reader-yank.c -- the yank keys: the citation of the part the title line
 * names (the selection, or the paragraph at the top of the text), or its
 * text with the citation, in the config file's format, to the clipboard;
 * the status line says where it went.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cite/cite.h"
#include "model/corpus.h"
#include "ui/clipboard.h"
#include "ui/reader.h"
#include "ui/settings.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

/* What the status line says: where the text went. */
static char *
reader_yank_said(enum clipboard_where where, bool with_text, const char *ref,
    const char *format, const char *text)
{
	switch (where) {
	case CLIPBOARD_TMUX:
		return with_text ?
		    /* TRANSLATORS: "mfa:II.2: text and plain citation ..." */
		    xasprintf(_("%s: text and %s citation copied to tmux "
		    "(OSC 52)"), ref, format) :
		    xasprintf(_("%s: %s citation copied to tmux (OSC 52)"),
		    ref, format);
	case CLIPBOARD_SCREEN:
		return with_text ?
		    xasprintf(_("%s: text and %s citation copied through "
		    "screen to the terminal's clipboard (OSC 52)"), ref,
		    format) :
		    xasprintf(_("%s: %s citation copied through screen to the "
		    "terminal's clipboard (OSC 52)"), ref, format);
	case CLIPBOARD_COMMAND:
		return with_text ?
		    xasprintf(_("%s: text and %s citation copied with '%s'"),
		    ref, format, settings_clipboard_command()) :
		    xasprintf(_("%s: %s citation copied with '%s'"), ref,
		    format, settings_clipboard_command());
	case CLIPBOARD_NOWHERE:
		/* Off: the status line (and :messages) is where it is. */
		return xasprintf(_("the clipboard is off (config file): %s"),
		    text);
	default:
		return with_text ?
		    xasprintf(_("%s: text and %s citation copied to the "
		    "terminal's clipboard (OSC 52)"), ref, format) :
		    xasprintf(_("%s: %s citation copied to the terminal's "
		    "clipboard (OSC 52)"), ref, format);
	}
}

void
reader_yank(struct reader *r, bool with_text)
{
	enum cite_format	 f = settings_cite_format();
	enum clipboard_where	 where;
	uint32_t		 n = reader_current_node(r);
	char			*text, *warning, *err, *ref, *said;
	size_t			 len;

	if (n == CORPUS_NONE)
		return;
	text = cite_nodes(r->c, &n, 1, f, with_text, &warning);
	/* No newline after the last line: pasted into a sentence. */
	len = strlen(text);
	if (len > 0 && text[len - 1] == '\n')
		text[--len] = '\0';
	ref = corpus_node_short_ref(r->c, n);
	if (clipboard_copy(text, len, &where, &err) == -1) {
		app_message(r->app, true, "%s", err);
		free(err);
	} else {
		said = reader_yank_said(where, with_text, ref,
		    cite_format_name(f), text);
		if (warning != NULL)
			app_message(r->app, false, "%s; %s", said, warning);
		else
			app_message(r->app, false, "%s", said);
		free(said);
	}
	free(ref);
	free(warning);
	free(text);
}
