-- 005_media.sql: what rtpengine's reply says about each leg's media, and
-- why a leg has no MOS.
--
-- The counts are what rtpengine RECEIVED from that side's party (the
-- streams of that side's tags in the reply). NULL when the reply did not
-- carry the value (or there was no reply), never 0. Merged like every
-- column (a later NULL never erases a known value), except mos_missing,
-- see docs/schema.md: a MOS once seen clears it for good, 'no_reply'
-- never replaces a reason decided from a reply.

ALTER TABLE leg
	ADD COLUMN rtp_packets bigint,		-- RTP packets from the side
	ADD COLUMN rtp_bytes bigint,
	ADD COLUMN rtp_errors bigint,
	ADD COLUMN rtcp_packets bigint,		-- RTCP packets from the side
	ADD COLUMN remote_addr text,		-- the side's media address
	ADD COLUMN remote_port integer,
	ADD COLUMN protocol text,		-- 'RTP/AVP', 'RTP/SAVPF', ...
	ADD COLUMN codec text,			-- 'PCMU/8000', ...
	ADD COLUMN ssrc bigint,			-- the side's RTP SSRC
	ADD COLUMN last_packet timestamptz,
	ADD COLUMN mos_missing text CHECK (mos_missing IN
	    ('no_media', 'no_rtcp', 'too_short', 'no_reply', 'unknown'));
