/**
 * Twilio's request signature (X-Twilio-Signature), checked the way Twilio computes it: an HMAC over the URL Twilio
 * requested followed by every POST parameter, sorted by name, name then value; base64. Written for this package
 * from Twilio's documented algorithm; no helper library is needed at run time.
 */
import { createHash, createHmac, timingSafeEqual } from 'crypto';

export type SignatureAlgorithm = 'HMAC_SHA1' | 'HMAC_SHA256';

export interface SigningSecrets {
	/** The account's primary Auth Token: Twilio's default signing key (HMAC-SHA1). */
	authToken?: string;
	/** The secret of a Twilio webhook shared key, used when Twilio announces one in the settings header. */
	sharedKeySecret?: string;
}

export interface SignedRequest {
	/** The X-Twilio-Signature header. */
	signature: string | undefined;
	/** The X-Twilio-Webhooks-Signature-Settings header, present when a webhook rule chose a shared key. */
	signatureSettings?: string;
	/** The URLs Twilio may have requested, most likely first, exactly as received (not normalised). */
	urls: string[];
	/** The POST parameters in the order received; a repeated name appears once per value. */
	params: Array<[string, string]>;
	/** The body as received, for requests whose URL carries bodySHA256. */
	rawBody: string;
	/** Whether the body is form-encoded (its parameters are signed); any other body must be named by bodySHA256. */
	formBody: boolean;
}

export type SignatureCheck =
	| { valid: true; url: string; algorithm: SignatureAlgorithm }
	| { valid: false; reason: string };

const SETTINGS_ALGORITHMS: Record<string, SignatureAlgorithm> = { HMAC_SHA1: 'HMAC_SHA1', HMAC_SHA256: 'HMAC_SHA256' };

/** Reads `key=<id>,algorithm=HMAC_SHA256`; unknown algorithms are refused rather than guessed. */
export function parseSignatureSettings(header: string): {
	key?: string;
	algorithm?: SignatureAlgorithm;
	error?: string;
} {
	const fields: Record<string, string> = {};
	for (const part of header.split(',')) {
		const eq = part.indexOf('=');
		if (eq === -1) continue;
		fields[part.slice(0, eq).trim().toLowerCase()] = part.slice(eq + 1).trim();
	}
	const algorithm = SETTINGS_ALGORITHMS[(fields.algorithm ?? '').toUpperCase()];
	if (!algorithm) return { error: `unsupported signature algorithm "${fields.algorithm ?? ''}"` };
	return { key: fields.key, algorithm };
}

const AUTHORITY = /^([a-zA-Z][a-zA-Z0-9+.-]*:\/\/)([^/?#]*)(.*)$/s;
const DEFAULT_PORTS: Record<string, string> = { 'http://': '80', 'https://': '443' };

/**
 * The URL with the scheme's default port added and removed. String surgery on the authority only: re-serialising
 * the URL (WHATWG URL) would percent-encode characters such as apostrophes that Twilio signs as they are.
 */
export function portVariants(url: string): string[] {
	const match = AUTHORITY.exec(url);
	if (!match) return [url];
	const [, scheme, authority, rest] = match;
	const defaultPort = DEFAULT_PORTS[scheme.toLowerCase()];
	if (!defaultPort) return [url];
	const at = authority.lastIndexOf('@');
	const userinfo = authority.slice(0, at + 1);
	const hostPort = authority.slice(at + 1);
	const portMatch = /^(\[[^\]]*\]|[^:]*)(?::(\d*))?$/.exec(hostPort);
	if (!portMatch) return [url];
	const [, host, port] = portMatch;
	const withPort = `${scheme}${userinfo}${host}:${defaultPort}${rest}`;
	const withoutPort = `${scheme}${userinfo}${host}${rest}`;
	if (port === undefined || port === '') return [url, withPort];
	if (port === defaultPort) return [url, withoutPort];
	return [url];
}

/** The query's %27 written as an apostrophe: Twilio signs apostrophes unescaped, a client may escape them. */
function apostrophesUnescaped(url: string): string {
	const at = url.indexOf('?');
	return at === -1 ? url : url.slice(0, at) + url.slice(at).replace(/%27/gi, "'");
}

/**
 * Every URL to try: each candidate as received and its port variants, then the same with apostrophes unescaped,
 * then the forms a WHATWG parser gives (what Twilio's Node library signs).
 */
export function urlCandidates(urls: string[]): string[] {
	const out = new Set<string>();
	const add = (url: string) => portVariants(url).forEach((variant) => out.add(variant));
	urls.forEach(add);
	urls.map(apostrophesUnescaped).forEach(add);
	for (const url of urls) {
		try {
			add(new URL(url).toString());
		} catch {
			// A URL the parser refuses still has its as-received forms above.
		}
	}
	return [...out];
}

/** URL followed by each parameter, sorted by name then value (UTF-16 order, as Twilio sorts), name then value. */
export function signedData(url: string, params: Array<[string, string]>, distinctValues = false): string {
	let pairs = [...params];
	if (distinctValues) {
		const seen = new Set<string>();
		pairs = pairs.filter(([name, value]) => {
			const key = `${name}\u0000${value}`;
			if (seen.has(key)) return false;
			seen.add(key);
			return true;
		});
	}
	pairs.sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
	return pairs.reduce((data, [name, value]) => data + name + value, url);
}

export function computeSignature(algorithm: SignatureAlgorithm, secret: string, data: string): string {
	return createHmac(algorithm === 'HMAC_SHA256' ? 'sha256' : 'sha1', secret)
		.update(Buffer.from(data, 'utf8'))
		.digest('base64');
}

/** Constant-time comparison; the length check only reveals the length of a digest, which is public. */
export function safeEqual(actual: string, expected: string): boolean {
	const a = Buffer.from(actual, 'utf8');
	const b = Buffer.from(expected, 'utf8');
	if (a.length !== b.length) return false;
	return timingSafeEqual(a, b);
}

/** The bodySHA256 query parameter of a URL, read without decoding anything else. */
export function bodyHashOf(url: string): string | undefined {
	const query = url.split('#')[0].split('?').slice(1).join('?');
	for (const part of query.split('&')) {
		if (part.startsWith('bodySHA256=')) return part.slice('bodySHA256='.length);
	}
	return undefined;
}

/**
 * Fails closed: a missing header, a missing secret, an unknown algorithm, a body the signature does not cover or
 * any mismatch is a refusal, with a reason fit for a log (never a secret or an expected signature).
 */
export function checkSignature(request: SignedRequest, secrets: SigningSecrets): SignatureCheck {
	const signature = request.signature?.trim();
	if (!signature) return { valid: false, reason: 'missing X-Twilio-Signature header' };

	let algorithm: SignatureAlgorithm = 'HMAC_SHA1';
	let secret = secrets.authToken;
	if (request.signatureSettings !== undefined && request.signatureSettings.trim() !== '') {
		const settings = parseSignatureSettings(request.signatureSettings);
		if (!settings.algorithm) return { valid: false, reason: settings.error ?? 'unreadable signature settings' };
		algorithm = settings.algorithm;
		secret = secrets.sharedKeySecret;
		if (!secret)
			return {
				valid: false,
				reason: 'Twilio signed with a shared key, and the credential has no Webhook Shared Key Secret',
			};
	}
	if (!secret) return { valid: false, reason: 'no Auth Token to check the signature with' };

	const hasDuplicates = new Set(request.params.map(([n, v]) => `${n}\u0000${v}`)).size !== request.params.length;
	for (const url of urlCandidates(request.urls)) {
		const bodyHash = bodyHashOf(url);
		if (bodyHash !== undefined) {
			// JSON bodies: the signature covers the URL alone and the URL names the body's SHA-256.
			const actualHash = createHash('sha256').update(Buffer.from(request.rawBody, 'utf8')).digest('hex');
			if (
				safeEqual(bodyHash.toLowerCase(), actualHash) &&
				safeEqual(signature, computeSignature(algorithm, secret, url))
			) {
				return { valid: true, url, algorithm };
			}
			continue;
		}
		// A body that is neither form parameters nor hashed into the URL is not covered by the signature.
		if (!request.formBody && request.rawBody.length > 0) continue;
		if (safeEqual(signature, computeSignature(algorithm, secret, signedData(url, request.params)))) {
			return { valid: true, url, algorithm };
		}
		// Twilio's Node library drops repeated identical values before signing; accept that form too.
		if (
			hasDuplicates &&
			safeEqual(signature, computeSignature(algorithm, secret, signedData(url, request.params, true)))
		) {
			return { valid: true, url, algorithm };
		}
	}
	return { valid: false, reason: 'signature does not match' };
}
