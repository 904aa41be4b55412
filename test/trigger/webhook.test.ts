/**
 * The built trigger, loaded by n8n's PackageDirectoryLoader, receiving real HTTP requests through n8n-core's
 * WebhookContext; executions run with WorkflowExecute. Signatures come from the test's own signer.
 */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import { formBody, sha256Hex, twilioSignature } from '../helpers/twilioSigner';
import type { Params } from '../helpers/twilioSigner';
import { startTrigger, WEBHOOK_PATH } from '../helpers/webhook';
import type { TriggerHarness } from '../helpers/webhook';

const ACCOUNT = 'AC0123456789abcdef0123456789abcdef';
const TOKEN = 'auth-token-0123456789abcdef012345';
const CONFERENCE = 'CF0123456789abcdef0123456789abcdef';
const CALL = 'CA0123456789abcdef0123456789abcdef';
const CREDENTIALS = { authType: 'authToken', accountSid: ACCOUNT, authToken: TOKEN, baseUrl: 'https://api.twilio.com' };
const ALL_EVENTS = [
	'conference-start',
	'participant-join',
	'participant-leave',
	'participant-mute',
	'call-completed',
	'recording-completed',
];

let tokenCounter = 0;
const idempotencyToken = () => `token-${process.pid}-${++tokenCounter}`;

function joinEvent(extra: Params = {}): Params {
	return {
		AccountSid: ACCOUNT,
		ConferenceSid: CONFERENCE,
		FriendlyName: 'support-42',
		StatusCallbackEvent: 'participant-join',
		CallSid: CALL,
		Label: 'customer',
		Muted: 'false',
		Hold: 'false',
		Coaching: 'false',
		EndConferenceOnExit: 'false',
		StartConferenceOnEnter: 'true',
		SequenceNumber: '2',
		Timestamp: 'Sat, 21 Nov 2026 21:10:46 +0000',
		...extra,
	};
}

/** Posts params signed for `signedUrl` to `target`; headers override the signed ones. */
async function deliver(
	harness: TriggerHarness,
	params: Params,
	opts: { target?: string; signedUrl?: string; token?: string; headers?: Record<string, string>; body?: string } = {},
) {
	const target = opts.target ?? WEBHOOK_PATH;
	const signedUrl = opts.signedUrl ?? `${harness.origin}${target}`;
	const headers = {
		'X-Twilio-Signature': twilioSignature(opts.token ?? TOKEN, signedUrl, params),
		'I-Twilio-Idempotency-Token': idempotencyToken(),
		...opts.headers,
	};
	return await harness.post(target, opts.body ?? formBody(params), headers);
}

describe('Twilio Conference Trigger webhook', () => {
	let harness: TriggerHarness;
	beforeAll(async () => {
		harness = await startTrigger({ parameters: { events: ALL_EVENTS }, credentials: CREDENTIALS });
	});
	afterAll(async () => await harness.close());

	it('starts one execution for a signed event and answers 204 with an empty body at once', async () => {
		const before = harness.executions.length;
		const delivery = await deliver(harness, joinEvent());
		expect(delivery).toMatchObject({ status: 204, body: '' });
		expect(harness.executions.length).toBe(before + 1);
		expect(delivery.items).toHaveLength(1);
		expect(delivery.items![0].json).toMatchObject({
			event: 'participant-join',
			eventFamily: 'conference',
			ConferenceSid: CONFERENCE,
			FriendlyName: 'support-42',
			Muted: false,
			StartConferenceOnEnter: true,
			SequenceNumber: 2,
			Timestamp: '2026-11-21T21:10:46.000Z',
			raw: expect.objectContaining({
				Muted: 'false',
				SequenceNumber: '2',
				Timestamp: 'Sat, 21 Nov 2026 21:10:46 +0000',
			}),
		});
	});

	const refusals: Array<[string, (h: TriggerHarness) => Promise<{ status: number; body: string }>]> = [
		['tampered body', async (h) => await deliver(h, joinEvent(), { body: formBody(joinEvent({ Label: 'agent' })) })],
		[
			'tampered URL',
			async (h) =>
				await deliver(h, joinEvent(), {
					target: `${WEBHOOK_PATH}?room=2`,
					signedUrl: `${h.origin}${WEBHOOK_PATH}?room=1`,
				}),
		],
		['wrong token', async (h) => await deliver(h, joinEvent(), { token: 'not-the-auth-token-0123456789abc' })],
		['missing header', async (h) => await deliver(h, joinEvent(), { headers: { 'X-Twilio-Signature': '' } })],
		[
			'signature for another host',
			async (h) => await deliver(h, joinEvent(), { signedUrl: `https://elsewhere.example.com${WEBHOOK_PATH}` }),
		],
		[
			'malformed form body',
			async (h) => await deliver(h, joinEvent(), { body: 'StatusCallbackEvent=participant-join&Label=%E0%A4%A' }),
		],
		[
			'JSON body without bodySHA256',
			async (h) =>
				await deliver(h, {}, { body: JSON.stringify(joinEvent()), headers: { 'Content-Type': 'application/json' } }),
		],
	];
	it.each(refusals)('refuses a %s with 403 and starts nothing', async (_name, send) => {
		const before = harness.executions.length;
		const delivery = await send(harness);
		expect(delivery.status).toBe(403);
		expect(delivery.body).not.toContain(TOKEN);
		expect(harness.executions.length).toBe(before);
	});

	it('starts one execution per idempotency token: a retry is answered and ignored', async () => {
		const before = harness.executions.length;
		const headers = { 'I-Twilio-Idempotency-Token': idempotencyToken() };
		const first = await deliver(harness, joinEvent({ SequenceNumber: '7' }), { headers });
		const retry = await deliver(harness, joinEvent({ SequenceNumber: '7' }), { headers });
		expect([first.status, retry.status]).toEqual([204, 204]);
		expect(harness.executions.length).toBe(before + 1);
		expect(retry.webhookResult?.workflowData).toBeUndefined();
	});

	it('accepts query strings with apostrophes, spaces and unicode, and unicode parameters', async () => {
		const target = `${WEBHOOK_PATH}?city=Trezzo%20Sull'Adda&room=caf%C3%A9%20%E2%98%95&empty=&tag=a&tag=b`;
		const params = joinEvent({ FriendlyName: "Café ☕ O'Brien & Co", Label: 'Zoë + 李' });
		const delivery = await deliver(harness, params, { target });
		expect(delivery.status).toBe(204);
		expect(delivery.items![0].json).toMatchObject({ FriendlyName: "Café ☕ O'Brien & Co", Label: 'Zoë + 李' });
		// The apostrophe escaped by the sender, Twilio having signed it unescaped.
		const escaped = await deliver(harness, params, {
			target: target.replace("'", '%27'),
			signedUrl: `${harness.origin}${target}`,
		});
		expect(escaped.status).toBe(204);
	});

	it("accepts the URL with the scheme's default port, as Twilio may sign either way", async () => {
		const proxied = { 'X-Forwarded-Proto': 'https', 'X-Forwarded-Host': 'n8n.example.com' };
		const withPort = await deliver(harness, joinEvent(), {
			headers: proxied,
			signedUrl: `https://n8n.example.com:443${WEBHOOK_PATH}`,
		});
		const without = await deliver(harness, joinEvent(), {
			headers: proxied,
			signedUrl: `https://n8n.example.com${WEBHOOK_PATH}`,
		});
		expect([withPort.status, without.status]).toEqual([204, 204]);
		const otherPort = await deliver(harness, joinEvent(), {
			headers: proxied,
			signedUrl: `https://n8n.example.com:8443${WEBHOOK_PATH}`,
		});
		expect(otherPort.status).toBe(403);
	});

	it('answers events that were not picked with 204 and starts nothing', async () => {
		const before = harness.executions.length;
		const speech = await deliver(harness, joinEvent({ StatusCallbackEvent: 'participant-speech-start' }));
		const unknown = await deliver(harness, { AccountSid: ACCOUNT, Something: 'else' });
		expect([speech.status, unknown.status]).toEqual([204, 204]);
		expect(harness.executions.length).toBe(before);
	});

	it('checks a JSON body against bodySHA256', async () => {
		const body = JSON.stringify(joinEvent());
		const target = `${WEBHOOK_PATH}?bodySHA256=${sha256Hex(body)}`;
		const signature = twilioSignature(TOKEN, `${harness.origin}${target}`);
		const ok = await harness.post(target, body, {
			'Content-Type': 'application/json',
			'X-Twilio-Signature': signature,
		});
		expect(ok.status).toBe(204);
		expect(ok.items![0].json).toMatchObject({ event: 'participant-join', Muted: false });
		const altered = await harness.post(target, body.replace('customer', 'agent'), {
			'Content-Type': 'application/json',
			'X-Twilio-Signature': signature,
		});
		expect(altered.status).toBe(403);
	});
});

describe('Twilio Conference Trigger settings', () => {
	const open: TriggerHarness[] = [];
	const start = async (
		parameters: object,
		credentials: ICredentialDataDecryptedObject = CREDENTIALS,
		webhookOrigin?: string,
	) => {
		const harness = await startTrigger({
			parameters: { events: ALL_EVENTS, ...parameters },
			credentials,
			webhookOrigin,
		});
		open.push(harness);
		return harness;
	};
	afterAll(async () => await Promise.all(open.map(async (h) => await h.close())));

	it("checks against n8n's configured webhook host when the Host header differs", async () => {
		const harness = await start({}, CREDENTIALS, 'https://hooks.example.com');
		const ok = await deliver(harness, joinEvent(), { signedUrl: `https://hooks.example.com${WEBHOOK_PATH}` });
		expect(ok.status).toBe(204);
	});

	it('checks only against the Public URL when one is set, with the query as received', async () => {
		const publicUrl = 'https://proxy.example.com/n8n/hooks/conference';
		const harness = await start({ options: { publicUrl } });
		const ok = await deliver(harness, joinEvent(), {
			target: `${WEBHOOK_PATH}?room=1`,
			signedUrl: `${publicUrl}?room=1`,
		});
		expect(ok.status).toBe(204);
		const asReceived = await deliver(harness, joinEvent());
		expect(asReceived.status).toBe(403);
	});

	it('filters by conference SID and friendly name', async () => {
		const harness = await start({ options: { conferenceSid: CONFERENCE, friendlyName: 'support-42' } });
		expect((await deliver(harness, joinEvent())).items).toHaveLength(1);
		expect((await deliver(harness, joinEvent({ ConferenceSid: 'CF' + 'f'.repeat(32) }))).items).toBeUndefined();
		expect((await deliver(harness, joinEvent({ FriendlyName: 'support-43' }))).items).toBeUndefined();
		expect((await deliver(harness, { CallSid: CALL, CallStatus: 'completed' })).items).toBeUndefined();
		expect(harness.executions).toHaveLength(1);
	});

	it('with an API key: refuses to activate without a signing secret, and checks with the Webhook Auth Token', async () => {
		const apiKey = {
			authType: 'apiKey',
			accountSid: ACCOUNT,
			apiKeySid: 'SK' + '0'.repeat(32),
			apiKeySecret: 'api-key-secret-0123456789',
		};
		const bare = await start({}, apiKey);
		await expect(bare.activate()).rejects.toThrow('No secret to check Twilio signatures with');
		expect((await deliver(bare, joinEvent())).status).toBe(403);
		expect((await deliver(bare, joinEvent(), { token: apiKey.apiKeySecret })).status).toBe(403);

		const withToken = await start({}, { ...apiKey, webhookAuthToken: TOKEN });
		await expect(withToken.activate()).resolves.toBe(true);
		expect((await deliver(withToken, joinEvent())).status).toBe(204);

		const unchecked = await start({ verifySignature: false }, apiKey);
		await expect(unchecked.activate()).resolves.toBe(true);
		const unsigned = await unchecked.post(WEBHOOK_PATH, formBody(joinEvent()));
		expect(unsigned.status).toBe(204);
		expect(unsigned.items).toHaveLength(1);
	});

	it('checks HMAC-SHA256 signatures made with a shared key when Twilio announces one', async () => {
		const shared = 'shared-key-secret-0123456789abcd';
		const harness = await start({}, { ...CREDENTIALS, webhookSharedKeySecret: shared });
		const url = `${harness.origin}${WEBHOOK_PATH}`;
		const settings = 'key=KS0123456789abcdef0123456789abcdef,algorithm=HMAC_SHA256';
		const headers = (signature: string) => ({
			'X-Twilio-Signature': signature,
			'X-Twilio-Webhooks-Signature-Settings': settings,
		});
		expect(
			(await deliver(harness, joinEvent(), { headers: headers(twilioSignature(shared, url, joinEvent(), 'sha256')) }))
				.status,
		).toBe(204);
		expect(
			(await deliver(harness, joinEvent(), { headers: headers(twilioSignature(TOKEN, url, joinEvent())) })).status,
		).toBe(403);
	});

	it('can start a workflow for every retry when Ignore Retries is off', async () => {
		const harness = await start({ options: { ignoreDuplicates: false } });
		const headers = { 'I-Twilio-Idempotency-Token': 'same-token' };
		await deliver(harness, joinEvent(), { headers });
		await deliver(harness, joinEvent(), { headers });
		expect(harness.executions).toHaveLength(2);
	});
});
