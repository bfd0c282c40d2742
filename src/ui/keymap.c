/*
 * keymap.c -- key bindings from REQUEST_TABLE and the user's config file
 * (see keymap.h).
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <curses.h>

#include "text/text.h"
#include "ui/keymap.h"
#include "ui/settings.h"
#include "ui/ui.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

#define KEYMAP_MAX	256

struct keymap_binding {
	int			prefix;		/* 'z' or 0 */
	struct keymap_key	key;
	enum request		req;
};

static struct keymap_binding	keymap_bindings[KEYMAP_MAX];
static size_t			keymap_nbindings;

static const struct keymap_request_info {
	const char		*name;
	enum keymap_group	 group;
	const char		*help;
	const char		*keys[6];
} keymap_requests[REQ__COUNT] = {
#define REQUEST_INFO(e, n, g, h, ...)					\
	[REQ_##e] = { .name = n, .group = g, .help = h,			\
	    .keys = { __VA_ARGS__ } },
	REQUEST_TABLE(REQUEST_INFO)
#undef REQUEST_INFO
};

/* Named keys and their curses codes (is_func) or characters. */
static const struct keymap_name {
	const char	*name;
	int		 code;
	int		 is_func;
} keymap_names[] = {
	{ .name = "Enter", .code = '\n', .is_func = 0 },
	{ .name = "Tab", .code = '\t', .is_func = 0 },
	{ .name = "Space", .code = ' ', .is_func = 0 },
	{ .name = "Esc", .code = 27, .is_func = 0 },
	/* vim's "follow the link" */
	{ .name = "C-]", .code = 29, .is_func = 0 },
	{ .name = "Up", .code = KEY_UP, .is_func = 1 },
	{ .name = "Down", .code = KEY_DOWN, .is_func = 1 },
	{ .name = "Left", .code = KEY_LEFT, .is_func = 1 },
	{ .name = "Right", .code = KEY_RIGHT, .is_func = 1 },
	{ .name = "PgUp", .code = KEY_PPAGE, .is_func = 1 },
	{ .name = "PgDn", .code = KEY_NPAGE, .is_func = 1 },
	{ .name = "Home", .code = KEY_HOME, .is_func = 1 },
	{ .name = "End", .code = KEY_END, .is_func = 1 },
	{ .name = "Backspace", .code = KEY_BACKSPACE, .is_func = 1 },
	{ .name = "F1", .code = KEY_F(1), .is_func = 1 },
};
#define NNAMES	(sizeof keymap_names / sizeof keymap_names[0])

int
keymap_parse_key(const char *name, int *prefix, struct keymap_key *key)
{
	size_t	i, n = strlen(name);

	*prefix = 0;
	key->is_func = 0;
	for (i = 0; i < NNAMES; i++) {
		if (strcmp(name, keymap_names[i].name) == 0) {
			key->code = keymap_names[i].code;
			key->is_func = keymap_names[i].is_func;
			return 0;
		}
	}
	if (n == 3 && name[0] == 'C' && name[1] == '-' &&
	    ((name[2] >= 'a' && name[2] <= 'z') || name[2] == '[')) {
		key->code = name[2] == '[' ? 27 : name[2] - 'a' + 1;
		return 0;
	}
	if (n == 2 && name[0] == 'z') {
		*prefix = 'z';
		key->code = (unsigned char)name[1];
		return 0;
	}
	if (n == 1 && (unsigned char)name[0] > ' ' &&
	    (unsigned char)name[0] < 0x7f) {
		key->code = (unsigned char)name[0];
		return 0;
	}
	return -1;
}

/*
 * The scope a group's bindings live in: all global groups share one, each
 * view's group is its own.
 */
static enum keymap_group
keymap_scope(enum keymap_group g)
{
	return KEYMAP_GLOBAL(g) ? KEYMAP_MOVE : g;
}

/* Remove key's binding in scope. */
static void
keymap_unbind_in(enum keymap_group scope, int prefix,
    const struct keymap_key *key)
{
	size_t	i;

	for (i = 0; i < keymap_nbindings; i++) {
		struct keymap_binding	*b = &keymap_bindings[i];

		if (keymap_scope(keymap_requests[b->req].group) != scope)
			continue;
		if (b->prefix == prefix && b->key.code == key->code &&
		    b->key.is_func == key->is_func) {
			memmove(b, b + 1, (keymap_nbindings - i - 1) *
			    sizeof *b);
			keymap_nbindings--;
			return;
		}
	}
}

/* Remove key's bindings in every scope. */
static void
keymap_unbind(int prefix, const struct keymap_key *key)
{
	int	g;

	for (g = KEYMAP_VIEW; g <= KEYMAP_STUDY; g++)
		keymap_unbind_in(keymap_scope((enum keymap_group)g), prefix,
		    key);
}

static int
keymap_bind(int prefix, const struct keymap_key *key, enum request req)
{
	keymap_unbind_in(keymap_scope(keymap_requests[req].group), prefix,
	    key);
	if (keymap_nbindings == KEYMAP_MAX)
		return -1;
	keymap_bindings[keymap_nbindings].prefix = prefix;
	keymap_bindings[keymap_nbindings].key = *key;
	keymap_bindings[keymap_nbindings].req = req;
	keymap_nbindings++;
	return 0;
}

void
keymap_init(void)
{
	struct keymap_key	key;
	int			prefix, r, k;

	keymap_nbindings = 0;
	for (r = 1; r < REQ__COUNT; r++) {
		for (k = 0; k < 6 && keymap_requests[r].keys[k] != NULL; k++) {
			if (keymap_parse_key(keymap_requests[r].keys[k],
			    &prefix, &key) == 0)
				keymap_bind(prefix, &key, r);
		}
	}
}

static int
keymap_find_request(const char *name)
{
	int	r;

	for (r = 1; r < REQ__COUNT; r++)
		if (strcmp(keymap_requests[r].name, name) == 0)
			return r;
	return -1;
}

int
keymap_load(const char *path, char **err)
{
	FILE			*f;
	char			*line = NULL, *p, *words[4], *save, *msg;
	size_t			 cap = 0, lno = 0;
	int			 n, prefix, req;
	struct keymap_key	 key;

	*err = NULL;
	f = fopen(path, "r");
	if (f == NULL) {
		if (errno == ENOENT)
			return 0;
		*err = xasprintf("%s: %s", path, strerror(errno));
		return -1;
	}
	while (getline(&line, &cap, f) != -1) {
		lno++;
		if ((p = strchr(line, '#')) != NULL)
			*p = '\0';
		/* "set NAME VALUE": settings.c's (the value may have spaces) */
		if ((n = settings_parse_line(line, &msg)) != 0) {
			if (n == -1) {
				*err = xasprintf("%s:%zu: %s", path, lno, msg);
				free(msg);
				break;
			}
			continue;
		}
		n = 0;
		for (p = strtok_r(line, " \t\r\n", &save); p != NULL && n < 4;
		    p = strtok_r(NULL, " \t\r\n", &save))
			words[n++] = p;
		if (n == 0)
			continue;
		if (strcmp(words[0], "bind") == 0 && n == 3) {
			if (keymap_parse_key(words[1], &prefix, &key) == -1) {
				*err = xasprintf(_("%s:%zu: unknown key '%s'"),
				    path, lno, words[1]);
				break;
			}
			if ((req = keymap_find_request(words[2])) == -1) {
				*err = xasprintf(_("%s:%zu: unknown action "
				    "'%s'"), path, lno, words[2]);
				break;
			}
			if (keymap_bind(prefix, &key, req) == -1) {
				*err = xasprintf(_("%s:%zu: too many "
				    "bindings"), path, lno);
				break;
			}
		} else if (strcmp(words[0], "unbind") == 0 && n == 2) {
			if (keymap_parse_key(words[1], &prefix, &key) == -1) {
				*err = xasprintf(_("%s:%zu: unknown key '%s'"),
				    path, lno, words[1]);
				break;
			}
			keymap_unbind(prefix, &key);
		} else {
			*err = xasprintf(_("%s:%zu: expected 'bind KEY ACTION' "
			    "or 'unbind KEY'"), path, lno);
			break;
		}
	}
	free(line);
	fclose(f);
	return *err == NULL ? 0 : -1;
}

int
keymap_lookup(enum keymap_group group, int prefix,
    const struct keymap_key *key)
{
	size_t		 i;
	int		 pass;
	enum keymap_group g;

	/* Pass 0: the view's own keys; pass 1: the global ones. */
	for (pass = KEYMAP_GLOBAL(group) ? 1 : 0; pass < 2; pass++) {
		for (i = 0; i < keymap_nbindings; i++) {
			const struct keymap_binding	*b = &keymap_bindings[i];

			g = keymap_requests[b->req].group;
			if (pass == 0 ? g != group : !KEYMAP_GLOBAL(g))
				continue;
			if (b->prefix == prefix && b->key.code == key->code &&
			    b->key.is_func == key->is_func)
				return b->req;
		}
	}
	/* A key that only starts sequences waits for the next one. */
	if (prefix == 0 && !key->is_func)
		for (i = 0; i < keymap_nbindings; i++)
			if (keymap_bindings[i].prefix == key->code)
				return -1;
	return REQ_NONE;
}

const char *
keymap_request_name(enum request req)
{
	return keymap_requests[req].name;
}

const char *
keymap_request_help(enum request req)
{
	return keymap_requests[req].help;
}

enum keymap_group
keymap_request_group(enum request req)
{
	return keymap_requests[req].group;
}

/* The config-file name of a binding's key. */
static char *
keymap_key_name(const struct keymap_binding *b)
{
	size_t	i;

	for (i = 0; i < NNAMES; i++)
		if (b->prefix == 0 && keymap_names[i].code == b->key.code &&
		    keymap_names[i].is_func == b->key.is_func)
			return xstrdup(keymap_names[i].name);
	if (b->prefix != 0)
		return xasprintf("%c%c", b->prefix, b->key.code);
	if (b->key.code < 32)
		return xasprintf("C-%c", b->key.code + 'a' - 1);
	return xasprintf("%c", b->key.code);
}

char *
keymap_keys_for(enum request req)
{
	struct text_buf	 b;
	size_t		 i;
	char		*name;

	text_buf_init(&b);
	for (i = 0; i < keymap_nbindings; i++) {
		if (keymap_bindings[i].req != req)
			continue;
		name = keymap_key_name(&keymap_bindings[i]);
		if (b.len > 0)
			text_buf_puts(&b, ", ");
		text_buf_puts(&b, name);
		free(name);
	}
	if (b.data == NULL)
		text_buf_puts(&b, "");
	return text_buf_steal(&b);
}

int
keymap_config_load(char **err)
{
	char	*path = settings_config_path();
	int	 rc;

	keymap_init();
	settings_reset();
	rc = keymap_load(path, err);
	free(path);
	return rc;
}

int
ui_config_cite_format(int *format, char **err)
{
	if (keymap_config_load(err) == -1)
		return -1;
	*format = (int)settings_cite_format();
	return 0;
}
