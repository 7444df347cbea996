-- 004_answer_time.sql: when the call was answered.
--
-- answer_time is when the first 2xx to the INVITE passed the proxy
-- (wire format "answer_time"); NULL for a call never answered, or when
-- the sender does not send it. start_time .. answer_time is the ringing,
-- answer_time .. end_time the talk (see the views' ringing_s, talk_s).
-- Same text format as start_time (ISO 8601 UTC, milliseconds).
ALTER TABLE call ADD COLUMN answer_time TEXT;
