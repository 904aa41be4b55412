/**
 * Small servers on 127.0.0.1 for the failures the simulator does not play: a certificate nobody signed, a
 * redirect to another port, an answer that is cut off. Each records what reached it, headers included, so a
 * test can say which credentials went where. Every server a test starts, it closes.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import path from 'node:path';

export interface SeenRequest {
	method: string;
	url: string;
	headers: http.IncomingHttpHeaders;
}

export interface LoopbackServer {
	url: string;
	requests: SeenRequest[];
	/** TCP connections accepted, also those that never got past the TLS handshake or sent a whole request. */
	connections: number;
	close(): Promise<void>;
}

export type Handler = (request: http.IncomingMessage, response: http.ServerResponse) => void;

const TLS_DIR = path.resolve(__dirname, '..', 'fixtures', 'tls');

/** Starts a server; `tls` serves HTTPS with the self-signed test certificate. */
export async function startLoopback(handler: Handler, options: { tls?: boolean } = {}): Promise<LoopbackServer> {
	const sockets = new Set<Socket>();
	const requests: SeenRequest[] = [];
	const listener = (request: http.IncomingMessage, response: http.ServerResponse) => {
		requests.push({ method: String(request.method), url: String(request.url), headers: request.headers });
		handler(request, response);
	};
	const server = options.tls
		? https.createServer(
				{
					key: readFileSync(path.join(TLS_DIR, 'self-signed.key')),
					cert: readFileSync(path.join(TLS_DIR, 'self-signed.crt')),
				},
				listener,
			)
		: http.createServer(listener);
	const state = { connections: 0 };
	server.on('connection', (socket: Socket) => {
		state.connections += 1;
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	// A refused handshake is the point of the TLS server, not a failure of the test.
	server.on('tlsClientError', () => {});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
		requests,
		get connections() {
			return state.connections;
		},
		async close() {
			for (const socket of sockets) socket.destroy();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}

type FromRequest<T> = T | ((request: http.IncomingMessage) => T);
const resolve = <T>(value: FromRequest<T>, request: http.IncomingMessage): T =>
	typeof value === 'function' ? (value as (request: http.IncomingMessage) => T)(request) : value;

/** Answers with the given status, headers and body (each may be made from the request). */
export const answer =
	(status: number, body: FromRequest<string> = '', headers: FromRequest<Record<string, string>> = {}): Handler =>
	(request, response) =>
		void response.writeHead(status, resolve(headers, request)).end(resolve(body, request));

/**
 * What a careless proxy might send back: the credentials of the request it was given, in the forms a debug
 * page shows them (the header, the decoded user and password, the password percent-encoded).
 */
export function echoOf(request: http.IncomingMessage): string {
	const header = String(request.headers.authorization ?? '');
	const [user, ...rest] = Buffer.from(header.replace(/^Basic /, ''), 'base64')
		.toString()
		.split(':');
	const password = rest.join(':');
	return `Authorization: ${header} user=${user} password=${password} encoded=${encodeURIComponent(password)}`;
}

/** Closes the connection once the request has arrived, before any answer. */
export const reset: Handler = (request) => request.socket.destroy();

/** Says a JSON body of 1000 bytes is coming, sends the start of it, then closes the connection. */
export const truncated =
	(start: FromRequest<string>): Handler =>
	(request, response) => {
		response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '1000' });
		response.write(resolve(start, request));
		setTimeout(() => response.socket?.destroy(), 20);
	};

/** Never answers (the client's timeout ends it; close() drops the socket). */
export const hang: Handler = () => {};
