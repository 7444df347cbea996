-- 005_media.sql: what rtpengine's reply says about each leg's media, and
-- why a leg has no MOS.
--
-- The counts are what rtpengine RECEIVED from that side's party (the
-- streams of that side's tags in the reply). NULL when the reply did not
-- carry the value (or there was no reply), never 0. Merged like every
-- column (a later NULL never erases a known value), except mos_missing,
-- see docs/schema.md: a MOS once seen clears it for good, 'no_reply'
-- never replaces a reason decided from a reply.

ALTER TABLE leg ADD COLUMN rtp_packets INTEGER;	-- RTP packets from the side
ALTER TABLE leg ADD COLUMN rtp_bytes INTEGER;
ALTER TABLE leg ADD COLUMN rtp_errors INTEGER;
ALTER TABLE leg ADD COLUMN rtcp_packets INTEGER;	-- RTCP packets from the side
ALTER TABLE leg ADD COLUMN remote_addr TEXT;	-- the side's media address
ALTER TABLE leg ADD COLUMN remote_port INTEGER;
ALTER TABLE leg ADD COLUMN protocol TEXT;	-- 'RTP/AVP', 'RTP/SAVPF', ...
ALTER TABLE leg ADD COLUMN codec TEXT;		-- 'PCMU/8000', ...
ALTER TABLE leg ADD COLUMN ssrc INTEGER;	-- the side's RTP SSRC
ALTER TABLE leg ADD COLUMN last_packet TEXT;	-- ISO-8601 UTC, as every time
-- 'no_media', 'no_rtcp', 'too_short', 'no_reply', 'unknown'; NULL: a MOS.
ALTER TABLE leg ADD COLUMN mos_missing TEXT;
