import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';

import type { ApiParameter } from './apiParameters';
import { twilioHttpError, unreadableAnswerError } from './errors';
import type { FormValue } from './validation';
import { invalidInput, normalizeBody, requiredText, sidPattern, toBoolean } from './validation';

export const CREDENTIAL_NAME = 'twilioConferenceApi';

/** Twilio reads a repeated key as a list: `Key=a&Key=b`, never `Key[]=a` and never `a,b`. */
export function encodeForm(form: Record<string, FormValue>): string {
	const params = new URLSearchParams();
	for (const [key, value] of Object.entries(form)) {
		for (const entry of Array.isArray(value) ? value : [value]) params.append(key, entry);
	}
	return params.toString();
}

async function accountSid(this: IExecuteSingleFunctions): Promise<string> {
	const credentials = await this.getCredentials(CREDENTIAL_NAME);
	const sid = String(credentials.accountSid ?? '').trim();
	if (!sidPattern('AC').test(sid)) {
		throw invalidInput(this.getNode(), 'Account SID (credential)', this.getItemIndex(), 'expected "AC" followed by 32 hexadecimal characters');
	}
	return sid;
}

/** The participants path; labels and friendly names are sent as one percent-encoded path segment. */
async function participantsUrl(this: IExecuteSingleFunctions, conferenceMayBeName: boolean, withParticipant: boolean): Promise<string> {
	const itemIndex = this.getItemIndex();
	const conference = requiredText.call(this, 'Conference', this.getNodeParameter('conference', undefined, { extractValue: true }));
	if (!conferenceMayBeName && !sidPattern('CF').test(conference)) {
		throw invalidInput(this.getNode(), 'Conference', itemIndex, 'expected a conference SID: "CF" followed by 32 hexadecimal characters');
	}
	let url = `/2010-04-01/Accounts/${await accountSid.call(this)}/Conferences/${encodeURIComponent(conference)}/Participants`;
	if (withParticipant) {
		const participant = requiredText.call(this, 'Participant', this.getNodeParameter('participant', undefined, { extractValue: true }));
		url += `/${encodeURIComponent(participant)}`;
	}
	return `${url}.json`;
}

interface RequestShape {
	conferenceMayBeName?: boolean;
	withParticipant?: boolean;
	/** Rows describing the body parameters the operation may send. */
	parameters?: ApiParameter[];
	/** Body keys that must be present, with the field names users see. */
	required?: Record<string, string>;
	/** Query keys that carry true/false filters. */
	booleanQuery?: string[];
}

/** A preSend that builds the path, checks every value and writes the form body, before anything is sent. */
export function prepareRequest(shape: RequestShape) {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		requestOptions.url = await participantsUrl.call(this, shape.conferenceMayBeName ?? false, shape.withParticipant ?? false);
		const qs = (requestOptions.qs ?? {}) as IDataObject;
		for (const key of shape.booleanQuery ?? []) {
			if (qs[key] === undefined || qs[key] === '') continue;
			try {
				qs[key] = String(toBoolean(qs[key]));
			} catch (error) {
				throw invalidInput(this.getNode(), key, this.getItemIndex(), (error as Error).message);
			}
		}
		if (shape.parameters) {
			const body = (requestOptions.body ?? {}) as Record<string, unknown>;
			for (const [key, field] of Object.entries(shape.required ?? {})) {
				body[key] = requiredText.call(this, field, body[key]);
			}
			requestOptions.body = encodeForm(normalizeBody.call(this, body, shape.parameters));
			requestOptions.headers = { ...requestOptions.headers, 'Content-Type': 'application/x-www-form-urlencoded' };
		}
		return requestOptions;
	};
}

/** postReceive: turns Twilio's error answers (and bodies that are not JSON) into n8n errors. */
export async function checkTwilioResponse(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const { statusCode, body, headers } = response;
	if (statusCode >= 400) {
		throw twilioHttpError(this.getNode(), statusCode, body, headers as Record<string, unknown>, this.getItemIndex());
	}
	if (statusCode !== 204 && (typeof body !== 'object' || body === null || Array.isArray(body))) {
		throw unreadableAnswerError(this.getNode(), statusCode, body, this.getItemIndex());
	}
	return items;
}

/** postReceive for Delete: Twilio answers 204 with no body, so say what was removed. */
export async function deletedResult(this: IExecuteSingleFunctions): Promise<INodeExecutionData[]> {
	return [
		{
			json: {
				deleted: true,
				conferenceSid: this.getNodeParameter('conference', undefined, { extractValue: true }) as string,
				participant: this.getNodeParameter('participant', undefined, { extractValue: true }) as string,
			},
		},
	];
}
