-- moscdr.lua: KEMI routing for a Kamailio proxy in front of rtpengine that
-- sends each ended call's MOS values to moscdrd as one JSON message.
--
-- Loaded by kamailio.cfg (app_lua, Lua 5.1). Calls go UAC -> proxy -> the
-- destinations of dispatcher set 1. Media is anchored in rtpengine with
-- the caller's side labelled "caller" (offer) and the callee's "callee"
-- (answer). When a call ends (BYE from either side, CANCEL, or a final
-- failure) the script
--   1. names the labels of sides A and B ($avp(mos_A_label/mos_B_label)),
--   2. asks rtpengine for the whole call (rtpengine_query_v, JSON),
--   3. deletes the call in rtpengine, which fills the mos_* AVPs,
--   4. builds one message in moscdrd's wire format v1, signs it when a
--      key is configured (MOSCDR_KEY_FILE), and sends it.
-- A failure to report never changes how the SIP request is routed.
--
-- Settings come from the defines at the top of kamailio.cfg ($def(...));
-- the defaults below apply when a define is missing (another cfg).

local defaults = {
	MOSCDR_TRANSPORT = "udp",		-- udp | evapi | both | none
	MOSCDR_UDP_DST = "sip:127.0.0.1:9099",
	MOSCDR_NODE = "",
	MOSCDR_QUERY = "1",
	MOSCDR_LOG_MESSAGES = "0",
	MOSCDR_KEY_FILE = "",			-- "": messages are not signed
}

-- Signing (sender authentication, moscdrd's auth.key_file). Every message,
-- over UDP and evapi alike, is sent as the envelope
--   MOSCDR1 <ts> <sig>\n<json>
-- with ts = os.time() and sig = HMAC-SHA256(key, "MOSCDR1 <ts>\n<json>")
-- from KSR.crypto.hmac_sha256 (crypto module; 43 characters of unpadded
-- base64url). The key is the key file's text less trailing white space,
-- exactly as moscdrd reads its auth.key_file, so one file serves both.
--
-- Policy when a key file is configured but unusable (missing, unreadable,
-- shorter than moscdrd's 16 bytes, crypto module not loaded): the message
-- is NOT sent, not even unsigned. A keyed moscdrd would refuse it anyway,
-- and sending it unsigned would hide the fault; so Kamailio logs an error
-- (at most once per KEY_ERR_INTERVAL seconds per worker, with the count of
-- messages not sent) and routing goes on. The file is read again on the
-- next message until it works, then kept for the worker's life: after
-- changing the key, restart Kamailio (and moscdrd).
--
-- At debug=3 Kamailio logs the key: app_lua prints every KEMI parameter
-- and the crypto module prints the input and the key of each HMAC. Keep
-- debug at 2 or lower wherever the key matters.
local KEY_MIN, KEY_MAX = 16, 1024	-- what moscdrd accepts
local KEY_ERR_INTERVAL = 60

-- Dispatcher set and algorithm (4 = round robin) for new calls.
local DS_SET = 1
local DS_ALG = 4

-- rtpengine keeps a label per SIP tag, so only the initial offer and
-- answer name them; re-INVITEs use the bare flags.
local MEDIA_FLAGS = "replace-origin replace-session-connection ICE=remove"
local OFFER_FLAGS = MEDIA_FLAGS .. " label=caller"
local ANSWER_FLAGS = MEDIA_FLAGS .. " label=callee"
local LABEL_A = "caller"
local LABEL_B = "callee"
local HTABLE = "moscdr"

-- The MOS AVPs that rtpengine's module fills (kamailio.cfg names each
-- "$avp(<name>)"), in wire-format order. 56 names in Kamailio 5.6.
local MOS_AVPS = {}
do
	local metrics = { "", "_at", "_packetloss", "_jitter", "_roundtrip",
	    "_roundtrip_leg" }
	local function add_scope(suffix)
		for _, kind in ipairs({ "min", "max" }) do
			for _, m in ipairs(metrics) do
				table.insert(MOS_AVPS, "mos_" .. kind .. m .. suffix)
			end
		end
		for _, m in ipairs({ "", "_packetloss", "_jitter", "_roundtrip",
		    "_roundtrip_leg", "_samples" }) do
			table.insert(MOS_AVPS, "mos_average" .. m .. suffix)
		end
	end
	add_scope("")
	for _, side in ipairs({ "A", "B" }) do
		table.insert(MOS_AVPS, "mos_" .. side .. "_label")
		add_scope("_" .. side)
	end
end

-- Settings are read once per worker process, on first use: at load time
-- the pseudo-variables are not usable yet.
local settings = nil

local function setting(name)
	local v = KSR.pv.get("$def(" .. name .. ")")
	if v == nil then
		v = defaults[name]
	end
	v = tostring(v)
	-- a string define keeps its quotes: "udp" -> udp
	local inner = string.match(v, '^"(.*)"$')
	return inner or v
end

local function load_settings()
	if settings ~= nil then
		return settings
	end
	local t = setting("MOSCDR_TRANSPORT")
	settings = {
		udp = (t == "udp" or t == "both"),
		evapi = (t == "evapi" or t == "both"),
		udp_dst = setting("MOSCDR_UDP_DST"),
		node = setting("MOSCDR_NODE"),
		query = (setting("MOSCDR_QUERY") ~= "0"),
		log_messages = (setting("MOSCDR_LOG_MESSAGES") == "1"),
		key_file = setting("MOSCDR_KEY_FILE"),
	}
	if not (settings.udp or settings.evapi or t == "none") then
		KSR.err("moscdr: unknown MOSCDR_TRANSPORT '" .. t ..
		    "', using udp\n")
		settings.udp = true
	end
	return settings
end

-- JSON string literal. Escapes '"', '\' and control bytes; other bytes
-- pass unchanged (UTF-8 stays UTF-8). SIP Call-IDs may hold '"' and '\'.
local function json_str(s)
	s = string.gsub(tostring(s), '[%c"\\]', function(c)
		if c == '"' then return '\\"' end
		if c == '\\' then return '\\\\' end
		if c == '\n' then return '\\n' end
		if c == '\r' then return '\\r' end
		if c == '\t' then return '\\t' end
		return string.format("\\u%04x", string.byte(c))
	end)
	return '"' .. s .. '"'
end

-- The value of a pseudo-variable as a non-empty string, or nil.
local function pv_str(name)
	local v = KSR.pv.get(name)
	if v == nil then
		return nil
	end
	v = tostring(v)
	if v == "" or v == "<null>" then
		return nil
	end
	return v
end

local function now_str()
	return pv_str("$TV(Sn)") or tostring(os.time())
end

-- rtpengine's reply as JSON object text, or nil when rtpengine does not
-- know the call (a retransmitted BYE) or is unreachable. $var(moscdr_q)
-- is cleared before and after, so no reply outlives this call.
local function rtpengine_query_json()
	KSR.pv.sets("$var(moscdr_q)", "")
	local ok, rc = pcall(KSR.rtpengine.rtpengine_query_v, "j",
	    "$var(moscdr_q)")
	local q = nil
	if ok and rc ~= nil and rc > 0 then
		q = pv_str("$var(moscdr_q)")
	end
	KSR.pv.sets("$var(moscdr_q)", "")
	if q ~= nil and not string.match(q, "^%s*{.*}%s*$") then
		q = nil
	end
	return q
end

-- The signing key of this worker process: nil until read successfully.
local sign_key = nil
-- Rate limit of the "cannot sign" error: last time logged, messages not
-- sent since then.
local key_err_at, key_err_unsent = nil, 0

-- The key from path: the file's text less trailing white space (Lua's %s:
-- space, \t, \n, \v, \f, \r, as moscdrd strips it). Returns key or
-- nil and a reason (which never contains the key).
local function read_key(path)
	local f, err = io.open(path, "rb")
	if f == nil then
		return nil, tostring(err)
	end
	local k = f:read("*a")
	f:close()
	if k == nil then
		return nil, path .. ": cannot read"
	end
	k = string.gsub(k, "%s+$", "")
	if #k < KEY_MIN or #k > KEY_MAX then
		return nil, path .. ": key is " .. #k .. " bytes; it must be " ..
		    KEY_MIN .. " to " .. KEY_MAX
	end
	return k
end

-- Logs why a message was not sent, at most once per KEY_ERR_INTERVAL.
local function key_error(why)
	local now = os.time()
	key_err_unsent = key_err_unsent + 1
	if key_err_at ~= nil and now - key_err_at < KEY_ERR_INTERVAL then
		return
	end
	KSR.err("moscdr: message not sent (signing is on and " .. why ..
	    "); " .. key_err_unsent .. " message(s) not sent since the " ..
	    "last such error\n")
	key_err_at, key_err_unsent = now, 0
end

-- msg wrapped in the signed envelope, or nil (the error logged) when it
-- cannot be signed. The HMAC lands in $var(moscdr_sig), which is cleared
-- before and after: it is written and read in this function only.
local function sign(msg, key_file)
	if sign_key == nil then
		local k, why = read_key(key_file)
		if k == nil then
			key_error("the key file is unusable: " .. why)
			return nil
		end
		sign_key = k
	end
	if KSR.crypto == nil or KSR.crypto.hmac_sha256 == nil then
		key_error("the crypto module is not loaded")
		return nil
	end
	local ts = tostring(os.time())
	KSR.pv.sets("$var(moscdr_sig)", "")
	local ok, rc = pcall(KSR.crypto.hmac_sha256,
	    "MOSCDR1 " .. ts .. "\n" .. msg, sign_key, "$var(moscdr_sig)")
	local sig = pv_str("$var(moscdr_sig)")
	KSR.pv.sets("$var(moscdr_sig)", "")
	if not ok or rc == nil or rc < 0 or sig == nil then
		key_error("crypto.hmac_sha256 failed")
		return nil
	end
	return "MOSCDR1 " .. ts .. " " .. sig .. "\n" .. msg
end

local function send(msg)
	local s = load_settings()
	if s.log_messages then
		KSR.info("moscdr: message " .. msg .. "\n")
	end
	if s.key_file ~= "" and (s.udp or s.evapi) then
		-- one envelope for both transports: moscdrd keeps a replay
		-- memory per transport, so each copy is accepted once
		msg = sign(msg, s.key_file)
		if msg == nil then
			return
		end
	end
	-- Neither send can stall routing: evapi hands the frame to its own
	-- process (and drops it when no client is connected), and UDP does
	-- not wait for the receiver. pcall keeps a module error local.
	if s.evapi then
		local ok, rc = pcall(KSR.evapi.relay, msg)
		if not ok or rc == nil or rc < 0 then
			KSR.warn("moscdr: evapi relay failed\n")
		end
	end
	if s.udp then
		local ok, rc = pcall(KSR.corex.send_data, s.udp_dst, msg)
		if not ok or rc == nil or rc < 0 then
			KSR.warn("moscdr: udp send to " .. s.udp_dst .. " failed\n")
		end
	end
end

-- Ends the call in rtpengine and reports it. how: "bye" or "failure".
-- In failure_route the message is the INVITE and the reply is $T_rpl.
local function report_call(how)
	local s = load_settings()
	local ci = pv_str("$ci")
	if ci == nil then
		return
	end

	-- From/To as the caller sent them: a BYE from the callee (upstream)
	-- has them swapped.
	local upstream = (how == "bye" and KSR.rr.is_direction("upstream") > 0)
	local from_tag, to_tag = pv_str("$ft"), pv_str("$tt")
	local from_uri, to_uri = pv_str("$fu"), pv_str("$tu")
	if upstream then
		from_tag, to_tag = to_tag, from_tag
		from_uri, to_uri = to_uri, from_uri
	end
	if how == "failure" then
		to_tag = pv_str("$T_rpl($tt)")
	end

	-- Labels first: rtpengine_delete reads them to pick sides A and B.
	KSR.pv.sets("$avp(mos_A_label)", LABEL_A)
	KSR.pv.sets("$avp(mos_B_label)", LABEL_B)
	local q = nil
	if s.query then
		q = rtpengine_query_json()
	end
	local ok, rc = pcall(KSR.rtpengine.rtpengine_delete0)
	if not ok or rc == nil or rc < 0 then
		KSR.dbg("moscdr: rtpengine_delete gave no reply\n")
	end

	local start = KSR.htable.sht_get(HTABLE, ci)
	KSR.htable.sht_rm(HTABLE, ci)
	if start == nil and q ~= nil then
		local sec = string.match(q, '"created"%s*:%s*(%d+)')
		local usec = string.match(q, '"created_us"%s*:%s*(%d+)')
		if sec ~= nil then
			start = sec .. (usec and string.format(".%06d",
			    tonumber(usec)) or "")
		end
	end

	local parts = { '"v":1', '"call_id":' .. json_str(ci) }
	local function add(k, v)
		if v ~= nil then
			table.insert(parts, json_str(k) .. ":" .. json_str(v))
		end
	end
	local function addnum(k, v)
		if v ~= nil and string.match(tostring(v), "^[0-9.]+$") then
			table.insert(parts, json_str(k) .. ":" .. tostring(v))
		end
	end
	if s.node ~= "" then
		add("node", s.node)
	end
	add("from_tag", from_tag)
	add("to_tag", to_tag)
	add("from_uri", from_uri)
	add("to_uri", to_uri)
	if how == "failure" then
		addnum("sip_code", pv_str("$T_reply_code"))
		add("sip_reason", pv_str("$T_reply_reason"))
	else
		addnum("sip_code", "200")
		add("ended_by", upstream and LABEL_B or LABEL_A)
	end
	addnum("start_time", start and tostring(start))
	addnum("end_time", now_str())

	local nmos = 0
	for _, name in ipairs(MOS_AVPS) do
		local v = pv_str("$avp(" .. name .. ")")
		if v ~= nil then
			add(name, v)
			if not string.match(name, "_label$") then
				nmos = nmos + 1
			end
		end
	end
	if q ~= nil then
		table.insert(parts, '"rtpengine":' .. q)
	end

	-- Nothing known about the call: a BYE retransmitted after the first
	-- one ended it. The first message already carried everything.
	if q == nil and nmos == 0 and start == nil then
		KSR.dbg("moscdr: nothing to report for " .. ci .. "\n")
		return
	end
	send("{" .. table.concat(parts, ",") .. "}")
end

-- report_call behind pcall: a bug or a module error in the reporting
-- is logged and never stops the request from being routed.
local function report(how)
	local ok, err = pcall(report_call, how)
	if not ok then
		KSR.err("moscdr: report failed: " .. tostring(err) .. "\n")
	end
end

local function relay()
	if KSR.tm.t_relay() < 0 then
		KSR.sl.sl_reply_error()
	end
	KSR.x.exit()
end

local function route_in_dialog()
	if KSR.rr.loose_route() > 0 then
		if KSR.is_BYE() then
			report("bye")
		elseif KSR.is_INVITE() and KSR.textops.has_body_type("application/sdp") > 0 then
			-- re-INVITE from either side: new media, same labels
			KSR.rtpengine.rtpengine_offer(MEDIA_FLAGS)
			KSR.tm.t_on_reply("ksr_onreply_reinvite")
		end
		relay()
	end
	if KSR.is_ACK() then
		-- ACK to a negative reply of ours or of the UAS: tm absorbs or
		-- forwards it statefully.
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
	-- light sanity: request URI, Via, CSeq, Content-Length
	if KSR.sanity.sanity_check(1 + 2 + 4 + 8 + 32 + 64 + 128, 1) < 0 then
		KSR.x.exit()
	end

	if KSR.is_CANCEL() then
		-- failure_route of the INVITE reports the call when the 487
		-- comes back
		if KSR.tm.t_check_trans() > 0 then
			relay()
		end
		return 1
	end

	-- retransmissions are absorbed by tm
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

	-- initial requests
	KSR.hdr.remove("Route")
	if KSR.is_OPTIONS() and KSR.is_myself_ruri() then
		KSR.sl.sl_send_reply(200, "OK")
		return 1
	end
	if KSR.is_INVITE() then
		KSR.rr.record_route()
		local ci = pv_str("$ci")
		if ci ~= nil then
			KSR.htable.sht_sets(HTABLE, ci, now_str())
		end
		if KSR.textops.has_body_type("application/sdp") > 0 then
			if KSR.rtpengine.rtpengine_offer(OFFER_FLAGS) < 0 then
				KSR.sl.sl_send_reply(503, "Media relay unavailable")
				if ci ~= nil then
					KSR.htable.sht_rm(HTABLE, ci)
				end
				return 1
			end
		end
		KSR.tm.t_on_reply("ksr_onreply_manage")
		KSR.tm.t_on_failure("ksr_failure_manage")
	end
	if KSR.dispatcher.ds_select_dst(DS_SET, DS_ALG) < 0 then
		if KSR.is_INVITE() then
			KSR.rtpengine.rtpengine_delete0()
			KSR.htable.sht_rm(HTABLE, pv_str("$ci") or "")
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

-- Replies to the initial INVITE: the callee's SDP (18x or 2xx) goes
-- through rtpengine_answer with the callee's label.
function ksr_onreply_manage()
	return answer_sdp(ANSWER_FLAGS)
end

-- Replies to a re-INVITE.
function ksr_onreply_reinvite()
	return answer_sdp(MEDIA_FLAGS)
end

-- A final negative reply to the INVITE (also the 487 after a CANCEL, and
-- the local 408 on timeout). Tries the next dispatcher destination on a
-- server failure; otherwise the call is over and gets reported.
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
	report("failure")
	return 1
end

-- evapi client connections (moscdrd): logged so an operator can see
-- whether anyone receives the evapi messages.
function ksr_evapi_event(evname)
	local addr = (pv_str("$evapi(srcaddr)") or "?") .. ":" ..
	    (pv_str("$evapi(srcport)") or "?")
	if evname == "evapi:connection-new" then
		KSR.info("moscdr: evapi client connected from " .. addr .. "\n")
	elseif evname == "evapi:connection-closed" then
		KSR.info("moscdr: evapi client disconnected " .. addr .. "\n")
	end
	return 1
end
