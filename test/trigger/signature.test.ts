/**
 * The signature check against signatures made by the test's own signer (test/helpers/twilioSigner.ts), and
 * against the worked example in Twilio's security documentation.
 */
import {
	checkSignature,
	parseSignatureSettings,
	portVariants,
	safeEqual,
} from '../../nodes/TwilioConferenceTrigger/helpers/signature';
import type { SignedRequest } from '../../nodes/TwilioConferenceTrigger/helpers/signature';
import { parseForm } from '../../nodes/TwilioConferenceTrigger/helpers/request';
import { formBody, sha256Hex, twilioSignature } from '../helpers/twilioSigner';
import type { Params } from '../helpers/twilioSigner';

const TOKEN = 'f00dcafe0123456789abcdef01234567';

function request(
	url: string,
	params: Params,
	signature: string | undefined,
	extra: Partial<SignedRequest> = {},
): SignedRequest {
	const raw = formBody(params);
	return { signature, urls: [url], params: parseForm(raw) ?? [], rawBody: raw, formBody: true, ...extra };
}

const check = (req: SignedRequest, secrets = { authToken: TOKEN }) => checkSignature(req, secrets);

const PARAMS: Params = {
	AccountSid: 'AC0123456789abcdef0123456789abcdef',
	ConferenceSid: 'CF0123456789abcdef0123456789abcdef',
	FriendlyName: "O'Brien & Søn – café ☕",
	StatusCallbackEvent: 'participant-join',
	SequenceNumber: '3',
	Muted: 'false',
};

describe('X-Twilio-Signature check', () => {
	it("accepts the worked example from Twilio's documentation", () => {
		const params = {
			CallSid: 'CA1234567890ABCDE',
			Caller: '+12349013030',
			Digits: '1234',
			From: '+12349013030',
			To: '+18005551212',
		};
		const url = 'https://mycompany.com/myapp.php?foo=1&bar=2';
		expect(twilioSignature('12345', url, params)).toBe('0/KCTR6DLpKmkAf8muzZqo1nDgQ=');
		expect(check(request(url, params, '0/KCTR6DLpKmkAf8muzZqo1nDgQ='), { authToken: '12345' }).valid).toBe(true);
	});

	const urls = [
		'https://n8n.example.com/webhook/abc/webhook',
		'http://127.0.0.1:5678/webhook/abc/webhook',
		'https://n8n.example.com:8443/webhook/abc/webhook?room=a&room=b',
		"https://n8n.example.com/webhook/abc/webhook?name=O'Brien",
		'https://n8n.example.com/webhook/abc/webhook?name=%E2%98%95%20caf%C3%A9',
		'https://n8n.example.com/webhook/abc/webhook?empty=&plus=a+b',
	];
	it.each(urls)('accepts a correct signature for %s, rejects a wrong one', (url) => {
		expect(check(request(url, PARAMS, twilioSignature(TOKEN, url, PARAMS)))).toMatchObject({ valid: true, url });
		expect(check(request(url, PARAMS, twilioSignature('another-token-0123456789abcdef', url, PARAMS))).valid).toBe(
			false,
		);
	});

	it('tries the URL with the default port added and removed', () => {
		const plain = 'https://n8n.example.com/webhook/abc/webhook?x=1';
		const withPort = 'https://n8n.example.com:443/webhook/abc/webhook?x=1';
		expect(check(request(plain, PARAMS, twilioSignature(TOKEN, withPort, PARAMS))).valid).toBe(true);
		expect(check(request(withPort, PARAMS, twilioSignature(TOKEN, plain, PARAMS))).valid).toBe(true);
		const http = 'http://n8n.example.com/webhook/abc/webhook';
		expect(
			check(request(http, PARAMS, twilioSignature(TOKEN, 'http://n8n.example.com:80/webhook/abc/webhook', PARAMS)))
				.valid,
		).toBe(true);
		// A port other than the default is part of the URL Twilio signed.
		expect(
			check(
				request(plain, PARAMS, twilioSignature(TOKEN, 'https://n8n.example.com:8443/webhook/abc/webhook?x=1', PARAMS)),
			).valid,
		).toBe(false);
		expect(portVariants('https://user:pw@[::1]/a')).toEqual(['https://user:pw@[::1]/a', 'https://user:pw@[::1]:443/a']);
	});

	it('accepts apostrophes whether they arrive escaped or not, as Twilio signs them unescaped', () => {
		const signedUrl = "https://n8n.example.com/webhook/abc/webhook?city=Trezzo Sull'Adda".replace(' ', '%20');
		const signature = twilioSignature(TOKEN, signedUrl, PARAMS);
		expect(check(request(signedUrl, PARAMS, signature)).valid).toBe(true);
		expect(check(request(signedUrl.replace("'", '%27'), PARAMS, signature)).valid).toBe(true);
	});

	it('refuses a tampered body, URL, query, parameter name, added or removed parameter', () => {
		const url = 'https://n8n.example.com/webhook/abc/webhook?room=1';
		const signature = twilioSignature(TOKEN, url, PARAMS);
		expect(check(request(url, { ...PARAMS, Muted: 'true' }, signature)).valid).toBe(false);
		expect(check(request(url, { ...PARAMS, Extra: '' }, signature)).valid).toBe(false);
		const { Muted: _muted, ...fewer } = PARAMS;
		expect(check(request(url, fewer, signature)).valid).toBe(false);
		expect(check(request('https://n8n.example.com/webhook/abd/webhook?room=1', PARAMS, signature)).valid).toBe(false);
		expect(check(request('https://n8n.example.com/webhook/abc/webhook?room=2', PARAMS, signature)).valid).toBe(false);
		expect(check(request('https://evil.example.com/webhook/abc/webhook?room=1', PARAMS, signature)).valid).toBe(false);
		const renamed = { ...fewer, muted: 'false' };
		expect(check(request(url, renamed, signature)).valid).toBe(false);
	});

	it('signs repeated parameters value by value, sorted, whatever order they arrive in', () => {
		const url = 'https://n8n.example.com/webhook/abc/webhook';
		const params = { ...PARAMS, StatusCallbackEvent: ['leave', 'join', 'end'] };
		const signature = twilioSignature(TOKEN, url, params);
		const raw =
			'StatusCallbackEvent=end&' +
			formBody(PARAMS).replace(/StatusCallbackEvent=[^&]*&?/, '') +
			'&StatusCallbackEvent=leave&StatusCallbackEvent=join';
		expect(check({ signature, urls: [url], params: parseForm(raw) ?? [], rawBody: raw, formBody: true }).valid).toBe(
			true,
		);
		// Two values are not one value.
		expect(check(request(url, { ...PARAMS, StatusCallbackEvent: ['join', 'leave'] }, signature)).valid).toBe(false);
	});

	it('refuses a missing or empty header and a missing secret', () => {
		const url = 'https://n8n.example.com/webhook/abc/webhook';
		const signature = twilioSignature(TOKEN, url, PARAMS);
		expect(check(request(url, PARAMS, undefined))).toEqual({
			valid: false,
			reason: 'missing X-Twilio-Signature header',
		});
		expect(check(request(url, PARAMS, '')).valid).toBe(false);
		expect(checkSignature(request(url, PARAMS, signature), {}).valid).toBe(false);
		expect(checkSignature(request(url, PARAMS, signature), { authToken: '' }).valid).toBe(false);
	});

	it('checks a JSON body through bodySHA256, and refuses a body the signature does not cover', () => {
		const body = JSON.stringify({ StatusCallbackEvent: 'conference-end', Note: 'über' });
		const url = `https://n8n.example.com/webhook/abc/webhook?bodySHA256=${sha256Hex(body)}`;
		const signature = twilioSignature(TOKEN, url);
		const json = (rawBody: string, sig = signature, at = url): SignedRequest => ({
			signature: sig,
			urls: [at],
			params: [],
			rawBody,
			formBody: false,
		});
		expect(check(json(body)).valid).toBe(true);
		expect(check(json(body.replace('end', 'start'))).valid).toBe(false);
		// Without bodySHA256 the signature covers only the URL, so a JSON body cannot be trusted.
		const bare = 'https://n8n.example.com/webhook/abc/webhook';
		expect(check(json(body, twilioSignature(TOKEN, bare), bare)).valid).toBe(false);
	});

	it('uses the shared key and HMAC-SHA256 when Twilio announces them, and refuses unknown algorithms', () => {
		const url = 'https://n8n.example.com/webhook/abc/webhook';
		const shared = 'shared-key-secret-0123456789';
		const signature = twilioSignature(shared, url, PARAMS, 'sha256');
		const settings = 'key=KS0123456789abcdef0123456789abcdef,algorithm=HMAC_SHA256';
		const secrets = { authToken: TOKEN, sharedKeySecret: shared };
		expect(checkSignature(request(url, PARAMS, signature, { signatureSettings: settings }), secrets)).toMatchObject({
			valid: true,
			algorithm: 'HMAC_SHA256',
		});
		// The same signature without the header would be checked as SHA-1 with the Auth Token.
		expect(checkSignature(request(url, PARAMS, signature), secrets).valid).toBe(false);
		expect(
			checkSignature(request(url, PARAMS, signature, { signatureSettings: settings }), { authToken: TOKEN }).valid,
		).toBe(false);
		expect(
			checkSignature(request(url, PARAMS, signature, { signatureSettings: 'key=KS1,algorithm=MD5' }), secrets).valid,
		).toBe(false);
		// An SHA-256 signature made with the Auth Token is not a shared-key signature.
		const withToken = twilioSignature(TOKEN, url, PARAMS, 'sha256');
		expect(checkSignature(request(url, PARAMS, withToken, { signatureSettings: settings }), secrets).valid).toBe(false);
		expect(parseSignatureSettings(' key = KS1 , algorithm = hmac_sha256 ')).toEqual({
			key: 'KS1',
			algorithm: 'HMAC_SHA256',
		});
	});

	it('compares without short-circuiting on content and refuses different lengths', () => {
		expect(safeEqual('abc=', 'abc=')).toBe(true);
		expect(safeEqual('abc=', 'abd=')).toBe(false);
		expect(safeEqual('abc', 'abc=')).toBe(false);
		expect(safeEqual('', '')).toBe(true);
	});
});
