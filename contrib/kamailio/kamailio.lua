-- kamailio.lua: the routing script of moscdr's example proxy
-- (kamailio.cfg). A plain KEMI proxy in front of rtpengine; the moscdr
-- module does the reporting, called at six points (marked "moscdr").
--
-- Calls go UAC -> this proxy -> the destinations of dispatcher set 1.
-- Media is anchored in rtpengine with the caller's side labelled
-- "caller" (offer) and the callee's "callee" (answer).

-- Where moscdr.lua lives when it is not on Lua's default path
-- (/usr/local/share/lua/5.1/ and the like) or in LUA_PATH.
package.path = "/etc/kamailio/?.lua;" .. package.path
local moscdr = require "moscdr"

-- Dispatcher set and algorithm (4 = round robin) for new calls.
local DS_SET = 1
local DS_ALG = 4

local function relay()
	if KSR.tm.t_relay() < 0 then
		KSR.sl.sl_reply_error()
	end
	KSR.x.exit()
end

local function route_in_dialog()
	if KSR.rr.loose_route() > 0 then
		if KSR.is_BYE() then
			moscdr.on_bye()				-- moscdr
		elseif KSR.is_INVITE() and
		    KSR.textops.has_body_type("application/sdp") > 0 then
			-- re-INVITE from either side: new media, same labels
			KSR.rtpengine.rtpengine_offer(moscdr.MEDIA_FLAGS)
			KSR.tm.t_on_reply("ksr_onreply_reinvite")
		end
		relay()
	end
	if KSR.is_ACK() then
		if KSR.tm.t_check_trans() > 0 then
			relay()
		end
		KSR.x.exit()
	end
	KSR.sl.sl_send_reply(404, "Not here")
	KSR.x.exit()
end

function ksr_request_route()
	if KSR.maxfwd.process_maxfwd(10) < 0 then
		KSR.sl.sl_send_reply(483, "Too Many Hops")
		return 1
	end
	if KSR.sanity.sanity_check(1 + 2 + 4 + 8 + 32 + 64 + 128, 1) < 0 then
		KSR.x.exit()
	end
	if KSR.is_CANCEL() then
		-- the failure route of the INVITE reports the call (487)
		if KSR.tm.t_check_trans() > 0 then
			relay()
		end
		return 1
	end
	if not KSR.is_ACK() then
		if KSR.tmx.t_precheck_trans() > 0 then
			KSR.tm.t_check_trans()
			return 1
		end
		if KSR.tm.t_check_trans() == 0 then
			return 1
		end
	end
	if KSR.siputils.has_totag() > 0 then
		route_in_dialog()
		return 1
	end
	if KSR.is_ACK() then
		if KSR.tm.t_check_trans() > 0 then
			relay()
		end
		return 1
	end

	KSR.hdr.remove("Route")
	if KSR.is_OPTIONS() and KSR.is_myself_ruri() then
		KSR.sl.sl_send_reply(200, "OK")
		return 1
	end
	if KSR.is_INVITE() then
		KSR.rr.record_route()
		if KSR.dialog ~= nil then
			KSR.dialog.dlg_manage()
		end
		if KSR.textops.has_body_type("application/sdp") > 0 and
		    KSR.rtpengine.rtpengine_offer(moscdr.OFFER_FLAGS) < 0 then
			KSR.sl.sl_send_reply(503, "Media relay unavailable")
			return 1
		end
		moscdr.on_invite()				-- moscdr
		KSR.tm.t_on_reply("ksr_onreply_manage")
		KSR.tm.t_on_failure("ksr_failure_manage")
	end
	if KSR.dispatcher.ds_select_dst(DS_SET, DS_ALG) < 0 then
		if KSR.is_INVITE() then
			KSR.rtpengine.rtpengine_delete0()
		end
		KSR.sl.sl_send_reply(503, "No destination")
		return 1
	end
	relay()
	return 1
end

local function answer_sdp(flags)
	local code = KSR.pv.get("$rs")
	if code ~= nil and code > 100 and code < 300 and
	    KSR.textops.has_body_type("application/sdp") > 0 then
		KSR.rtpengine.rtpengine_answer(flags)
	end
	return 1
end

-- Replies to the initial INVITE.
function ksr_onreply_manage()
	moscdr.on_answer()					-- moscdr
	return answer_sdp(moscdr.ANSWER_FLAGS)
end

-- Replies to a re-INVITE.
function ksr_onreply_reinvite()
	return answer_sdp(moscdr.MEDIA_FLAGS)
end

-- A final negative reply to the INVITE (also the 487 after a CANCEL,
-- and the local 408 on timeout): the next destination on a server
-- failure, else the call is over.
function ksr_failure_manage()
	if KSR.tm.t_is_canceled() < 0 then
		local code = KSR.pv.get("$T_reply_code")
		if code ~= nil and (code == 408 or code >= 500) and
		    KSR.dispatcher.ds_next_dst() > 0 then
			KSR.tm.t_on_failure("ksr_failure_manage")
			KSR.tm.t_relay()
			return 1
		end
	end
	moscdr.on_failure()					-- moscdr
	return 1
end

-- dialog module events (modparam dialog event_callback).
function ksr_dialog_event(evname)
	return moscdr.on_dialog_event(evname)			-- moscdr
end

-- tm events (modparam tm event_callback): the BYEs the dialog module
-- sends on a timeout.
function ksr_tm_event(evname)
	return moscdr.on_tm_event(evname)			-- moscdr
end

-- evapi client connections (modparam evapi event_callback).
function ksr_evapi_event(evname)
	return moscdr.on_evapi_event(evname)
end
