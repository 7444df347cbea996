/*
 * privdrop.c: implements privdrop.h, the switch from root to the
 * configured user and group, and the proof that it cannot be undone.
 *
 * Order matters: supplementary groups and the group go first, while the
 * process still has the right to change them; the user id goes last.
 * setresuid/setresgid set the real, effective and saved ids together, so
 * no saved root id is left to switch back to. Changing away from uid 0
 * also clears the capability sets (no SECBIT_KEEP_CAPS is set), which
 * the final setuid(0) test confirms.
 */
#include <sys/types.h>

#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "privdrop.h"

/* Most supplementary groups looked at when checking for group 0. */
#define PRIVDROP_GROUPS_MAX	256

/* Looks up user and group; fills uid, gid and the canonical user name. */
static int
privdrop_lookup(const char *user, const char *group, uid_t *uid, gid_t *gid,
    char *name, size_t namelen, char *err, size_t errlen)
{
	struct passwd *pw;
	struct group *gr;

	errno = 0;
	if ((pw = getpwnam(user)) == NULL) {
		snprintf(err, errlen, "user \"%s\": %s", user,
		    errno != 0 ? strerror(errno) : "no such user");
		return -1;
	}
	*uid = pw->pw_uid;
	*gid = pw->pw_gid;
	if (snprintf(name, namelen, "%s", pw->pw_name) >= (int)namelen) {
		snprintf(err, errlen, "user \"%s\": name too long", user);
		return -1;
	}
	if (group != NULL && group[0] != '\0') {
		errno = 0;
		if ((gr = getgrnam(group)) == NULL) {
			snprintf(err, errlen, "group \"%s\": %s", group,
			    errno != 0 ? strerror(errno) : "no such group");
			return -1;
		}
		*gid = gr->gr_gid;
	}
	if (*uid == 0) {
		snprintf(err, errlen, "user \"%s\" is root: nothing would be "
		    "dropped", user);
		return -1;
	}
	return 0;
}

/* True when the real, effective and saved ids are all uid and gid. */
static bool
privdrop_is_ids(uid_t uid, gid_t gid)
{
	uid_t ru, eu, su;
	gid_t rg, eg, sg;

	if (getresuid(&ru, &eu, &su) == -1 || getresgid(&rg, &eg, &sg) == -1)
		return false;
	return ru == uid && eu == uid && su == uid &&
	    rg == gid && eg == gid && sg == gid;
}

/* True when group 0 is among the supplementary groups (and not ours). */
static bool
privdrop_has_root_group(gid_t gid)
{
	gid_t groups[PRIVDROP_GROUPS_MAX];
	int i, n;

	n = getgroups(PRIVDROP_GROUPS_MAX, groups);
	if (n == -1)
		return true;	/* cannot tell: assume the worst */
	for (i = 0; i < n; i++)
		if (groups[i] == 0 && gid != 0)
			return true;
	return false;
}

int
privdrop_to(const char *user, const char *group, char *err, size_t errlen)
{
	char name[256];
	uid_t uid;
	gid_t gid;

	if (user == NULL || user[0] == '\0')
		return 0;
	if (privdrop_lookup(user, group, &uid, &gid, name, sizeof(name), err,
	    errlen) == -1)
		return -1;

	if (geteuid() != 0) {
		/* Started unprivileged (systemd User=): fine if it is
		 * already the configured identity. */
		if (privdrop_is_ids(uid, gid))
			return 0;
		snprintf(err, errlen, "running as uid %u gid %u, not root: "
		    "cannot switch to user \"%s\" (uid %u gid %u)",
		    (unsigned)getuid(), (unsigned)getgid(), user,
		    (unsigned)uid, (unsigned)gid);
		return -1;
	}

	if (initgroups(name, gid) == -1) {
		snprintf(err, errlen, "initgroups(%s, %u): %s", name,
		    (unsigned)gid, strerror(errno));
		return -1;
	}
	if (setresgid(gid, gid, gid) == -1) {
		snprintf(err, errlen, "setresgid(%u): %s", (unsigned)gid,
		    strerror(errno));
		return -1;
	}
	if (setresuid(uid, uid, uid) == -1) {
		snprintf(err, errlen, "setresuid(%u): %s", (unsigned)uid,
		    strerror(errno));
		return -1;
	}

	/* Trust, but verify: no id may be left at root, and root must
	 * be out of reach now. */
	if (!privdrop_is_ids(uid, gid)) {
		snprintf(err, errlen, "ids are not all uid %u gid %u after "
		    "the switch", (unsigned)uid, (unsigned)gid);
		return -1;
	}
	if (setuid(0) != -1 || seteuid(0) != -1) {
		snprintf(err, errlen, "could regain uid 0 after dropping to "
		    "user \"%s\"", user);
		return -1;
	}
	if (setgid(0) != -1 || setegid(0) != -1) {
		snprintf(err, errlen, "could regain gid 0 after dropping to "
		    "user \"%s\"", user);
		return -1;
	}
	if (privdrop_has_root_group(gid)) {
		snprintf(err, errlen, "user \"%s\" is a member of group 0 "
		    "(root): pick an unprivileged user", user);
		return -1;
	}
	return 0;
}
