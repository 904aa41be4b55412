import type {
	DeclarativeRestApiSettings,
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';

import type { Lookups } from '../transport/requestLoop';
import type { ApiParameter } from './apiParameters';
import { redirectError, twilioHttpError, unreadableAnswerError } from './errors';
import { displayNameOf } from './fields';
import { FilterProblem } from './listFilters';
import { conferenceSegment, participantSegment, recordingSegment } from './locators';
import { itemParameter } from './parameters';
import { twilioBaseUrl } from './transport';
import type { FormValue } from './validation';
import { invalidInput, normalizeBody, requiredText, shown, sidPattern, toBoolean } from './validation';

/** What preparing a request found out, for the output: the conference, participant or recording as Twilio names them. */
export interface Prepared {
	conferenceSid?: string;
	participant?: string;
	recordingSid?: string;
}

/** Twilio reads a repeated key as a list: `Key=a&Key=b`, never `Key[]=a` and never `a,b`. */
export function encodeForm(form: Record<string, FormValue>): string {
	const params = new URLSearchParams();
	for (const [key, value] of Object.entries(form)) {
		for (const entry of Array.isArray(value) ? value : [value]) params.append(key, entry);
	}
	return params.toString();
}

function accountSid(this: IExecuteSingleFunctions, credentials: ICredentialDataDecryptedObject): string {
	const sid = String(credentials.accountSid ?? '').trim();
	if (!sidPattern('AC').test(sid)) {
		throw invalidInput(
			this.getNode(),
			'Account SID (credential)',
			this.getItemIndex(),
			'expected "AC" followed by 32 hexadecimal characters',
		);
	}
	return sid;
}

const PARAMETER_NAME = /^[A-Za-z][A-Za-z0-9]*$/;
const CUSTOM_NAME = 'Custom Parameters → Name';
const CUSTOM_VALUE = 'Custom Parameters → Value';

/** A Custom Parameter's value as form text; a repeated name, not a list, sends several values. */
function customValue(this: IExecuteSingleFunctions, name: string, value: unknown): string {
	if (value === undefined || value === null) return '';
	if (typeof value === 'string') return value;
	if ((typeof value === 'number' && Number.isFinite(value)) || typeof value === 'boolean') return String(value);
	const problem = Array.isArray(value)
		? `"${name}" got a list: add one entry named ${name} per value instead`
		: `"${name}" expected text, a number or true/false, got ${shown(value)}`;
	throw invalidInput(this.getNode(), CUSTOM_VALUE, this.getItemIndex(), problem);
}

/** Custom Parameters: extra form keys for Twilio features newer than the node, never one the node has a field for. */
function addCustomParameters(this: IExecuteSingleFunctions, form: Record<string, FormValue>, known: string[]): void {
	const entries = itemParameter(this, 'customParameters.parameter', []);
	if (!Array.isArray(entries)) {
		throw invalidInput(
			this.getNode(),
			'Custom Parameters',
			this.getItemIndex(),
			`expected a list of name and value pairs, got ${shown(entries)}`,
		);
	}
	if (entries.length === 0) return;
	const knownByLowerCase = new Map(known.map((name) => [name.toLowerCase(), name]));
	for (const entry of entries as Array<{ name?: unknown; value?: unknown } | null>) {
		const name = requiredText.call(this, CUSTOM_NAME, entry?.name);
		if (!PARAMETER_NAME.test(name)) {
			throw invalidInput(
				this.getNode(),
				CUSTOM_NAME,
				this.getItemIndex(),
				`"${name}" is not a Twilio parameter name (letters and digits, e.g. NewFeature)`,
			);
		}
		// Names every object has (constructor, toString, ...) are no Twilio parameter, and would reach into the form's prototype.
		if (name in Object.prototype) {
			throw invalidInput(
				this.getNode(),
				CUSTOM_NAME,
				this.getItemIndex(),
				`"${name}" is not a Twilio parameter name: Twilio's names start with a capital letter, e.g. NewFeature`,
			);
		}
		const existing = knownByLowerCase.get(name.toLowerCase());
		if (existing) {
			throw invalidInput(
				this.getNode(),
				CUSTOM_NAME,
				this.getItemIndex(),
				`"${name}" has its own field (${displayNameOf(existing)}): set it there`,
			);
		}
		const value = customValue.call(this, name, entry?.value);
		const previous = Object.prototype.hasOwnProperty.call(form, name) ? form[name] : undefined;
		form[name] = previous === undefined ? value : [...(Array.isArray(previous) ? previous : [previous]), value];
	}
}

/** What a request's path names: a list or one entry of conferences, participants or conference recordings. */
export type Target = 'conferences' | 'conference' | 'participants' | 'participant' | 'recordings' | 'recording';

export interface RequestShape {
	target: Target;
	/** Create's conference may be a friendly name, which Twilio joins or starts. */
	isCreate?: boolean;
	/** The parameter that names the conference, when it is not `conference` (Conference's own operations). */
	conferenceParameter?: string;
	/** Rows describing the body parameters the operation may send. */
	parameters?: ApiParameter[];
	/** Body keys that must be present, with the field names users see: addresses (From, To), taken as text only. */
	required?: Record<string, string>;
	/** Query keys that carry true/false filters. */
	booleanQuery?: string[];
	/** Checks the list filters routing put in the query and writes them as Twilio reads them. */
	query?: (query: IDataObject) => IDataObject | FilterProblem;
	/** Whether the operation has a Custom Parameters field. */
	customParameters?: boolean;
}

const SUBRESOURCE: Partial<Record<Target, string>> = {
	participants: 'Participants',
	participant: 'Participants',
	recordings: 'Recordings',
	recording: 'Recordings',
};

/** The path below the account, and what it names; each identifier is one percent-encoded path segment. */
async function pathOf(
	this: IExecutePaginationFunctions,
	credentials: ICredentialDataDecryptedObject,
	shape: RequestShape,
	lookups: Lookups,
): Promise<{ path: string; prepared: Prepared }> {
	const segments = ['Conferences'];
	const prepared: Prepared = {};
	if (shape.target !== 'conferences') {
		prepared.conferenceSid = await conferenceSegment.call(
			this,
			credentials,
			shape.isCreate ?? false,
			lookups,
			shape.conferenceParameter,
		);
		segments.push(prepared.conferenceSid);
	}
	const subresource = SUBRESOURCE[shape.target];
	if (subresource) segments.push(subresource);
	if (shape.target === 'participant') segments.push((prepared.participant = participantSegment.call(this)));
	if (shape.target === 'recording') segments.push((prepared.recordingSid = recordingSegment.call(this)));
	return { path: `/${segments.map(encodeURIComponent).join('/')}.json`, prepared };
}

function checkQuery(this: IExecuteSingleFunctions, qs: IDataObject, shape: RequestShape): IDataObject {
	for (const key of shape.booleanQuery ?? []) {
		if (qs[key] === undefined || qs[key] === '') continue;
		try {
			qs[key] = String(toBoolean(qs[key]));
		} catch (error) {
			throw invalidInput(this.getNode(), key, this.getItemIndex(), (error as Error).message);
		}
	}
	const result = shape.query ? shape.query(qs) : qs;
	if (result instanceof FilterProblem)
		throw invalidInput(this.getNode(), result.field, this.getItemIndex(), result.message);
	return result;
}

/**
 * Builds the path, checks every value and writes the form body, before anything is sent. Runs inside the
 * request loop (see transport/requestLoop.ts), which sends nothing for an item whose preparation failed.
 */
export function prepareRequest(shape: RequestShape) {
	return async function (
		this: IExecutePaginationFunctions,
		credentials: ICredentialDataDecryptedObject,
		requestOptions: DeclarativeRestApiSettings.HttpRequestOptions,
		lookups: Lookups,
	): Promise<Prepared> {
		requestOptions.baseURL = twilioBaseUrl(credentials);
		// n8n follows redirects, to any host, Authorization header included; the node follows none.
		requestOptions.disableFollowRedirect = true;
		const account = accountSid.call(this, credentials);
		const { path, prepared } = await pathOf.call(this, credentials, shape, lookups);
		requestOptions.url = `/2010-04-01/Accounts/${account}${path}`;
		requestOptions.qs = checkQuery.call(this, (requestOptions.qs ?? {}) as IDataObject, shape);
		if (shape.parameters) {
			const body = (requestOptions.body ?? {}) as Record<string, unknown>;
			for (const [key, field] of Object.entries(shape.required ?? {})) {
				body[key] = requiredText.call(this, field, body[key], 'address');
			}
			const form = normalizeBody.call(this, body, shape.parameters);
			if (shape.customParameters) {
				addCustomParameters.call(this, form, [
					...Object.keys(shape.required ?? {}),
					...shape.parameters.map((parameter) => parameter.api),
				]);
			}
			requestOptions.body = encodeForm(form);
			requestOptions.headers = { ...requestOptions.headers, 'Content-Type': 'application/x-www-form-urlencoded' };
		}
		return prepared;
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
		const resource = String(this.getNodeParameter('resource', 'participant'));
		throw twilioHttpError(
			this.getNode(),
			statusCode,
			body,
			headers as Record<string, unknown>,
			this.getItemIndex(),
			resource,
		);
	}
	if (statusCode >= 300)
		throw redirectError(this.getNode(), statusCode, headers as Record<string, unknown>, this.getItemIndex());
	if (statusCode !== 204 && (typeof body !== 'object' || body === null || Array.isArray(body))) {
		throw unreadableAnswerError(this.getNode(), statusCode, body, this.getItemIndex());
	}
	return items;
}

/** Delete's output: Twilio answers 204 with no body, so say what was removed, with the conference's SID. */
export function deletedResult(_items: INodeExecutionData[], prepared: Prepared): INodeExecutionData[] {
	return [{ json: { deleted: true, ...prepared } }];
}
