/*
 * userdir.h -- charta's directory of the user's own data,
 * $XDG_DATA_HOME/charta (by default ~/.local/share/charta): the reading
 * state and the user's own corpus.
 */
#ifndef CHARTA_USERDIR_H
#define CHARTA_USERDIR_H

/*
 * The path of filename in charta's user data directory, which is made
 * (mode 0700, with its parents) if it is not there.  $XDG_DATA_HOME is
 * used only if it is absolute (XDG says to ignore a relative one), else
 * $HOME/.local/share.  The directory must be a real directory (not a
 * symbolic link) owned by the user.  Returns a new string, or NULL with a
 * message in *err (malloc'ed, naming the directory).
 */
char	*userdir_path(const char *filename, char **err);

#endif /* CHARTA_USERDIR_H */
