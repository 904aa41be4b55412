'use strict';
// A local, stateful stand-in for Twilio's Conference / Participant REST API.
// Listens on 127.0.0.1 only; see README.md in this folder.

const http = require('http');
const { parseTwilioForm, twilioError, makeSid, rfc2822, safeDecode } = require('./util');
const { createStore } = require('./store');
const { route } = require('./routes');
const { createResponder } = require('./faults');
const { createDialQueue, createConcurrencyGate, checkLimit } = require('./limits');
const { createCallbacks } = require('./callbacks'); // status callbacks to loopback receivers
const { createRecordings } = require('./recordings');
const { createSeeding } = require('./seeding');

const MAX_BODY = 1024 * 1024;
const WWW_AUTHENTICATE = { 'WWW-Authenticate': 'Basic realm="Twilio API"' };

/** The account a request is counted against: the Account SID its path names ('' when none). */
function accountOf(pathSegments) {
	if (pathSegments[1] !== 'Accounts' || !pathSegments[2]) return '';
	return pathSegments[2].replace(/\.json$/, '');
}

/**
 * Start a simulator.
 * @param {object} [options]
 * @param {string} [options.accountSid]
 * @param {string} [options.authToken]
 * @param {{sid: string, secret: string, main?: boolean}[]} [options.apiKeys]  Standard keys unless main
 * @param {number} [options.port=0]               0 picks a free port
 * @param {number} [options.callsPerSecond=1]     calls dialled per second; 0 or Infinity = no queue
 * @param {number} [options.connectAfterMs=1500]  dialled -> connected (connecting, then ringing)
 * @param {number} [options.concurrencyLimit=Infinity] requests in flight per account before 429
 * @param {number|null} [options.retryAfterSeconds=1]  Retry-After on that 429; null leaves it out
 * @param {number} [options.latencyMs=0]          each answer is held this long
 * @param {(entry: object) => void} [options.onResponse] called once per request, when answered or dropped
 * @param {() => Date} [options.now]              clock override
 */
async function createSimulator(options = {}) {
	const accountSid = options.accountSid || makeSid('AC');
	const authToken = options.authToken || 'simulator-auth-token';
	const apiKeys = new Map((options.apiKeys || []).map((k) => [k.sid, { secret: k.secret, main: k.main === true }]));
	const clock = options.now || (() => new Date());
	const nowMs = () => +clock();
	const connectAfterMs = checkLimit('connectAfterMs', options.connectAfterMs ?? 1500);
	let latencyMs = checkLimit('latencyMs', options.latencyMs ?? 0);
	const startedAt = nowMs();

	const store = createStore({ accountSid, nowMs, connectMs: () => connectAfterMs });
	// One recording model: the callbacks start and report conference recordings, the REST resource reads and changes them.
	const recordings = createRecordings({
		store,
		accountSid,
		nowMs,
		stop: (recording) => callbacks.finishRecording(recording),
	});
	const callbacks = createCallbacks({
		store,
		accountSid,
		authToken,
		nowMs,
		retryDelayMs: options.callbackRetryMs,
		recordings,
	});
	const dialQueue = createDialQueue({ callsPerSecond: options.callsPerSecond ?? 1, nowMs });
	const gate = createConcurrencyGate({
		limit: options.concurrencyLimit ?? Infinity,
		retryAfterSeconds: options.retryAfterSeconds === undefined ? 1 : options.retryAfterSeconds,
	});
	const requests = [];
	const counters = { total: 0, byStatus: {}, faults: 0 };
	const sockets = new Set();
	const timers = new Set();
	const responder = createResponder({
		accountSid,
		timers,
		onAnswer(entry) {
			if (entry.status !== null) counters.byStatus[entry.status] = (counters.byStatus[entry.status] || 0) + 1;
			if (options.onResponse) options.onResponse(entry);
		},
	});
	const { send } = responder;

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

	/** Basic auth: account SID + auth token, or API key SID + secret. `standardKey`: a key that may not read /Accounts. */
	function authenticate(header) {
		const m = /^Basic\s+(.+)$/i.exec(header || '');
		if (!m) return { ok: false, user: null };
		const decoded = Buffer.from(m[1], 'base64').toString('utf8');
		const colon = decoded.indexOf(':');
		if (colon === -1) return { ok: false, user: decoded };
		const user = decoded.slice(0, colon);
		const pass = decoded.slice(colon + 1);
		if (user === accountSid && pass === authToken) return { ok: true, user, standardKey: false };
		const key = apiKeys.get(user);
		if (key && key.secret === pass) return { ok: true, user, standardKey: !key.main };
		return { ok: false, user };
	}

	/** Route a request and turn thrown errors into Twilio-shaped answers. */
	function answer(entry, auth, rawBody) {
		try {
			return route({
				method: entry.method,
				path: entry.path,
				query: entry.query,
				body: entry.body,
				rawBody,
				contentType: entry.contentType,
				standardKey: auth.standardKey,
				store,
				recordings,
				accountSid,
				accountJson,
				nowMs,
				scheduleDial: dialQueue.schedule,
			});
		} catch (err) {
			if (!err.status) return { status: 500, body: twilioError(500, 20500, `Simulator error: ${err.message}`) };
			return { status: err.status, body: twilioError(err.status, err.code, err.message), headers: err.headers };
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
			rawQuery,
			pathSegments: rawPath
				.split('/')
				.slice(1)
				.map((s) => safeDecode(s) ?? s),
			query: parseTwilioForm(rawQuery),
			body: isForm ? parseTwilioForm(rawBody) : {},
			rawBody,
			headers: req.headers,
			contentType,
			authUser: auth.user,
			status: null,
			fault: null,
			at: nowMs(),
			ms: null,
			concurrencyRejected: false,
		};
		requests.push(entry);
		counters.total += 1;
		responder.arrived(entry);

		const fault = responder.take(entry);
		if (fault) {
			counters.faults += 1;
			return responder.apply(fault, entry, req, res);
		}
		if (!auth.ok) return send(entry, res, 401, twilioError(401, 20003, 'Authenticate'), WWW_AUTHENTICATE);

		const ticket = gate.enter(accountOf(entry.pathSegments));
		if (!ticket.admitted) {
			entry.concurrencyRejected = true;
			const headers = { 'Twilio-Concurrent-Requests': String(ticket.current) };
			if (gate.retryAfterSeconds !== null) headers['Retry-After'] = String(gate.retryAfterSeconds);
			return send(entry, res, 429, twilioError(429, 20429, 'Too Many Requests'), headers);
		}
		const out = answer(entry, auth, rawBody);
		callbacks.afterRequest();
		const headers = { ...out.headers, 'Twilio-Concurrent-Requests': String(ticket.current) };
		const deliver = () => {
			ticket.release();
			send(entry, res, out.status, out.body, headers);
		};
		if (!latencyMs) return deliver();
		const timer = setTimeout(() => {
			timers.delete(timer);
			deliver();
		}, latencyMs);
		timers.add(timer);
		// A client that gives up while the answer is held frees its place at once.
		res.on('close', () => {
			if (entry.status !== null) return;
			clearTimeout(timer);
			timers.delete(timer);
			ticket.release();
			responder.finish(entry);
		});
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

	const seeding = createSeeding({ store, recordings, nowMs, connectAfterMs });

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
		...seeding,
		get state() {
			const participants = [];
			for (const map of store.participants.values()) {
				for (const p of map.values()) {
					participants.push({ ...store.participantJson(p), params: p.params, updates: p.updates || [] });
				}
			}
			const conferenceRecordings = [...store.conferences.keys()].flatMap((sid) =>
				recordings.list(sid).map((r) => ({ ...recordings.json(r), updates: r.updates || [] })),
			);
			return {
				account: accountJson(),
				conferences: [...store.conferences.values()].map((c) => ({
					...store.conferenceJson(c),
					updates: c.updates || [],
					announcements: c.announcements || [],
				})),
				participants,
				recordings: conferenceRecordings,
			};
		},
		inject: responder.inject,
		clearFaults: responder.clear,
		setCallsPerSecond: dialQueue.setCallsPerSecond,
		setConcurrencyLimit: gate.setLimit,
		setLatencyMs(n) {
			latencyMs = checkLimit('latencyMs', n);
		},
		stats() {
			return {
				total: counters.total,
				byStatus: { ...counters.byStatus },
				faults: counters.faults,
				...gate.stats(),
				callsPerSecond: dialQueue.callsPerSecond,
			};
		},
		/** Start the counters afresh (the request log is cleared separately). */
		resetStats() {
			counters.total = 0;
			counters.byStatus = {};
			counters.faults = 0;
			gate.resetStats();
		},
		close() {
			callbacks.close();
			for (const t of timers) clearTimeout(t);
			timers.clear();
			responder.clear();
			return new Promise((resolve) => {
				server.close(() => resolve());
				for (const s of sockets) s.destroy();
			});
		},
	};
}

module.exports = { createSimulator, parseTwilioForm, twilioError };
