/*
 * privdrop.h: dropping root privileges to an unprivileged user and group
 * once the sockets are bound and the key is read, before any database or
 * spool file is created (so they belong to that user).
 */
#ifndef MOSCDR_PRIVDROP_H
#define MOSCDR_PRIVDROP_H

#include <stddef.h>

/*
 * Becomes user (a name from the passwd database) with group (a name
 * from the group database; NULL or "" = the user's primary group) and
 * the user's supplementary groups.
 *
 * As root: initgroups/setgroups, setresgid, setresuid, then checks that
 * real, effective and saved ids are the new ones and that setuid(0) and
 * setgid(0) now fail. Not as root: succeeds only when the process
 * already runs as user and group (as under systemd's User=/Group=),
 * since it cannot switch. user NULL or "": nothing to do, returns 0.
 *
 * Returns 0, or -1 with the reason in err. The process may then hold a
 * part of its old ids: a caller that gets -1 must exit, never go on as
 * root.
 */
int privdrop_to(const char *user, const char *group, char *err, size_t errlen);

#endif
