/*
 * userdir.c -- charta's directory of the user's own data (see userdir.h).
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store/userdir.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

/* mkdir -p dir, mode 0700 for what it makes. */
static int
userdir_mkdirs(char *dir)
{
	char	*p;

	for (p = dir + 1; *p != '\0'; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(dir, 0700) == -1 && errno != EEXIST) {
			*p = '/';
			return -1;
		}
		*p = '/';
	}
	return mkdir(dir, 0700) == -1 && errno != EEXIST ? -1 : 0;
}

char *
userdir_path(const char *filename, char **err)
{
	const char	*xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");
	char		*dir, *path;
	struct stat	 sb;

	*err = NULL;
	if (xdg != NULL && xdg[0] == '/')
		dir = xasprintf("%s/charta", xdg);
	else if (home != NULL && home[0] == '/')
		dir = xasprintf("%s/.local/share/charta", home);
	else {
		*err = xstrdup(_("no directory for your data: set HOME or "
		    "XDG_DATA_HOME to an absolute path"));
		return NULL;
	}
	if (userdir_mkdirs(dir) == -1) {
		*err = xasprintf("%s: %s", dir, strerror(errno));
		free(dir);
		return NULL;
	}
	if (lstat(dir, &sb) == -1 || !S_ISDIR(sb.st_mode) ||
	    sb.st_uid != geteuid()) {
		*err = xasprintf(_("%s: not a directory of yours (a symbolic "
		    "link, or another user's)"), dir);
		free(dir);
		return NULL;
	}
	path = xasprintf("%s/%s", dir, filename);
	free(dir);
	return path;
}
