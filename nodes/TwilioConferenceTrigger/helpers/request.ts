/**
 * What the trigger needs from n8n's request object: the URL Twilio requested and the POST parameters exactly as
 * Twilio sent them. n8n keeps the body it read in `rawBody` (a Buffer); the parsed `body` loses nothing for form
 * bodies today, but the signature is over what was sent, so the raw bytes are parsed here.
 */
export type RequestHeaders = Record<string, string | string[] | undefined>;

export interface WebhookRequestLike {
	method?: string;
	headers: RequestHeaders;
	originalUrl?: string;
	url?: string;
	protocol?: string;
	rawBody?: Buffer | string;
	body?: unknown;
	socket?: { encrypted?: boolean };
}

export interface ReceivedBody {
	params: Array<[string, string]>;
	rawBody: string;
	formBody: boolean;
}

function decodeFormComponent(text: string): string | undefined {
	try {
		return decodeURIComponent(text.replace(/\+/g, ' '));
	} catch {
		return undefined;
	}
}

/** application/x-www-form-urlencoded, keeping order and repeated names; undefined when not valid encoding. */
export function parseForm(text: string): Array<[string, string]> | undefined {
	const pairs: Array<[string, string]> = [];
	for (const part of text.split('&')) {
		if (part === '') continue;
		const eq = part.indexOf('=');
		const name = decodeFormComponent(eq === -1 ? part : part.slice(0, eq));
		const value = decodeFormComponent(eq === -1 ? '' : part.slice(eq + 1));
		if (name === undefined || value === undefined) return undefined;
		pairs.push([name, value]);
	}
	return pairs;
}

export function headerValue(headers: RequestHeaders, name: string): string | undefined {
	const value = headers[name.toLowerCase()];
	if (Array.isArray(value)) return value[0];
	return value;
}

function mimeType(headers: RequestHeaders): string {
	return (headerValue(headers, 'content-type') ?? '').split(';')[0].trim().toLowerCase();
}

/** Flattens an already parsed body (arrays for repeated names) when the raw bytes are not available. */
function pairsFromParsed(body: unknown): Array<[string, string]> {
	if (!body || typeof body !== 'object') return [];
	const pairs: Array<[string, string]> = [];
	for (const [name, value] of Object.entries(body as Record<string, unknown>)) {
		for (const one of Array.isArray(value) ? value : [value]) pairs.push([name, String(one ?? '')]);
	}
	return pairs;
}

/** The body as Twilio sent it; undefined when a form body is not valid percent-encoding. */
export function receivedBody(req: WebhookRequestLike): ReceivedBody | undefined {
	const formBody = mimeType(req.headers) === 'application/x-www-form-urlencoded';
	let rawBody: string | undefined;
	if (Buffer.isBuffer(req.rawBody)) rawBody = req.rawBody.toString('utf8');
	else if (typeof req.rawBody === 'string') rawBody = req.rawBody;
	if (rawBody === undefined) {
		// Without the raw bytes a JSON body cannot be hashed, so such a request fails the check.
		const params = formBody ? pairsFromParsed(req.body) : [];
		return { params, rawBody: formBody ? '' : typeof req.body === 'string' ? req.body : '\u0000unavailable', formBody };
	}
	const params = formBody ? parseForm(rawBody) : [];
	return params ? { params, rawBody, formBody } : undefined;
}

/** The path and query as requested, e.g. /webhook/ab12/webhook?room=a%27b */
export function requestTarget(req: WebhookRequestLike): string {
	return req.originalUrl ?? req.url ?? '/';
}

function queryOf(target: string): string {
	const at = target.indexOf('?');
	return at === -1 ? '' : target.slice(at);
}

function firstListValue(value: string | undefined): string | undefined {
	const first = value?.split(',')[0].trim();
	return first ? first : undefined;
}

/**
 * The URLs Twilio may have requested. With a Public URL set, only that URL (plus the query as received when the
 * Public URL has none). Otherwise the URL as received (Host header), as a proxy reports it (X-Forwarded-Proto and
 * X-Forwarded-Host), and on n8n's configured webhook host. Accepting several is safe: each still needs a valid
 * HMAC made with the secret, over this webhook's own path.
 */
export function receivedUrls(
	req: WebhookRequestLike,
	options: { publicUrl?: string; configuredUrl?: string },
): string[] {
	const target = requestTarget(req);
	const publicUrl = options.publicUrl?.trim();
	if (publicUrl) return [publicUrl.includes('?') ? publicUrl : publicUrl + queryOf(target)];

	const urls: string[] = [];
	const protocol = req.protocol ?? (req.socket?.encrypted ? 'https' : 'http');
	const host = headerValue(req.headers, 'host');
	if (host) urls.push(`${protocol}://${host}${target}`);
	const forwardedProto = firstListValue(headerValue(req.headers, 'x-forwarded-proto'));
	const forwardedHost = firstListValue(headerValue(req.headers, 'x-forwarded-host'));
	if ((forwardedProto || forwardedHost) && (forwardedHost || host)) {
		urls.push(`${forwardedProto ?? protocol}://${forwardedHost ?? host}${target}`);
	}
	if (options.configuredUrl) {
		try {
			urls.push(new URL(options.configuredUrl).origin + target);
		} catch {
			// n8n's own URL is always absolute; nothing to add if it is not.
		}
	}
	return [...new Set(urls)];
}
