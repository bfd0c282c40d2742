/*
 * settings.h -- the config file's settings: its `set NAME VALUE` lines
 * (the key bindings of the same file are keymap.c's).  One config file,
 * ${XDG_CONFIG_HOME:-~/.config}/charta/config, read by the reader at start
 * and by `charta cite` for its default format.
 *
 *     set clipboard auto|on|off|COMMAND   where the yank keys copy to
 *     set cite-format FORMAT              plain, chicago, bibtex, ...
 */
#ifndef CHARTA_SETTINGS_H
#define CHARTA_SETTINGS_H

#include "cite/cite.h"

/* Where the yank keys deliver (clipboard.c). */
enum settings_clipboard {
	SETTINGS_CLIPBOARD_AUTO,	/* OSC 52 where the terminal takes it */
	SETTINGS_CLIPBOARD_ON,		/* OSC 52 to any terminal */
	SETTINGS_CLIPBOARD_OFF,		/* nowhere: the status line shows it */
	SETTINGS_CLIPBOARD_COMMAND,	/* a command, the text on its stdin */
};

/* Back to the defaults: clipboard auto, cite-format plain. */
void			 settings_reset(void);

/*
 * Read line (a config file's line, comment removed) if it is a `set`
 * line.  Returns 1 if it was one and is now in force, 0 if it is not a
 * `set` line, -1 if it is a bad one, with a message (malloc'ed, without
 * the file and line) in *err.
 */
int			 settings_parse_line(const char *line, char **err);

enum settings_clipboard	 settings_clipboard(void);
/* The clipboard command (SETTINGS_CLIPBOARD_COMMAND), else "". */
const char		*settings_clipboard_command(void);
enum cite_format	 settings_cite_format(void);

/* The config file's path, as a new string. */
char			*settings_config_path(void);

#endif /* CHARTA_SETTINGS_H */
