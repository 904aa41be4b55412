'use strict';
// Writing answers, and the faults a test can queue in place of an answer:
// error statuses, dropped or silent connections and broken bodies.

const { twilioError, makeSid } = require('./util');

const JSON_TYPE = 'application/json; charset=utf-8';
const FAULT_KINDS = ['status', 'reset', 'hang', 'malformed-json', 'html', 'empty'];

/**
 * @param {object} o
 * @param {string} o.accountSid           used in the truncated-JSON body
 * @param {Set} o.timers                  pending timers, cleared by close()
 * @param {(entry) => void} o.onAnswer     called once per request when it is answered or dropped
 */
function createResponder({ accountSid, timers, onAnswer }) {
	let faults = [];
	const startedAt = new WeakMap(); // entry -> real arrival time; answered entries are removed

	/** Note when a request arrived, for its `ms`. */
	function arrived(entry) {
		startedAt.set(entry, Date.now());
	}

	function finish(entry) {
		if (!startedAt.has(entry)) return;
		entry.ms = Date.now() - startedAt.get(entry);
		startedAt.delete(entry);
		onAnswer(entry);
	}

	function send(entry, res, status, body, headers = {}) {
		entry.status = status;
		const text = body === null || body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
		const h = { 'Twilio-Request-Id': makeSid('RQ'), ...headers };
		if (status !== 204 && !Object.keys(h).some((k) => k.toLowerCase() === 'content-type')) {
			h['Content-Type'] = JSON_TYPE;
		}
		h['Content-Length'] = Buffer.byteLength(text);
		finish(entry);
		if (res.destroyed || res.writableEnded) return;
		res.writeHead(status, h);
		res.end(status === 204 ? undefined : text);
	}

	function inject(fault) {
		if (!fault || !FAULT_KINDS.includes(fault.kind)) {
			throw new Error(`inject: kind must be one of ${FAULT_KINDS.join(', ')}`);
		}
		const f = { ...fault, remaining: fault.times ?? 1 };
		faults.push(f);
		return f;
	}

	/** The first queued fault matching this request, used up by one. */
	function take(entry) {
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

	function apply(f, entry, req, res) {
		entry.fault = f.kind;
		switch (f.kind) {
			case 'reset':
				req.socket.destroy();
				finish(entry);
				return;
			case 'hang': {
				const timer = setTimeout(() => {
					timers.delete(timer);
					req.socket.destroy();
					finish(entry);
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

	return {
		arrived,
		send,
		finish,
		inject,
		take,
		apply,
		clear() {
			faults = [];
		},
	};
}

module.exports = { createResponder, FAULT_KINDS };
