/**
 * Signs requests the way Twilio's documentation describes, written separately from the trigger's code so that a
 * mistake in one is not repeated in the other: data = URL, then for every parameter name in sorted order each of
 * its values (sorted) appended as name + value; HMAC with the Auth Token; base64.
 */
import crypto from 'node:crypto';

export type Params = Record<string, string | string[]>;

export function twilioSignature(
	token: string,
	url: string,
	params: Params = {},
	algorithm: 'sha1' | 'sha256' = 'sha1',
): string {
	let data = url;
	for (const name of Object.keys(params).sort()) {
		const values = ([] as string[]).concat(params[name]).sort();
		for (const value of values) data += name + value;
	}
	return crypto.createHmac(algorithm, token).update(data, 'utf8').digest('base64');
}

/** application/x-www-form-urlencoded as Twilio sends it: spaces as +, repeated names repeated. */
export function formBody(params: Params): string {
	const search = new URLSearchParams();
	for (const [name, value] of Object.entries(params))
		for (const one of ([] as string[]).concat(value)) search.append(name, one);
	return search.toString();
}

export function sha256Hex(text: string): string {
	return crypto.createHash('sha256').update(text, 'utf8').digest('hex');
}
