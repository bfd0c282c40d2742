/*
 * userdir.c -- the rules for charta's own directory (see userdir.h).
 */
#include "config.h"

#include <errno.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store/userdir.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

/* The name of charta's directory in the data home. */
#define USERDIR_NAME	"charta"

/* An environment variable's value if it is an absolute path, else NULL. */
static const char *
userdir_absolute_env(const char *name)
{
	const char	*v = getenv(name);

	return v != NULL && v[0] == '/' ? v : NULL;
}

char *
userdir_base(char **err)
{
	const char	*xdg, *home;
	struct passwd	*pw;

	*err = NULL;
	if ((xdg = userdir_absolute_env("XDG_DATA_HOME")) != NULL)
		return xstrdup(xdg);
	if ((home = userdir_absolute_env("HOME")) != NULL)
		return xasprintf("%s/.local/share", home);
	/*
	 * No usable environment (a daemon, cron, env -i): the password
	 * database's home, never the current directory.
	 */
	errno = 0;
	pw = getpwuid(getuid());
	if (pw != NULL && pw->pw_dir != NULL && pw->pw_dir[0] == '/')
		return xasprintf("%s/.local/share", pw->pw_dir);
	*err = xasprintf(_("no directory for charta's own files: "
	    "XDG_DATA_HOME and HOME are unset, empty or relative, and the "
	    "password database gives no home for user %lu"),
	    (unsigned long)getuid());
	return NULL;
}

char *
userdir_locate(const char *filename, char **err)
{
	char	*base, *path;

	if ((base = userdir_base(err)) == NULL)
		return NULL;
	path = xasprintf("%s/" USERDIR_NAME "/%s", base, filename);
	free(base);
	return path;
}

int
userdir_mkdirs(const char *path, char **failed)
{
	char	*p = xstrdup(path), *s;
	int	 saved;

	*failed = NULL;
	for (s = p + 1; (s = strchr(s, '/')) != NULL; s++) {
		*s = '\0';
		if (mkdir(p, 0700) == 0) {
			/* 0700 whatever the umask (even one of 0700). */
			(void)chmod(p, 0700);
		} else if (errno != EEXIST) {
			saved = errno;
			*failed = p;
			errno = saved;
			return -1;
		}
		*s = '/';
	}
	free(p);
	return 0;
}

int
userdir_check(const char *dir, char **err)
{
	struct stat	sb;

	*err = NULL;
	if (lstat(dir, &sb) == -1) {
		*err = xasprintf(_("%s: %s"), dir, strerror(errno));
		return -1;
	}
	if (S_ISLNK(sb.st_mode)) {
		*err = xasprintf(_("%s is a symbolic link; charta keeps its "
		    "own files only in a real directory"), dir);
		return -1;
	}
	if (!S_ISDIR(sb.st_mode)) {
		*err = xasprintf(_("%s is not a directory"), dir);
		return -1;
	}
	if (sb.st_uid != geteuid()) {
		*err = xasprintf(_("%s belongs to another user (uid %lu), "
		    "not to you (uid %lu)"), dir, (unsigned long)sb.st_uid,
		    (unsigned long)geteuid());
		return -1;
	}
	if ((sb.st_mode & (S_IWGRP | S_IWOTH)) != 0) {
		*err = xasprintf(_("%s can be written by other users (mode "
		    "%03o); make it private with: chmod 700 %s"), dir,
		    (unsigned int)(sb.st_mode & 0777), dir);
		return -1;
	}
	return 0;
}

char *
userdir_path(const char *filename, char **err)
{
	char	*base, *dir, *failed, *path;

	if ((base = userdir_base(err)) == NULL)
		return NULL;
	dir = xasprintf("%s/" USERDIR_NAME "/", base);
	free(base);
	if (userdir_mkdirs(dir, &failed) == -1) {
		dir[strlen(dir) - 1] = '\0';
		*err = xasprintf(_("%s: cannot create the directory (%s: %s)"),
		    dir, failed, strerror(errno));
		free(failed);
		free(dir);
		return NULL;
	}
	dir[strlen(dir) - 1] = '\0';
	if (userdir_check(dir, err) == -1) {
		free(dir);
		return NULL;
	}
	path = xasprintf("%s/%s", dir, filename);
	free(dir);
	return path;
}
