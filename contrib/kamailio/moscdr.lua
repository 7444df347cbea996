-- moscdr.lua: a Lua module for Kamailio's KEMI (app_lua, Lua 5.1) that
-- reports each ended call's quality (rtpengine's MOS values) to moscdrd as
-- one JSON message (wire format v1, docs/wire-format.md).
--
-- It is a library, not a routing script: it never routes, replies or
-- exits a route. An existing KEMI script loads it and calls it at a few
-- points:
--
--   local moscdr = require "moscdr"
--   -- initial INVITE (after rtpengine_offer with label=caller):
--   moscdr.on_invite()
--   -- a 2xx reply to the initial INVITE (onreply route):
--   moscdr.on_answer()
--   -- an in-dialog BYE, before relaying it:
--   moscdr.on_bye()
--   -- failure route of the initial INVITE (final negative reply, 487
--   -- after a CANCEL), once no other destination is tried:
--   moscdr.on_failure()
--   -- dialog module's event callback (modparam dialog event_callback):
--   moscdr.on_dialog_event(evname)
--   -- tm's event callback (modparam tm event_callback), for the BYEs
--   -- the dialog module sends on a timeout (its send_bye modparam):
--   moscdr.on_tm_event(evname)
--   -- evapi's event callback, optional (logs moscdrd connecting):
--   moscdr.on_evapi_event(evname)
--
-- When a call ends the module names the labels of sides A and B
-- ($avp(mos_A_label/mos_B_label)), asks rtpengine for the whole call
-- (rtpengine_query_v, JSON), deletes it in rtpengine (which fills the
-- mos_* AVPs), builds the message with lua-cjson, signs it when a key is
-- configured (MOSCDR_KEY_FILE) and sends it. A call that ends without a
-- BYE through the proxy (dialog timeout) is reported with ended_by
-- "timeout": by on_tm_event from the BYE the dialog module then sends
-- (modparam dialog send_bye 1; with rtpengine's query reply), else by
-- on_dialog_event (no reply); a call already reported is not reported
-- again. A failure to report never changes how the SIP request
-- is routed: every entry point runs behind pcall.
--
-- The routing logic of the example proxy (contrib/kamailio/kamailio.cfg)
-- is in kamailio.lua, built on this module.
--
-- Settings come from the cfg's defines ($def(...), e.g. #!trydef); the
-- defaults below apply when a define is missing. The module needs the
-- rtpengine, htable (table "moscdr"), and for the transports corex and/or
-- evapi modules; dialog is optional (it adds the no-BYE reporting).

local cjson = require "cjson"

local defaults = {
	MOSCDR_TRANSPORT = "udp",		-- udp | evapi | both | none
	MOSCDR_UDP_DST = "sip:127.0.0.1:9099",
	MOSCDR_NODE = "",
	MOSCDR_QUERY = "1",
	MOSCDR_LOG_MESSAGES = "0",
	MOSCDR_KEY_FILE = "",			-- "": messages are not signed
	MOSCDR_CALLER_LABEL = "caller",		-- the offer's label= flag
	MOSCDR_CALLEE_LABEL = "callee",		-- the answer's label= flag
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

local M = {}

-- rtpengine keeps a label per SIP tag, so only the initial offer and
-- answer name them; re-INVITEs use the bare flags. For the operator's
-- script: moscdr.OFFER_FLAGS, moscdr.ANSWER_FLAGS, moscdr.MEDIA_FLAGS.
M.MEDIA_FLAGS = "replace-origin replace-session-connection ICE=remove"
M.OFFER_FLAGS = M.MEDIA_FLAGS .. " label=caller"
M.ANSWER_FLAGS = M.MEDIA_FLAGS .. " label=callee"
local HTABLE = "moscdr"
-- htable keys of a call: start time, answer time, "reported" marker
local K_START, K_ANSWER, K_DONE = "s:", "a:", "r:"

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
		label_a = setting("MOSCDR_CALLER_LABEL"),
		label_b = setting("MOSCDR_CALLEE_LABEL"),
	}
	if not (settings.udp or settings.evapi or t == "none") then
		KSR.err("moscdr: unknown MOSCDR_TRANSPORT '" .. t ..
		    "', using udp\n")
		settings.udp = true
	end
	return settings
end

-- s as valid UTF-8: each byte that does not start a well-formed
-- sequence becomes U+FFFD. SIP headers may hold any bytes (a gateway's
-- Latin-1 reason phrase); JSON must be UTF-8, and lua-cjson passes bytes
-- through as they are. Pure ASCII, the common case, is returned at once.
local REPLACEMENT = "\239\191\189"
local function utf8_clean(s)
	if not string.find(s, "[\128-\255]") then
		return s
	end
	local out, i, n = {}, 1, #s
	while i <= n do
		local c = string.byte(s, i)
		local len, lo, hi = 0, 128, 191
		if c < 128 then len = 1
		elseif c >= 194 and c <= 223 then len = 2
		elseif c == 224 then len, lo = 3, 160
		elseif c == 237 then len, hi = 3, 159
		elseif c >= 225 and c <= 239 then len = 3
		elseif c == 240 then len, lo = 4, 144
		elseif c >= 241 and c <= 243 then len = 4
		elseif c == 244 then len, hi = 4, 143
		end
		local ok = len > 0 and i + len - 1 <= n
		if ok and len > 1 then
			for k = 1, len - 1 do
				local b = string.byte(s, i + k)
				if b < lo or b > hi then
					ok = false
					break
				end
				lo, hi = 128, 191
			end
		end
		if ok then
			table.insert(out, string.sub(s, i, i + len - 1))
			i = i + len
		else
			table.insert(out, REPLACEMENT)
			i = i + 1
		end
	end
	return table.concat(out)
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

-- htable helpers: nil when missing or empty.
local function ht_get(key)
	local v = KSR.htable.sht_get(HTABLE, key)
	if v == nil or v == "" or v == 0 then
		return nil
	end
	return tostring(v)
end

-- Ends the call in rtpengine and reports it.
--   how: "bye", "failure" (failure route: $T_rpl is the reply),
--   "dialog" (dialog module event: no SIP message of the call, the
--   dialog's own values; cause names why it ended, e.g. "timeout"), or
--   "localbye" (a BYE the dialog module sends on its timeout, in tm's
--   local-request event: the dialog's values, and a real message of the
--   call for rtpengine_query_v).
local function report_call(how, cause)
	local s = load_settings()
	local ci, from_tag, to_tag, from_uri, to_uri
	local upstream = false
	local by_dialog = (how == "dialog" or how == "localbye")
	if by_dialog then
		ci = pv_str("$dlg(callid)")
		from_tag, to_tag = pv_str("$dlg(from_tag)"), pv_str("$dlg(to_tag)")
		from_uri, to_uri = pv_str("$dlg(from_uri)"), pv_str("$dlg(to_uri)")
	else
		ci = pv_str("$ci")
		from_tag, to_tag = pv_str("$ft"), pv_str("$tt")
		from_uri, to_uri = pv_str("$fu"), pv_str("$tu")
		-- From/To as the caller sent them: a BYE from the callee
		-- (upstream) has them swapped.
		upstream = (how == "bye" and KSR.rr.is_direction("upstream") > 0)
		if upstream then
			from_tag, to_tag = to_tag, from_tag
			from_uri, to_uri = to_uri, from_uri
		end
		if how == "failure" then
			to_tag = pv_str("$T_rpl($tt)")
		end
	end
	if ci == nil then
		return
	end
	-- Reported already (a BYE, then the dialog's end): nothing to add.
	if ht_get(K_DONE .. ci) ~= nil then
		KSR.dbg("moscdr: " .. ci .. " reported already\n")
		return
	end

	-- Labels first: rtpengine_delete reads them to pick sides A and B.
	KSR.pv.sets("$avp(mos_A_label)", s.label_a)
	KSR.pv.sets("$avp(mos_B_label)", s.label_b)
	-- Without a SIP message of the call (dialog timeout) rtpengine is
	-- told which call by flags.
	local flags = ""
	if by_dialog then
		flags = "call-id=" .. ci .. (from_tag and (" from-tag=" ..
		    from_tag) or "")
	end
	-- rtpengine_query_v takes no flags (5.6): it names the call by the
	-- message's Call-ID, so the dialog's end event (a faked message,
	-- Call-ID "123") gets no reply; the local BYE has the call's own
	local q = nil
	if s.query and how ~= "dialog" then
		q = rtpengine_query_json()
	end
	local ok, rc = pcall(KSR.rtpengine.rtpengine_delete, flags)
	if not ok or rc == nil or rc < 0 then
		KSR.dbg("moscdr: rtpengine_delete gave no reply\n")
	end

	local start = ht_get(K_START .. ci)
	local answer = ht_get(K_ANSWER .. ci)
	KSR.htable.sht_rm(HTABLE, K_START .. ci)
	KSR.htable.sht_rm(HTABLE, K_ANSWER .. ci)
	if start == nil and q ~= nil then
		local sec = string.match(q, '"created"%s*:%s*(%d+)')
		local usec = string.match(q, '"created_us"%s*:%s*(%d+)')
		if sec ~= nil then
			start = sec .. (usec and string.format(".%06d",
			    tonumber(usec)) or "")
		end
	end

	local msg = { v = 1, call_id = ci }
	local function add(k, v)
		if v ~= nil then
			msg[k] = utf8_clean(tostring(v))
		end
	end
	local function addnum(k, v)
		if v ~= nil and string.match(tostring(v), "^[0-9]+%.?[0-9]*$") then
			msg[k] = tostring(v)
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
	elseif by_dialog then
		addnum("sip_code", "200")
		add("ended_by", cause)
	else
		addnum("sip_code", "200")
		add("ended_by", upstream and s.label_b or s.label_a)
	end
	addnum("start_time", start)
	addnum("answer_time", answer)
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
		-- as JSON text: moscdrd parses it, and no number of it goes
		-- through Lua's doubles
		add("rtpengine", q)
	end

	-- Nothing known about the call: a BYE retransmitted after the first
	-- one ended it. The first message already carried everything.
	if q == nil and nmos == 0 and start == nil then
		KSR.dbg("moscdr: nothing to report for " .. ci .. "\n")
		return
	end
	-- call_id: invalid UTF-8 would make moscdrd refuse the call (a
	-- repaired Call-ID could be another call's); sent as it is, escaped.
	msg.call_id = ci
	local okj, text = pcall(cjson.encode, msg)
	if not okj then
		-- only a Call-ID that is not UTF-8 gets here
		msg.call_id = utf8_clean(ci)
		text = cjson.encode(msg)
	end
	-- The dialog module ends the dialog after the BYE: remember that
	-- this call was reported (until the htable entry expires).
	KSR.htable.sht_sets(HTABLE, K_DONE .. ci, "1")
	send(text)
end

-- Runs f behind pcall: a bug or a module error in the reporting is
-- logged and never stops the request from being routed.
local function guarded(f, ...)
	local ok, err = pcall(f, ...)
	if not ok then
		KSR.err("moscdr: report failed: " .. tostring(err) .. "\n")
	end
	return 1
end

-- The initial INVITE: remembers when the call started.
function M.on_invite()
	return guarded(function()
		local ci = pv_str("$ci")
		if ci ~= nil then
			KSR.htable.sht_sets(HTABLE, K_START .. ci, now_str())
			KSR.htable.sht_rm(HTABLE, K_DONE .. ci)
		end
	end)
end

-- A reply to the initial INVITE: a 2xx is the answer (the first one
-- counts; retransmissions and forked 2xx do not move it).
function M.on_answer()
	return guarded(function()
		local code = KSR.pv.get("$rs")
		local ci = pv_str("$ci")
		if ci ~= nil and code ~= nil and code >= 200 and code < 300 and
		    ht_get(K_ANSWER .. ci) == nil then
			KSR.htable.sht_sets(HTABLE, K_ANSWER .. ci, now_str())
		end
	end)
end

-- An in-dialog BYE (from either side).
function M.on_bye()
	return guarded(report_call, "bye")
end

-- The failure route of the initial INVITE, when the call is over.
function M.on_failure()
	return guarded(report_call, "failure")
end

-- Why the dialog ended without a BYE: "timeout" when its lifetime ran
-- out, else "dialog" (ended by other means, e.g. the dlg.end_dlg RPC).
local function dialog_cause()
	local st = tonumber(KSR.pv.get("$dlg(start_ts)") or "")
	local lt = tonumber(KSR.pv.get("$dlg(lifetime)") or "")
	if st ~= nil and lt ~= nil and st > 0 and os.time() + 1 >= st + lt then
		return "timeout"
	end
	return "dialog"
end

-- The dialog module's event callback. "dialog:end" runs inside
-- loose_route() of the BYE that ends the call: then the call is
-- reported from the BYE (on_bye later finds it done). Without a BYE (the
-- dialog's timeout) the message is a fake one: the call is reported
-- from the dialog's values, with ended_by "timeout".
function M.on_dialog_event(evname)
	if evname ~= "dialog:end" then
		return 1
	end
	if KSR.is_BYE() then
		return guarded(report_call, "bye")
	end
	return guarded(function()
		report_call("dialog", dialog_cause())
	end)
end

-- tm's event callback (modparam tm event_callback). "tm:local-request"
-- runs for each request Kamailio sends itself; the BYEs the dialog
-- module sends on a timeout (modparam dialog send_bye 1, or
-- $dlg_ctx(timeout_bye) = 1 before dlg_manage) carry the call's Call-ID,
-- so the first one reports the call with rtpengine's query reply, and
-- the second finds it reported. The dialog's context is set there, so
-- $dlg(...) names the call.
function M.on_tm_event(evname)
	if evname ~= "tm:local-request" or not KSR.is_BYE() then
		return 1
	end
	return guarded(function()
		if pv_str("$dlg(callid)") == nil then
			return
		end
		report_call("localbye", dialog_cause())
	end)
end

-- evapi client connections (moscdrd): logged so an operator can see
-- whether anyone receives the evapi messages.
function M.on_evapi_event(evname)
	local addr = (pv_str("$evapi(srcaddr)") or "?") .. ":" ..
	    (pv_str("$evapi(srcport)") or "?")
	if evname == "evapi:connection-new" then
		KSR.info("moscdr: evapi client connected from " .. addr .. "\n")
	elseif evname == "evapi:connection-closed" then
		KSR.info("moscdr: evapi client disconnected " .. addr .. "\n")
	end
	return 1
end

-- require "moscdr" finds this module also when app_lua loaded the file
-- itself (modparam app_lua load) before the script that requires it.
package.loaded["moscdr"] = M
return M
