/*
 * i18n.h -- gettext shorthands.  Every user-visible string is written as
 * _("...") (or N_("...") where it is only marked, in tables, and translated
 * where it is used).
 */
#ifndef CHARTA_I18N_H
#define CHARTA_I18N_H

#include <libintl.h>

#define _(s)	gettext(s)
#define N_(s)	(s)

#endif /* CHARTA_I18N_H */
