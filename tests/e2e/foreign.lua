-- foreign.lua: a small KEMI proxy written as an operator would write one,
-- with routing of its own, into which the moscdr module is dropped.
--
-- make e2e runs it (tests/e2e/run.sh, the "foreign" Kamailio) to show
-- that contrib/kamailio/moscdr.lua works in a routing script that is not
-- moscdr's example: the only moscdr lines are the require and the calls
-- at the points docs/kamailio.md documents (marked "moscdr"). Unlike the
-- example script it uses no dispatcher: every new call goes to one
-- static next hop, given in the environment (FOREIGN_NEXT_HOP, a SIP
-- URI), it keeps no rtpengine flags of moscdr's and it names its own
-- reply and failure routes. Kamailio's cfg is contrib/kamailio/
-- kamailio.cfg (for its modules and the MOS modparams), whose dialog, tm
-- and evapi callbacks call ksr_dialog_event, ksr_tm_event and
-- ksr_evapi_event; run.sh sets MOSCDR_TIMEOUT_BYE=0 for it, so that a
-- timeout is reported from the dialog's end event.

local moscdr = require "moscdr"				-- moscdr

local NEXT_HOP = os.getenv("FOREIGN_NEXT_HOP") or "sip:127.0.0.1:5080"
-- this proxy's own media flags; moscdr only needs the two labels
local SDP_FLAGS = "replace-origin replace-session-connection"

local function forward()
	if KSR.tm.t_relay() < 0 then
		KSR.sl.sl_reply_error()
	end
end

local function within_dialog()
	if KSR.rr.loose_route() < 0 then
		if KSR.is_ACK() and KSR.tm.t_check_trans() > 0 then
			forward()
		elseif not KSR.is_ACK() then
			KSR.sl.sl_send_reply(404, "No such dialog")
		end
		return
	end
	if KSR.is_BYE() then
		moscdr.on_bye()					-- moscdr
	end
	forward()
end

local function new_call()
	KSR.rr.record_route()
	KSR.dialog.dlg_manage()
	if KSR.textops.has_body_type("application/sdp") > 0 then
		KSR.rtpengine.rtpengine_offer(SDP_FLAGS .. " label=caller")
	end
	moscdr.on_invite()					-- moscdr
	KSR.tm.t_on_reply("foreign_invite_reply")
	KSR.tm.t_on_failure("foreign_invite_failed")
	KSR.setdsturi(NEXT_HOP)
	forward()
end

function ksr_request_route()
	if KSR.maxfwd.process_maxfwd(10) < 0 then
		KSR.sl.sl_send_reply(483, "Too Many Hops")
		return 1
	end
	if KSR.is_CANCEL() then
		if KSR.tm.t_check_trans() > 0 then
			forward()
		end
		return 1
	end
	if KSR.siputils.has_totag() > 0 then
		within_dialog()
		return 1
	end
	if KSR.tm.t_check_trans() == 0 then
		return 1
	end
	if KSR.is_INVITE() then
		new_call()
	elseif KSR.is_ACK() then
		-- an ACK to a negative reply: tm absorbed it
		return 1
	else
		KSR.sl.sl_send_reply(405, "Method Not Allowed")
	end
	return 1
end

function foreign_invite_reply()
	moscdr.on_answer()					-- moscdr
	local code = KSR.pv.get("$rs")
	if code ~= nil and code >= 180 and code < 300 and
	    KSR.textops.has_body_type("application/sdp") > 0 then
		KSR.rtpengine.rtpengine_answer(SDP_FLAGS .. " label=callee")
	end
	return 1
end

function foreign_invite_failed()
	moscdr.on_failure()					-- moscdr
	return 1
end

function ksr_dialog_event(evname)
	moscdr.on_dialog_event(evname)				-- moscdr
	return 1
end

function ksr_tm_event(evname)
	moscdr.on_tm_event(evname)				-- moscdr
	return 1
end

function ksr_evapi_event(evname)
	return 1
end
