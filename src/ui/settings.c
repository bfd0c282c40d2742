/*
 * settings.c -- the `set` lines of the config file (see settings.h).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ui/settings.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

static enum settings_clipboard	 settings_clip;
static char			*settings_clip_command;
static enum cite_format		 settings_format;

void
settings_reset(void)
{
	settings_clip = SETTINGS_CLIPBOARD_AUTO;
	free(settings_clip_command);
	settings_clip_command = NULL;
	settings_format = CITE_PLAIN;
}

static const char *
settings_skip_blank(const char *s)
{
	return s + strspn(s, " \t\r\n");
}

/* The word at s: its length. */
static size_t
settings_word(const char *s)
{
	return strcspn(s, " \t\r\n");
}

int
settings_parse_line(const char *line, char **err)
{
	const char	*p = settings_skip_blank(line), *name, *value;
	size_t		 nlen, vlen;
	enum cite_format f;

	*err = NULL;
	if (settings_word(p) != 3 || strncmp(p, "set", 3) != 0)
		return 0;
	name = settings_skip_blank(p + 3);
	nlen = settings_word(name);
	value = settings_skip_blank(name + nlen);
	/* The value is the rest of the line: a command has spaces. */
	vlen = strlen(value);
	while (vlen > 0 && strchr(" \t\r\n", value[vlen - 1]) != NULL)
		vlen--;
	if (nlen == 0 || vlen == 0) {
		*err = xstrdup(_("expected 'set NAME VALUE'"));
		return -1;
	}
	if (nlen == 9 && strncmp(name, "clipboard", 9) == 0) {
		free(settings_clip_command);
		settings_clip_command = NULL;
		if (vlen == 4 && strncmp(value, "auto", 4) == 0)
			settings_clip = SETTINGS_CLIPBOARD_AUTO;
		else if (vlen == 2 && strncmp(value, "on", 2) == 0)
			settings_clip = SETTINGS_CLIPBOARD_ON;
		else if (vlen == 3 && strncmp(value, "off", 3) == 0)
			settings_clip = SETTINGS_CLIPBOARD_OFF;
		else {
			settings_clip = SETTINGS_CLIPBOARD_COMMAND;
			settings_clip_command = xstrndup(value, vlen);
		}
		return 1;
	}
	if (nlen == 11 && strncmp(name, "cite-format", 11) == 0) {
		char	*v = xstrndup(value, vlen);

		if (cite_format_from_name(v, &f) == -1) {
			*err = xasprintf(_("unknown citation format '%s' (one "
			    "of: %s)"), v, CITE_FORMAT_NAMES);
			free(v);
			return -1;
		}
		free(v);
		settings_format = f;
		return 1;
	}
	*err = xasprintf(_("unknown setting '%.*s' (clipboard, cite-format)"),
	    (int)nlen, name);
	return -1;
}

enum settings_clipboard
settings_clipboard(void)
{
	return settings_clip;
}

const char *
settings_clipboard_command(void)
{
	return settings_clip_command != NULL ? settings_clip_command : "";
}

enum cite_format
settings_cite_format(void)
{
	return settings_format;
}

char *
settings_config_path(void)
{
	const char	*xdg = getenv("XDG_CONFIG_HOME"), *home;

	/* XDG: a relative XDG_CONFIG_HOME is to be ignored. */
	if (xdg != NULL && *xdg == '/')
		return xasprintf("%s/charta/config", xdg);
	home = getenv("HOME");
	return xasprintf("%s/.config/charta/config", home ? home : "");
}
