'use strict';
// A local, stateful stand-in for Twilio's Conference / Participant REST API.
// Listens on 127.0.0.1 only; see README.md in this folder.

const http = require('http');
const { parseTwilioForm, twilioError, makeSid, rfc2822, safeDecode } = require('./util');
const { createStore } = require('./store');
const { route } = require('./routes');
const { createCallbacks } = require('./callbacks'); // status callbacks to loopback receivers

const JSON_TYPE = 'application/json; charset=utf-8';
const MAX_BODY = 1024 * 1024;
const FAULT_KINDS = ['status', 'reset', 'hang', 'malformed-json', 'html', 'empty'];

/**
 * Start a simulator.
 * @param {object} [options]
 * @param {string} [options.accountSid]
 * @param {string} [options.authToken]
 * @param {{sid: string, secret: string}[]} [options.apiKeys]
 * @param {number} [options.port=0]            0 picks a free port
 * @param {number} [options.callsPerSecond=1]  participant creates per second; 0 or Infinity = no limit
 * @param {number} [options.connectAfterMs=1500] queued -> connected delay
 * @param {() => Date} [options.now]           clock override
 */
async function createSimulator(options = {}) {
	const accountSid = options.accountSid || makeSid('AC');
	const authToken = options.authToken || 'simulator-auth-token';
	const apiKeys = new Map((options.apiKeys || []).map((k) => [k.sid, k.secret]));
	const clock = options.now || (() => new Date());
	const nowMs = () => +clock();
	let callsPerSecond = options.callsPerSecond ?? 1;
	const connectAfterMs = options.connectAfterMs ?? 1500;
	const startedAt = nowMs();

	const store = createStore({ accountSid, nowMs, connectMs: () => connectAfterMs });
	const callbacks = createCallbacks({ store, accountSid, authToken, nowMs, retryDelayMs: options.callbackRetryMs });
	const requests = [];
	let faults = [];
	const counters = { total: 0, byStatus: {}, faults: 0 };
	const createTimes = []; // admitted participant creates, for the rate limit
	const sockets = new Set();
	const timers = new Set();

	function takeCreateSlot() {
		if (!callsPerSecond || callsPerSecond === Infinity) return true;
		const t = nowMs();
		while (createTimes.length && t - createTimes[0] >= 1000) createTimes.shift();
		if (createTimes.length >= callsPerSecond) return false;
		createTimes.push(t);
		return true;
	}

	function accountJson() {
		const uri = `/2010-04-01/Accounts/${accountSid}`;
		return {
			auth_token: authToken,
			date_created: rfc2822(startedAt),
			date_updated: rfc2822(startedAt),
			friendly_name: 'Twilio Conference Simulator',
			owner_account_sid: accountSid,
			sid: accountSid,
			status: 'active',
			subresource_uris: { conferences: `${uri}/Conferences.json`, calls: `${uri}/Calls.json` },
			type: 'Full',
			uri: `${uri}.json`,
		};
	}

	/** Basic auth: account SID + auth token, or API key SID + secret. */
	function authenticate(header) {
		const m = /^Basic\s+(.+)$/i.exec(header || '');
		if (!m) return { ok: false, user: null };
		const decoded = Buffer.from(m[1], 'base64').toString('utf8');
		const colon = decoded.indexOf(':');
		if (colon === -1) return { ok: false, user: decoded };
		const user = decoded.slice(0, colon);
		const pass = decoded.slice(colon + 1);
		const ok = (user === accountSid && pass === authToken) || (apiKeys.has(user) && apiKeys.get(user) === pass);
		return { ok, user };
	}

	function takeFault(entry) {
		const i = faults.findIndex(
			(f) =>
				(!f.method || f.method.toUpperCase() === entry.method) &&
				(!f.path || (f.path instanceof RegExp ? f.path.test(entry.path) : entry.path.includes(f.path))),
		);
		if (i === -1) return null;
		const f = faults[i];
		f.remaining -= 1;
		if (f.remaining <= 0) faults.splice(i, 1);
		return f;
	}

	function send(entry, res, status, body, headers = {}) {
		entry.status = status;
		counters.byStatus[status] = (counters.byStatus[status] || 0) + 1;
		const text = body === null || body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
		const h = { 'Twilio-Request-Id': makeSid('RQ'), ...headers };
		if (status !== 204 && !Object.keys(h).some((k) => k.toLowerCase() === 'content-type')) {
			h['Content-Type'] = JSON_TYPE;
		}
		h['Content-Length'] = Buffer.byteLength(text);
		res.writeHead(status, h);
		res.end(status === 204 ? undefined : text);
	}

	function applyFault(f, entry, req, res) {
		entry.fault = f.kind;
		counters.faults += 1;
		switch (f.kind) {
			case 'reset':
				req.socket.destroy();
				return;
			case 'hang': {
				const timer = setTimeout(() => {
					timers.delete(timer);
					req.socket.destroy();
				}, f.ms ?? 30000);
				timer.unref();
				timers.add(timer);
				return;
			}
			case 'malformed-json':
				send(entry, res, f.status || 200, `{"account_sid":"${accountSid}","call_sid":"CA`);
				return;
			case 'html':
				send(
					entry,
					res,
					f.status || 502,
					'<!DOCTYPE html><html><head><title>Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>',
					{ 'Content-Type': 'text/html; charset=utf-8' },
				);
				return;
			case 'empty':
				send(entry, res, f.status || 200, '');
				return;
			default: {
				const status = f.status || 500;
				send(entry, res, status, f.body !== undefined ? f.body : twilioError(status), f.headers);
			}
		}
	}

	function handle(req, res, rawBody) {
		const [rawPath, rawQuery = ''] = req.url.split(/\?(.*)/s);
		const contentType = req.headers['content-type'] || null;
		const isForm = /^application\/x-www-form-urlencoded\b/i.test(contentType || '');
		const auth = authenticate(req.headers.authorization);
		const entry = {
			method: req.method,
			path: rawPath,
			pathSegments: rawPath.split('/').slice(1).map((s) => safeDecode(s) ?? s),
			query: parseTwilioForm(rawQuery),
			body: isForm ? parseTwilioForm(rawBody) : {},
			rawBody,
			headers: req.headers,
			contentType,
			authUser: auth.user,
			status: null,
			fault: null,
			at: nowMs(),
		};
		requests.push(entry);
		counters.total += 1;

		const fault = takeFault(entry);
		if (fault) return applyFault(fault, entry, req, res);

		if (!auth.ok) {
			return send(entry, res, 401, twilioError(401, 20003, 'Authenticate'), {
				'WWW-Authenticate': 'Basic realm="Twilio API"',
			});
		}
		try {
			const out = route({
				method: req.method,
				path: rawPath,
				query: entry.query,
				body: entry.body,
				rawBody,
				contentType,
				store,
				accountSid,
				accountJson,
				nowMs,
				takeCreateSlot,
			});
			send(entry, res, out.status, out.body, out.headers);
			callbacks.afterRequest();
		} catch (err) {
			if (!err.status) {
				send(entry, res, 500, twilioError(500, 20500, `Simulator error: ${err.message}`));
				return;
			}
			send(entry, res, err.status, twilioError(err.status, err.code, err.message), err.headers);
		}
	}

	const server = http.createServer((req, res) => {
		const chunks = [];
		let size = 0;
		req.on('data', (c) => {
			size += c.length;
			if (size <= MAX_BODY) chunks.push(c);
		});
		req.on('end', () => handle(req, res, Buffer.concat(chunks).toString('utf8')));
	});
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port || 0, '127.0.0.1', () => {
			server.off('error', reject);
			resolve();
		});
	});
	const port = server.address().port;

	const conferenceOrThrow = (sid) => {
		const conf = store.conferences.get(sid);
		if (!conf) throw new Error(`no conference ${sid}`);
		return conf;
	};

	return {
		url: `http://127.0.0.1:${port}`,
		port,
		accountSid,
		authToken,
		requests,
		callbacks,
		clearRequests() {
			requests.length = 0;
		},
		seedConference({ friendlyName, status = 'in-progress', region } = {}) {
			return store.conferenceJson(store.createConference({ friendlyName, status, region }));
		},
		/** Add participants without validation or rate limit; overrides may be a function of the index. */
		seedParticipants(conferenceSid, count, overrides = {}) {
			const conf = conferenceOrThrow(conferenceSid);
			const out = [];
			for (let i = 0; i < count; i++) {
				const o = typeof overrides === 'function' ? overrides(i) : overrides;
				if (o.label && store.labelTaken(conf.sid, o.label)) throw new Error(`label ${o.label} is taken`);
				const createdAt = o.createdAt ?? nowMs() - connectAfterMs;
				const params = o.params ?? { To: o.to, From: o.from };
				out.push(store.participantJson(store.addParticipant(conf, { ...o, params, createdAt })));
			}
			return out;
		},
		get state() {
			const participants = [];
			for (const map of store.participants.values()) {
				for (const p of map.values()) {
					participants.push({ ...store.participantJson(p), params: p.params, updates: p.updates || [] });
				}
			}
			return {
				account: accountJson(),
				conferences: [...store.conferences.values()].map(store.conferenceJson),
				participants,
			};
		},
		inject(fault) {
			if (!fault || !FAULT_KINDS.includes(fault.kind)) {
				throw new Error(`inject: kind must be one of ${FAULT_KINDS.join(', ')}`);
			}
			const f = { ...fault, remaining: fault.times ?? 1 };
			faults.push(f);
			return f;
		},
		clearFaults() {
			faults = [];
		},
		setCallsPerSecond(n) {
			callsPerSecond = n;
		},
		stats() {
			return { total: counters.total, byStatus: { ...counters.byStatus }, faults: counters.faults };
		},
		close() {
			callbacks.close();
			for (const t of timers) clearTimeout(t);
			timers.clear();
			faults = [];
			return new Promise((resolve) => {
				server.close(() => resolve());
				for (const s of sockets) s.destroy();
			});
		},
	};
}

module.exports = { createSimulator, parseTwilioForm, twilioError };
