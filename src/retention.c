/*
 * retention.c: implements retention.h, the pure schedule of the writer
 * thread's deletion of old calls.
 */
#include "retention.h"

void
retention_init(struct retention *r, int days, double now)
{
	if (days < 0)
		days = 0;
	if (days > RETENTION_DAYS_MAX)
		days = RETENTION_DAYS_MAX;
	r->keep_s = days * 86400.0;
	r->next_at = now + RETENTION_FIRST_S;
	r->run_deleted = 0;
	r->running = false;
}

bool
retention_is_enabled(const struct retention *r)
{
	return r->keep_s > 0;
}

bool
retention_is_due(const struct retention *r, double now)
{
	return r->keep_s > 0 && now >= r->next_at;
}

double
retention_cutoff(const struct retention *r, double wall_now)
{
	return wall_now - r->keep_s;
}

bool
retention_done(struct retention *r, double now, bool ok, uint64_t deleted,
    size_t limit, uint64_t *run_total)
{
	r->running = true;
	r->run_deleted += deleted;
	if (ok && limit > 0 && deleted >= limit) {
		/* More may be left: the next batch at the next idle moment. */
		r->next_at = now;
		return false;
	}
	*run_total = r->run_deleted;
	r->run_deleted = 0;
	r->running = false;
	r->next_at = now + RETENTION_INTERVAL_S;
	return true;
}
