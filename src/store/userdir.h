/*
 * userdir.h -- where charta keeps the user's own files (the state database,
 * the user's corpus): $XDG_DATA_HOME/charta/.
 *
 * The rules, so that charta never writes where it should not:
 *  - the data home is $XDG_DATA_HOME if it is an absolute path; else
 *    $HOME/.local/share if $HOME is absolute; else the home directory the
 *    password database gives for the real user id, plus /.local/share.  An
 *    unset, empty or relative value is ignored (the XDG specification says
 *    such a value is invalid): nothing is ever made relative to the current
 *    directory.  With no absolute home at all there is no data directory.
 *  - missing directories are made with mode 0700;
 *  - charta/ itself must be a real directory (not a symbolic link), belong
 *    to the effective user, and not be writable by group or others (what
 *    ssh asks of ~/.ssh): anyone else able to write there could plant a
 *    link to another user's file, or swap the files charta writes.
 */
#ifndef CHARTA_USERDIR_H
#define CHARTA_USERDIR_H

/*
 * The data home as the rules above find it (a new string), creating
 * nothing; or NULL with a message in *err (malloc'ed) when there is none.
 */
char	*userdir_base(char **err);

/*
 * The path filename would have in the charta/ directory of the data home
 * (a new string), creating and checking nothing; NULL with *err as for
 * userdir_base.
 */
char	*userdir_locate(const char *filename, char **err);

/*
 * Make (mode 0700) and check the charta/ directory of the data home, and
 * return the full path of filename in it (a new string).  On failure
 * (no home, a directory that cannot be made, a symbolic link, a foreign
 * or group- or world-writable charta/) returns NULL with a message naming
 * the directory in *err (malloc'ed).  filename itself is not looked at.
 */
char	*userdir_path(const char *filename, char **err);

/*
 * Check that dir is a directory charta may keep private files in, as for
 * charta/ above: not a symbolic link, a directory, owned by the effective
 * user, not writable by group or others.  Returns 0, or -1 with a message
 * in *err (malloc'ed).
 */
int	 userdir_check(const char *dir, char **err);

/*
 * mkdir -p for the directories leading to path (not path's last component
 * itself unless it ends in '/'), each one made with mode 0700 whatever the
 * umask.  Returns 0, or -1 with errno set and the directory that could
 * not be made in *failed (malloc'ed).
 */
int	 userdir_mkdirs(const char *path, char **failed);

#endif /* CHARTA_USERDIR_H */
