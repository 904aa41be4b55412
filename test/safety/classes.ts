/**
 * The failure classes every request of the node can meet, each played by a server on 127.0.0.1 (or, for DNS, by a
 * name under the reserved .invalid domain), with the secrets of a credential whose values need escaping in every
 * encoding: a leak in any form is then told apart from the raw value.
 */
import dns from 'node:dns';
import type { IncomingMessage } from 'node:http';

import { encodingsOf } from '../helpers/leaks';
import { answer, echoOf, hang, reset, startLoopback, truncated } from '../helpers/loopback';
import type { LoopbackServer } from '../helpers/loopback';
import { ACCOUNT_SID } from '../helpers/twilio';

export const AUTH_TOKEN = 'tok/3f+9a=s3cr3t&do not "leak"%7c';
export const API_KEY_SID = 'SK0123456789abcdef0123456789abcdef';
export const API_KEY_SECRET = 'key:9d1e/never+shown?#x';

export const SECRETS = [
	...encodingsOf('Auth Token', ACCOUNT_SID, AUTH_TOKEN),
	...encodingsOf('API Key Secret', API_KEY_SID, API_KEY_SECRET),
];

export const authTokenCredentials = (baseUrl: string) => ({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, baseUrl });
export const apiKeyCredentials = (baseUrl: string) => ({
	authType: 'apiKey',
	accountSid: ACCOUNT_SID,
	apiKeySid: API_KEY_SID,
	apiKeySecret: API_KEY_SECRET,
	baseUrl,
});

const jsonEcho = (request: IncomingMessage) => `{"echo":${JSON.stringify(echoOf(request))}`;
const htmlEcho = (request: IncomingMessage) => `<html><pre>${echoOf(request)}</pre></html>`;

export interface FailureClass {
	name: string;
	/** The message the failure must carry (the item's error, or the run's). */
	message: RegExp;
	/** The request timeout to set (only for the hang). */
	timeout?: number;
	start(): Promise<{ baseUrl: string; servers: LoopbackServer[] }>;
}

/** A host under .invalid (RFC 6761) never exists. */
export const UNRESOLVABLE = 'http://api.twilio-conference.invalid';

/**
 * Answers look-ups of .invalid names the way the system resolver does (ENOTFOUND) without asking it: a test sends
 * nothing beyond 127.0.0.1, DNS queries included.
 */
export function answerInvalidNamesLocally(): void {
	const original = dns.lookup;
	beforeAll(() => {
		(dns as { lookup: unknown }).lookup = function lookup(hostname: string, ...rest: unknown[]) {
			const callback = rest[rest.length - 1] as (error: NodeJS.ErrnoException) => void;
			if (typeof hostname !== 'string' || !hostname.endsWith('.invalid'))
				return (original as (...args: unknown[]) => unknown).call(dns, hostname, ...rest);
			const error: NodeJS.ErrnoException & { hostname?: string } = new Error(`getaddrinfo ENOTFOUND ${hostname}`);
			Object.assign(error, { errno: -3008, code: 'ENOTFOUND', syscall: 'getaddrinfo', hostname });
			process.nextTick(() => callback(error));
			return undefined;
		};
	});
	afterAll(() => {
		(dns as { lookup: unknown }).lookup = original;
	});
}

const one = async (server: Promise<LoopbackServer>) => {
	const started = await server;
	return { baseUrl: started.url, servers: [started] };
};

export const FAILURE_CLASSES: FailureClass[] = [
	{
		name: 'a TLS certificate nobody signed',
		message: /^Could not reach Twilio: the server's TLS certificate was not accepted \(DEPTH_ZERO_SELF_SIGNED_CERT\)$/,
		start: async () => await one(startLoopback(answer(200, '{}'), { tls: true })),
	},
	{
		name: 'a host name that does not resolve',
		message: /^Could not reach Twilio: the host name could not be resolved \(ENOTFOUND\)$/,
		start: async () => ({ baseUrl: UNRESOLVABLE, servers: [] }),
	},
	{
		name: 'a connection reset before the answer',
		message: /^Could not reach Twilio: the connection was reset before an answer came \(ECONNRESET\)$/,
		start: async () => await one(startLoopback(reset)),
	},
	{
		name: 'no answer within the timeout',
		message: /^Could not reach Twilio: no answer came within the timeout \((ECONNABORTED|ETIMEDOUT)\)$/,
		timeout: 300,
		start: async () => await one(startLoopback(hang)),
	},
	{
		name: 'a redirect to another port',
		message:
			/^Twilio answered with a redirect \(307\) to http:\/\/127\.0\.0\.1:\d+\/steal, which the node does not follow$/,
		start: async () => {
			const elsewhere = await startLoopback(
				answer(200, '{"participants":[],"conferences":[]}', { 'Content-Type': 'application/json' }),
			);
			const api = await startLoopback(
				answer(307, htmlEcho, (request) => ({
					Location: `${elsewhere.url}/steal?token=${encodeURIComponent(echoOf(request))}`,
				})),
			);
			return { baseUrl: api.url, servers: [api, elsewhere] };
		},
	},
	{
		name: 'an HTML page instead of JSON',
		message: /^Twilio answered with a body that is not JSON \(status 200\)$/,
		start: async () => await one(startLoopback(answer(200, htmlEcho, { 'Content-Type': 'text/html' }))),
	},
	{
		name: 'an HTML error page from a proxy',
		message: /^Twilio had a problem on its side \(502\)$/,
		start: async () => await one(startLoopback(answer(502, htmlEcho, { 'Content-Type': 'text/html' }))),
	},
	{
		name: 'JSON cut off mid-answer',
		message: /^Twilio's answer was cut off before it was complete \(ERR_BAD_RESPONSE\)$/,
		start: async () => await one(startLoopback(truncated(jsonEcho))),
	},
	{
		name: 'malformed JSON',
		message: /^Twilio answered with a body that is not JSON \(status 200\)$/,
		start: async () => await one(startLoopback(answer(200, jsonEcho, { 'Content-Type': 'application/json' }))),
	},
	{
		name: 'an empty body',
		message: /^Twilio answered with an empty body \(status 200\)$/,
		start: async () => await one(startLoopback(answer(200, '', { 'Content-Type': 'application/json' }))),
	},
];
