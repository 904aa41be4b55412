/**
 * The redaction itself, on the built code: what it removes from an error (the HTTP client's objects) and what it
 * keeps (Twilio's code, message and more_info, the HTTP status, the item), and which forms of a secret it looks
 * for at which length. The engine-level tests in leaks.test.ts show the same through real failures.
 */
import type { JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import type { INode } from 'n8n-workflow';

import { runNode } from '../helpers/engine';
import { walkForSecrets } from '../helpers/leaks';
import { ACCOUNT_SID, AUTH_TOKEN, useSimulator } from '../helpers/twilio';
import { SECRET_FORMS } from '../reliability/harness';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { credentialSecrets, redactError, secretForms } =
	require('../../dist/nodes/TwilioConference/helpers/redaction') as {
		credentialSecrets: (credentials: object) => string[];
		redactError: (error: unknown, secrets: string[]) => unknown;
		secretForms: (user: string, secret: string) => string[];
	};

const env = useSimulator();
const node: INode = { id: 'n', name: 'Twilio Conference', type: 'x', typeVersion: 1, position: [0, 0], parameters: {} };
const basic = (user: string, secret: string) => Buffer.from(`${user}:${secret}`).toString('base64');

/** An error the way an HTTP client hands it over: the password in its config, the header on its request. */
function clientError(echoInText = true) {
	const request = {
		_header: `GET / HTTP/1.1\r\nAuthorization: Basic ${basic(ACCOUNT_SID, AUTH_TOKEN)}\r\n`,
		socket: { authorization: AUTH_TOKEN },
	};
	const cause = Object.assign(new Error('self-signed certificate'), {
		code: 'DEPTH_ZERO_SELF_SIGNED_CERT',
		config: {
			auth: { username: ACCOUNT_SID, password: AUTH_TOKEN },
			headers: { Authorization: `Basic ${basic(ACCOUNT_SID, AUTH_TOKEN)}` },
		},
		request,
		cause: Object.assign(new Error(`connect to https://${ACCOUNT_SID}:${echoInText ? AUTH_TOKEN : 'x'}@127.0.0.1/`), {
			code: 'DEPTH_ZERO_SELF_SIGNED_CERT',
		}),
	});
	Object.defineProperty(cause, 'hidden', { value: { password: AUTH_TOKEN }, enumerable: false });
	return new NodeApiError(node, cause as unknown as JsonObject, { itemIndex: 3 });
}

test("an HTTP client's error comes out without its config, request or socket, and its cause cut to name, message and code", () => {
	const error = clientError();
	expect(walkForSecrets(error, SECRET_FORMS).hits.length).toBeGreaterThan(0);
	redactError(error, credentialSecrets({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN }));
	expect(walkForSecrets(error, SECRET_FORMS).hits).toEqual([]);
	const cause = error.cause as Error & Record<string, unknown>;
	expect(Object.getOwnPropertyNames(cause).sort()).toEqual(['cause', 'code', 'message', 'name', 'stack']);
	expect([cause.name, cause.message, cause.code]).toEqual([
		'Error',
		'self-signed certificate',
		'DEPTH_ZERO_SELF_SIGNED_CERT',
	]);
	expect((cause.cause as Error).message).toBe(`connect to https://${ACCOUNT_SID}:[redacted]@127.0.0.1/`);
	// n8n still gets what it shows and stores.
	expect(error.context.itemIndex).toBe(3);
	expect(error.node).toBe(node);
	expect(Object.getOwnPropertyDescriptor(error, 'cause')?.enumerable).toBe(false);
});

test('objects are dropped even when there is no secret to look for (they carry the credentials themselves)', () => {
	const error = clientError(false);
	expect(walkForSecrets(error, SECRET_FORMS).hits.length).toBeGreaterThan(0);
	redactError(error, []);
	expect(walkForSecrets(error, SECRET_FORMS).hits).toEqual([]);
});

test("Twilio's code, message and more_info, and the HTTP status, survive the redaction", async () => {
	const conference = env.sim.seedConference({ friendlyName: 'kept' });
	env.sim.inject({
		kind: 'status',
		status: 400,
		body: {
			code: 21217,
			message: `Phone number is not valid (${AUTH_TOKEN})`,
			more_info: 'https://www.twilio.com/docs/errors/21217',
			status: 400,
		},
	});
	const { items } = await runNode({
		parameters: {
			resource: 'participant',
			operation: 'create',
			conference: conference.sid,
			from: '+15017122661',
			to: '+1',
			options: { callsPerSecond: 30 },
		},
		credentials: env.credentials,
		continueOnFail: true,
	});
	const error = items[0].error as NodeApiError;
	expect(error.message).toBe('Twilio rejected the request: Phone number is not valid ([redacted])');
	expect(error.httpCode).toBe('400');
	expect(error.description).toContain('Error code 21217.');
	expect(error.errorResponse).toEqual({
		code: 21217,
		message: 'Phone number is not valid ([redacted])',
		more_info: 'https://www.twilio.com/docs/errors/21217',
		status: 400,
	});
	expect(error.context.itemIndex).toBe(0);
});

describe('which forms are looked for', () => {
	test('a secret of 6 characters or more: as is and in every encoding, and in the Basic header', () => {
		const forms = secretForms(ACCOUNT_SID, 'pa ss/w"rd');
		for (const form of [
			'pa ss/w"rd',
			'pa%20ss%2Fw%22rd',
			'pa%20ss%2fw%22rd',
			'pa+ss%2Fw%22rd',
			'pa ss/w\\"rd',
			basic(ACCOUNT_SID, 'pa ss/w"rd'),
		]) {
			expect(forms).toContain(form);
		}
	});

	test('a shorter one only beside its user: the Basic header (padded or not, base64url) and user:secret', () => {
		const forms = secretForms(ACCOUNT_SID, 'a');
		expect(forms).not.toContain('a');
		expect(forms).toEqual(
			expect.arrayContaining([basic(ACCOUNT_SID, 'a'), basic(ACCOUNT_SID, 'a').replace(/=+$/, ''), `${ACCOUNT_SID}:a`]),
		);
		expect(forms.every((form) => form.length > ACCOUNT_SID.length)).toBe(true);
	});

	test('a value pasted with spaces is looked for as typed and trimmed; an empty one not at all', () => {
		expect(secretForms(ACCOUNT_SID, ' tok_long_enough \n')).toEqual(
			expect.arrayContaining([' tok_long_enough \n', 'tok_long_enough', basic(ACCOUNT_SID, 'tok_long_enough')]),
		);
		expect(secretForms(ACCOUNT_SID, '')).toEqual([]);
		expect(secretForms('', 'abc')).toEqual([]);
	});
});
