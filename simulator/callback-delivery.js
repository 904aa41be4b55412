'use strict';
// Posting status callbacks the way Twilio does: form-encoded, signed with the account's Auth Token
// (X-Twilio-Signature), one I-Twilio-Idempotency-Token per callback kept across retries, one retry when the
// receiver fails. Callbacks of one stream (a conference, a call, a recording) are sent one after another, in
// SequenceNumber order. Only loopback receivers are contacted.

const crypto = require('crypto');
const http = require('http');

/** Twilio's signature: URL, then each parameter sorted by name (values of a repeated name sorted), name + value. */
function twilioSignature(authToken, url, params) {
	let data = url;
	for (const name of Object.keys(params).sort()) {
		for (const value of [].concat(params[name]).map(String).sort()) data += name + value;
	}
	return crypto.createHmac('sha1', authToken).update(Buffer.from(data, 'utf8')).digest('base64');
}

function formEncode(params) {
	const search = new URLSearchParams();
	for (const [name, value] of Object.entries(params))
		for (const one of [].concat(value)) search.append(name, String(one));
	return search.toString();
}

const LOOPBACK_HOSTS = new Set(['localhost', '[::1]', '::1']);

/** The receiver, or the reason it is refused: only http:// on a loopback address. */
function loopbackTarget(url) {
	const match = /^http:\/\/(\[[^\]]+\]|[^/:?#]+)(?::(\d+))?([^#]*)/i.exec(url);
	if (!match) return { refused: 'only http:// callback URLs on a loopback address are called' };
	const host = match[1].toLowerCase();
	if (!LOOPBACK_HOSTS.has(host) && !/^127(\.\d{1,3}){3}$/.test(host)) {
		return { refused: `callback host ${host} is not a loopback address; the simulator calls only 127.0.0.1` };
	}
	const path = match[3] || '/';
	return {
		hostname: host.replace(/^\[|\]$/g, ''),
		port: Number(match[2] || 80),
		path: path.startsWith('/') ? path : `/${path}`,
	};
}

function createDelivery({ authToken, retryDelayMs = 250, timeoutMs = 5000, maxAttempts = 2 }) {
	const deliveries = [];
	const streams = new Map(); // stream key -> promise of the last delivery
	const timers = new Map(); // retry timer -> its resolve, so close() never leaves a stream hanging
	let closed = false;

	function attempt(target, method, url, body, headers) {
		return new Promise((resolve) => {
			const request = http.request(
				{ hostname: target.hostname, port: target.port, path: target.path, method, headers, timeout: timeoutMs },
				(response) => {
					response.resume();
					response.on('end', () => resolve({ status: response.statusCode }));
				},
			);
			request.on('timeout', () => request.destroy(new Error('timed out')));
			request.on('error', (error) => resolve({ error: error.message }));
			request.end(body);
		});
	}

	function wait(ms) {
		return new Promise((resolve) => {
			const timer = setTimeout(() => {
				timers.delete(timer);
				resolve();
			}, ms);
			timers.set(timer, resolve);
		});
	}

	async function deliver(record) {
		const target = loopbackTarget(record.url);
		if (target.refused) {
			record.refused = target.refused;
			return;
		}
		const isGet = record.method === 'GET';
		const query = isGet ? formEncode(record.params) : '';
		const signedUrl = isGet ? `${record.url}${record.url.includes('?') ? '&' : '?'}${query}` : record.url;
		if (isGet) target.path = loopbackTarget(signedUrl).path;
		const body = isGet ? undefined : formEncode(record.params);
		const headers = {
			'User-Agent': 'TwilioProxy/1.1',
			'X-Twilio-Signature': twilioSignature(authToken, signedUrl, isGet ? {} : record.params),
			'I-Twilio-Idempotency-Token': record.idempotencyToken,
			...(isGet
				? {}
				: { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': Buffer.byteLength(body) }),
		};
		for (let n = 1; n <= maxAttempts && !closed; n++) {
			const result = await attempt(target, record.method, signedUrl, body, headers);
			record.attempts.push({ at: Date.now(), ...result });
			if (result.status >= 200 && result.status < 300) {
				record.delivered = true;
				return;
			}
			if (n < maxAttempts) await wait(retryDelayMs);
		}
	}

	/** Queues one callback on its stream; returns the record, which fills in as delivery proceeds. */
	function send(stream, { url, method = 'POST', params, event }) {
		const record = {
			stream,
			event,
			url,
			method: String(method || 'POST').toUpperCase(),
			params,
			idempotencyToken: crypto.randomUUID(),
			attempts: [],
			delivered: false,
			refused: null,
		};
		deliveries.push(record);
		const previous = streams.get(stream) || Promise.resolve();
		const next = previous.then(() => (closed ? undefined : deliver(record)));
		streams.set(stream, next);
		return record;
	}

	return {
		deliveries,
		send,
		/** Resolves when every callback queued so far has been delivered, refused or given up. */
		async settled() {
			let count;
			do {
				count = deliveries.length;
				await Promise.all([...streams.values()]);
			} while (count !== deliveries.length);
		},
		close() {
			closed = true;
			for (const [timer, resolve] of timers) {
				clearTimeout(timer);
				resolve();
			}
			timers.clear();
		},
	};
}

module.exports = { createDelivery, twilioSignature, formEncode, loopbackTarget };
