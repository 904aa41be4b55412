/**
 * Finds a secret anywhere in an object graph: every own property (enumerable or not, symbols included), every
 * getter (own or inherited from a class), Map and Set entries, the bytes of Buffers, in every encoding a secret
 * is likely to travel in. Written apart from the node's redaction on purpose: a test that used the node's own
 * list of forms would pass whatever that list missed.
 */

export type SecretForm = [name: string, form: string];

const base64 = (text: string) => Buffer.from(text).toString('base64');
const unpadded = (text: string) => text.replace(/=+$/, '');

/** The forms of one secret worth looking for; `who` names it in a hit, `user` is the Basic auth user. */
export function encodingsOf(who: string, user: string, secret: string): SecretForm[] {
	const pair = `${user}:${secret}`;
	const forms: SecretForm[] = [
		[`${who}`, secret],
		[`${who} (percent-encoded)`, encodeURIComponent(secret)],
		[
			`${who} (percent-encoded, lower-case hex)`,
			encodeURIComponent(secret).replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase()),
		],
		[`${who} (form-encoded)`, new URLSearchParams({ x: secret }).toString().slice(2)],
		[`${who} (JSON-escaped)`, JSON.stringify(secret).slice(1, -1)],
		[`${who} (base64)`, unpadded(base64(secret))],
		[`${who} (hex)`, Buffer.from(secret).toString('hex')],
		[`Basic header for ${who}`, `Basic ${unpadded(base64(pair))}`],
		[`base64 of user:${who}`, unpadded(base64(pair))],
		[`base64url of user:${who}`, unpadded(Buffer.from(pair).toString('base64url'))],
		[`user:${who} (URL userinfo)`, `${user}:${encodeURIComponent(secret)}`],
	];
	const distinct = new Map<string, string>();
	for (const [name, form] of forms) if (!distinct.has(form)) distinct.set(form, name);
	return [...distinct].map(([form, name]) => [name, form]);
}

/** How far the walk went, so a test can show it looked at what it claims to. */
export interface Walk {
	hits: string[];
	visited: number;
	strings: number;
}

const MAX_OBJECTS = 500_000;

/** Every place in `root` where one of `forms` occurs, as "path: form name". */
export function walkForSecrets(root: unknown, forms: SecretForm[]): Walk {
	const seen = new Set<unknown>();
	const walk: Walk = { hits: [], visited: 0, strings: 0 };
	const check = (text: string, path: string) => {
		walk.strings += 1;
		for (const [name, form] of forms) if (text.includes(form)) walk.hits.push(`${path}: ${name}`);
	};
	const stack: Array<[unknown, string]> = [[root, '$']];
	while (stack.length) {
		const [value, path] = stack.pop()!;
		if (typeof value === 'string') {
			check(value, path);
			continue;
		}
		if ((typeof value !== 'object' && typeof value !== 'function') || value === null || seen.has(value)) continue;
		seen.add(value);
		if (++walk.visited > MAX_OBJECTS) throw new Error(`object graph larger than ${MAX_OBJECTS} objects at ${path}`);
		if (value instanceof Uint8Array) {
			const bytes = Buffer.from(value.buffer, value.byteOffset, value.byteLength);
			check(bytes.toString('utf8'), `${path}<utf8>`);
			check(bytes.toString('latin1'), `${path}<latin1>`);
			continue;
		}
		if (value instanceof Map)
			for (const [key, entry] of value) stack.push([key, `${path}<key>`], [entry, `${path}<${String(key)}>`]);
		if (value instanceof Set) for (const entry of value) stack.push([entry, `${path}<entry>`]);
		const object = value as Record<PropertyKey, unknown>;
		for (const key of Reflect.ownKeys(object)) {
			const descriptor = Object.getOwnPropertyDescriptor(object, key);
			const at = `${path}.${String(key)}`;
			if (!descriptor) continue;
			if ('value' in descriptor) stack.push([descriptor.value, at]);
			else if (descriptor.get) stack.push([readGetter(descriptor.get, object), `${at}<get>`]);
		}
		// Getters a class defines (axios headers, URL parts) are not own properties of the instance.
		for (
			let proto = Object.getPrototypeOf(object);
			proto && proto !== Object.prototype && proto !== Function.prototype;
			proto = Object.getPrototypeOf(proto)
		) {
			for (const key of Reflect.ownKeys(proto)) {
				const descriptor = Object.getOwnPropertyDescriptor(proto, key);
				if (descriptor?.get && key !== '__proto__')
					stack.push([readGetter(descriptor.get, object), `${path}.${String(key)}<inherited get>`]);
			}
		}
	}
	return walk;
}

function readGetter(getter: () => unknown, target: object): unknown {
	try {
		return getter.call(target);
	} catch {
		return undefined;
	}
}
