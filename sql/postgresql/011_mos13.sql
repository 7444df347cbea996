-- 011_mos13.sql: a sixth reason for a leg without MOS, 'peer_no_rtcp'
-- (the side sent RTCP, its peer none: rtpengine has no round trip, so
-- neither side gets a MOS; see docs/schema.md).
--
-- The list of reasons is the one of src/record_value.c (missing_names),
-- which test_record checks against this constraint. 005 created the
-- constraint unnamed inside ADD COLUMN: PostgreSQL named it
-- leg_mos_missing_check. SQLite's column has no constraint (005).

ALTER TABLE leg
	DROP CONSTRAINT IF EXISTS leg_mos_missing_check,
	ADD CONSTRAINT leg_mos_missing_check CHECK (mos_missing IN
	    ('no_media', 'no_rtcp', 'too_short', 'no_reply', 'unknown',
	    'peer_no_rtcp'));
