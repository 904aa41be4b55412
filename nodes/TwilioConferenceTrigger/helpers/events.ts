/**
 * The events Twilio reports for a conference, its participants' calls and recordings; how one callback is named
 * and turned into an output item.
 */
import type { IDataObject, INodePropertyOptions } from 'n8n-workflow';

export type EventFamily = 'conference' | 'call' | 'recording';

interface EventInfo {
	value: string;
	name: string;
	description: string;
	family: EventFamily;
}

const EVENTS: EventInfo[] = [
	{
		value: 'conference-start',
		name: 'Conference Started',
		description: 'The conference began: a participant who starts it joined',
		family: 'conference',
	},
	{
		value: 'conference-end',
		name: 'Conference Ended',
		description: 'The conference finished for everyone',
		family: 'conference',
	},
	{
		value: 'participant-join',
		name: 'Participant Joined',
		description: 'Someone joined the conference',
		family: 'conference',
	},
	{
		value: 'participant-leave',
		name: 'Participant Left',
		description: 'Someone left or was removed',
		family: 'conference',
	},
	{
		value: 'participant-mute',
		name: 'Participant Muted',
		description: 'A participant was muted',
		family: 'conference',
	},
	{
		value: 'participant-unmute',
		name: 'Participant Unmuted',
		description: 'A participant was unmuted',
		family: 'conference',
	},
	{
		value: 'participant-hold',
		name: 'Participant Put On Hold',
		description: 'A participant was put on hold',
		family: 'conference',
	},
	{
		value: 'participant-unhold',
		name: 'Participant Taken Off Hold',
		description: 'A participant was taken off hold',
		family: 'conference',
	},
	{
		value: 'participant-modify',
		name: 'Participant Modified',
		description: 'A participant changed, e.g. coaching was turned on',
		family: 'conference',
	},
	{
		value: 'participant-speech-start',
		name: 'Participant Started Speaking',
		description: 'A participant began to speak (frequent)',
		family: 'conference',
	},
	{
		value: 'participant-speech-stop',
		name: 'Participant Stopped Speaking',
		description: 'A participant stopped speaking (frequent)',
		family: 'conference',
	},
	{
		value: 'announcement-end',
		name: 'Announcement Ended',
		description: 'An announcement to the conference finished',
		family: 'conference',
	},
	{
		value: 'announcement-fail',
		name: 'Announcement Failed',
		description: 'An announcement to the conference could not be played',
		family: 'conference',
	},
	{
		value: 'call-initiated',
		name: 'Call Initiated',
		description: "Twilio started dialling a participant's call",
		family: 'call',
	},
	{ value: 'call-ringing', name: 'Call Ringing', description: "A participant's phone is ringing", family: 'call' },
	{ value: 'call-answered', name: 'Call Answered', description: "A participant's call was answered", family: 'call' },
	{
		value: 'call-completed',
		name: 'Call Completed',
		description: "A participant's call ended (completed, busy, failed, no answer or canceled)",
		family: 'call',
	},
	{
		value: 'recording-in-progress',
		name: 'Recording In Progress',
		description: 'A conference or participant recording started',
		family: 'recording',
	},
	{
		value: 'recording-completed',
		name: 'Recording Completed',
		description: 'A recording is ready to download',
		family: 'recording',
	},
	{
		value: 'recording-absent',
		name: 'Recording Absent',
		description: 'A recording ended with no audio',
		family: 'recording',
	},
	{
		value: 'recording-failed',
		name: 'Recording Failed',
		description: 'A recording could not be made',
		family: 'recording',
	},
	{ value: 'recording-paused', name: 'Recording Paused', description: 'A recording was paused', family: 'recording' },
	{
		value: 'recording-resumed',
		name: 'Recording Resumed',
		description: 'A paused recording was resumed',
		family: 'recording',
	},
	{
		value: 'recording-stopped',
		name: 'Recording Stopped',
		description: 'A recording was stopped',
		family: 'recording',
	},
];

const BY_VALUE = new Map(EVENTS.map((event) => [event.value, event]));

export const EVENT_OPTIONS: INodePropertyOptions[] = EVENTS.map(({ name, value, description }) => ({
	name,
	value,
	description,
})).sort((a, b) => a.name.localeCompare(b.name));

/** Everything a conference workflow usually reacts to; the frequent speech events and early call stages are left out. */
export const DEFAULT_EVENTS = [
	'conference-start',
	'conference-end',
	'participant-join',
	'participant-leave',
	'participant-mute',
	'participant-unmute',
	'participant-hold',
	'participant-unhold',
	'call-completed',
	'recording-completed',
];

const CALL_STATUS_EVENT: Record<string, string> = {
	queued: 'call-initiated',
	initiated: 'call-initiated',
	ringing: 'call-ringing',
	answered: 'call-answered',
	'in-progress': 'call-answered',
	completed: 'call-completed',
	busy: 'call-completed',
	failed: 'call-completed',
	'no-answer': 'call-completed',
	canceled: 'call-completed',
};

/** Groups repeated names into arrays, as the raw copy in the output keeps them. */
export function rawParameters(params: Array<[string, string]>): IDataObject {
	const raw: Record<string, string | string[]> = {};
	for (const [name, value] of params) {
		const existing = raw[name];
		if (existing === undefined) raw[name] = value;
		else raw[name] = Array.isArray(existing) ? [...existing, value] : [existing, value];
	}
	return raw;
}

const first = (value: IDataObject[string]): string | undefined =>
	Array.isArray(value) ? String(value[0]) : value === undefined ? undefined : String(value);

/** The normalised event name, or undefined for a callback this trigger does not know. */
export function eventOf(raw: IDataObject): { event: string; family: EventFamily } | undefined {
	const conferenceEvent = first(raw.StatusCallbackEvent)?.trim().toLowerCase();
	if (conferenceEvent) {
		const info = BY_VALUE.get(conferenceEvent);
		return info?.family === 'conference' ? { event: info.value, family: 'conference' } : undefined;
	}
	const recordingStatus = first(raw.RecordingStatus)?.trim().toLowerCase();
	if (recordingStatus) {
		const info = BY_VALUE.get(`recording-${recordingStatus}`);
		return info ? { event: info.value, family: 'recording' } : undefined;
	}
	const callStatus = first(raw.CallStatus)?.trim().toLowerCase();
	const callEvent = callStatus ? CALL_STATUS_EVENT[callStatus] : undefined;
	return callEvent ? { event: callEvent, family: 'call' } : undefined;
}

const BOOLEANS = new Set(['Muted', 'Hold', 'Coaching', 'EndConferenceOnExit', 'StartConferenceOnEnter', 'Beep']);
const INTEGERS = new Set([
	'SequenceNumber',
	'CallDuration',
	'Duration',
	'RecordingDuration',
	'RecordingChannels',
	'ErrorCode',
	'SipResponseCode',
	'QueueTime',
]);
const DATES = new Set(['Timestamp', 'RecordingStartTime']);

function typed(name: string, value: string): string | number | boolean {
	if (BOOLEANS.has(name)) {
		const lower = value.toLowerCase();
		if (lower === 'true') return true;
		if (lower === 'false') return false;
		return value;
	}
	if (INTEGERS.has(name)) return /^-?\d+$/.test(value) ? Number(value) : value;
	if (DATES.has(name)) {
		const time = Date.parse(value);
		return Number.isNaN(time) ? value : new Date(time).toISOString();
	}
	return value;
}

/** One output item: the event's name and family, Twilio's parameters typed, and the parameters as sent. */
export function eventItem(params: Array<[string, string]>): IDataObject | undefined {
	const raw = rawParameters(params);
	const kind = eventOf(raw);
	if (!kind) return undefined;
	const item: IDataObject = { event: kind.event, eventFamily: kind.family };
	if (kind.family === 'recording') {
		const source = first(raw.RecordingSource) ?? '';
		item.recordingOf = /conference/i.test(source) ? 'conference' : 'participant';
	}
	for (const [name, value] of Object.entries(raw)) {
		item[name] = Array.isArray(value) ? value.map((one) => typed(name, String(one))) : typed(name, String(value));
	}
	item.raw = raw;
	return item;
}

export interface EventFilters {
	conferenceSid?: string;
	friendlyName?: string;
}

/** Filters match only events that name the conference; call status events and participant recordings do not. */
export function passesFilters(raw: IDataObject, filters: EventFilters): boolean {
	const sid = filters.conferenceSid?.trim();
	if (sid && first(raw.ConferenceSid) !== sid) return false;
	const name = filters.friendlyName;
	if (name && first(raw.FriendlyName) !== name) return false;
	return true;
}
