/*
 * app-paste.c -- bracketed paste in the reader's loop (ui/paste.h).  Once
 * the terminal's ESC [ 200 ~ has come, the bytes are read as they are,
 * none of them a key, until ESC [ 201 ~; then they go into the open
 * prompt as text (ui/prompt.h: line breaks become spaces).  With no
 * prompt open, a paste is dropped, saying so: it never runs as commands.
 *
 * A paste whose end never comes does not hold the reader: it ends when
 * the input pauses (APP_PASTE_IDLE_MS); it keeps at most PASTE_MAX bytes
 * (the prompt, fewer), and says what it did not keep.  After the first end
 * marker, bytes are keys again, exactly as if typed.
 */
#include "config.h"

#include <errno.h>
#include <poll.h>

#include "ui/app.h"
#include "ui/paste.h"
#include "ui/screen.h"
#include "util/i18n.h"
#include "util/signals.h"

/* Input silent this long ends a paste whose end marker never came. */
#define APP_PASTE_IDLE_MS	1000

/*
 * Wait for more of the paste: 1 when there is input, 0 when it stayed
 * silent for APP_PASTE_IDLE_MS, -1 when a signal came or the terminal is
 * gone (the loop then sees to them).
 */
static int
app_paste_wait(void)
{
	struct pollfd	pfd[2];
	int		n;

	pfd[0].fd = screen_input_fd();
	pfd[0].events = POLLIN;
	pfd[1].fd = signals_fd();
	pfd[1].events = POLLIN;
	pfd[0].revents = pfd[1].revents = 0;
	n = poll(pfd, 2, APP_PASTE_IDLE_MS);
	if (n == 0)
		return 0;
	if (n == -1)
		return errno == EINTR ? 1 : -1;	/* SIGWINCH: read on */
	if ((pfd[1].revents & POLLIN) ||
	    (pfd[0].revents & (POLLHUP | POLLERR | POLLNVAL)))
		return -1;
	return 1;
}

/* The paste p is whole: into the prompt, or dropped. */
static void
app_paste_deliver(struct app *a, int code, const struct paste *p)
{
	struct view	*top = a->stack[a->nviews - 1];
	size_t		 total = p->text.len + p->dropped, kept;

	a->prefix = 0;
	/*
	 * A view waiting for one key (a mark's letter, the completion list)
	 * gives way, as to any key that is not its own.
	 */
	if ((top->ops->key != NULL && top->ops->key(top, code, true)) ||
	    a->prc == NULL) {
		app_message(a, false, "%s", _("pasted text ignored: paste "
		    "into a prompt"));
		return;
	}
	kept = app_prompt_paste(a, p->text.data, p->text.len);
	if (kept < total)
		app_message(a, true, _("pasted text too long: the first %zu "
		    "of %zu bytes kept"), kept, total);
}

bool
app_paste(struct app *a, int code)
{
	struct paste	p;
	int		ch, w = 1, stale = 0;
	bool		resized = false;

	switch (screen_paste_key(code)) {
	case SCREEN_PASTE_NONE:
		return false;
	case SCREEN_PASTE_END:
		return true;	/* no beginning (cut short): nothing to end */
	case SCREEN_PASTE_BEGIN:
		break;
	}
	paste_init(&p);
	keypad(stdscr, FALSE);		/* bytes as they come: no keys */
	while (!p.ended) {
		ch = getch();
		if (ch == ERR) {
			/* Input that gives nothing, time after time: gone. */
			if ((w = app_paste_wait()) != 1 || ++stale > 1000)
				break;
			continue;
		}
		stale = 0;
		if (ch == KEY_RESIZE)
			resized = true;
		else if (ch >= 0 && ch <= 0xff)
			paste_feed(&p, (unsigned char)ch);
	}
	keypad(stdscr, TRUE);
	paste_cut(&p);
	if (resized)
		app_resize(a);
	app_paste_deliver(a, code, &p);
	if (w == 0)
		app_message(a, true, "%s", _("the paste did not end (no end "
		    "marker came): it ended when the input paused"));
	paste_free(&p);
	return true;
}
