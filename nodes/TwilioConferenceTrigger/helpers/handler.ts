/**
 * One callback from Twilio: verify, name the event, filter, drop retries, answer at once, start the workflow.
 * The trigger answers Twilio itself (before the workflow runs), so a slow workflow never makes Twilio wait.
 */
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { eventItem, passesFilters } from './events';
import { recentTokens } from './recentTokens';
import { headerValue, receivedBody, receivedUrls } from './request';
import type { ReceivedBody, WebhookRequestLike } from './request';
import { checkSignature } from './signature';
import type { SigningSecrets } from './signature';

export interface CallbackSettings {
	credentialName: string;
	events: string[];
	verifySignature: boolean;
	options: IDataObject;
}

/** The secrets Twilio signs with: the Auth Token (the credential's own, or the one given beside an API key). */
export function signingSecrets(credentials: ICredentialDataDecryptedObject): SigningSecrets {
	const text = (key: string) => String(credentials[key] ?? '').trim();
	return {
		authToken: credentials.authType === 'apiKey' ? text('webhookAuthToken') : text('authToken'),
		sharedKeySecret: text('webhookSharedKeySecret'),
	};
}

/** The part of n8n's response object (an Express response) the trigger uses. */
interface ResponseLike {
	statusCode: number;
	headersSent: boolean;
	setHeader(name: string, value: string): unknown;
	end(text?: string): unknown;
}

const NO_RESPONSE: IWebhookResponseData = { noWebhookResponse: true };

function answer(res: ResponseLike, status: number, text = ''): void {
	if (res.headersSent) return;
	res.statusCode = status;
	if (text) {
		res.setHeader('Content-Type', 'text/plain; charset=utf-8');
		res.end(text);
	} else {
		res.end();
	}
}

/** Parameters for the output: the form fields, or a JSON object's top-level fields. */
function eventParameters(body: ReceivedBody): Array<[string, string]> {
	if (body.formBody || body.rawBody.trim() === '') return body.params;
	try {
		const parsed = JSON.parse(body.rawBody) as unknown;
		if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return [];
		return Object.entries(parsed as IDataObject).flatMap(([name, value]) =>
			(Array.isArray(value) ? value : [value]).map((one): [string, string] => [
				name,
				typeof one === 'string' ? one : JSON.stringify(one),
			]),
		);
	} catch {
		return [];
	}
}

async function secretsOf(context: IWebhookFunctions, credentialName: string): Promise<SigningSecrets | undefined> {
	try {
		return signingSecrets(await context.getCredentials(credentialName));
	} catch {
		return undefined;
	}
}

export async function handleCallback(
	context: IWebhookFunctions,
	settings: CallbackSettings,
): Promise<IWebhookResponseData> {
	const req = context.getRequestObject() as unknown as WebhookRequestLike;
	const res = context.getResponseObject() as unknown as ResponseLike;
	const refuse = (reason: string) => {
		context.logger.warn(`Twilio Conference Trigger refused a callback: ${reason}`, { node: context.getNode().name });
		answer(res, 403, 'Forbidden: this request is not signed by Twilio for this URL');
		return NO_RESPONSE;
	};

	const body = receivedBody(req);
	if (!body) return refuse('the form body is not valid percent-encoding');

	if (settings.verifySignature) {
		const secrets = await secretsOf(context, settings.credentialName);
		if (!secrets) return refuse('the credential could not be read');
		let configuredUrl: string | undefined;
		try {
			configuredUrl = context.getNodeWebhookUrl('default');
		} catch {
			configuredUrl = undefined;
		}
		const check = checkSignature(
			{
				signature: headerValue(req.headers, 'x-twilio-signature'),
				signatureSettings: headerValue(req.headers, 'x-twilio-webhooks-signature-settings'),
				urls: receivedUrls(req, { publicUrl: String(settings.options.publicUrl ?? ''), configuredUrl }),
				params: body.params,
				rawBody: body.rawBody,
				formBody: body.formBody,
			},
			secrets,
		);
		if (!check.valid) return refuse(check.reason);
	}

	const item = eventItem(eventParameters(body));
	const wanted =
		item !== undefined &&
		settings.events.includes(String(item.event)) &&
		passesFilters(item.raw as IDataObject, {
			conferenceSid: String(settings.options.conferenceSid ?? ''),
			friendlyName: String(settings.options.friendlyName ?? ''),
		});
	if (!wanted) {
		answer(res, 204);
		return NO_RESPONSE;
	}

	const token = headerValue(req.headers, 'i-twilio-idempotency-token');
	if (token && settings.options.ignoreDuplicates !== false) {
		const key = `${context.getWorkflow().id ?? ''}:${context.getNode().id}:${token}`;
		if (recentTokens.checkAndRemember(key)) {
			answer(res, 204);
			return NO_RESPONSE;
		}
	}

	answer(res, 204);
	return { noWebhookResponse: true, workflowData: [[{ json: item }]] };
}
