/**
 * How a Twilio form parameter is described: its wire name, kind and checks. The rows live beside the operation
 * that sends them (resources/participant/*.fields.ts, update.operation.ts); the few that Create and Update share
 * are below. Each row gives its editor field, the checks made before sending and its form encoding.
 */
export type ParameterKind =
	| 'boolean'
	| 'integer'
	| 'label'
	| 'method'
	| 'multiOptions'
	| 'options'
	| 'password'
	| 'sid'
	| 'string'
	| 'url';

export interface ApiParameter {
	/** Twilio's form key, e.g. `StatusCallbackEvent`. */
	api: string;
	kind: ParameterKind;
	description: string;
	/** Allowed values as [label, value]; required for options and multiOptions. */
	values?: Array<[string, string]>;
	min?: number;
	max?: number;
	minLength?: number;
	maxLength?: number;
	/** For kind `sid`: the two-letter prefix of a 34-character Twilio SID. */
	sidPrefix?: string;
	/** Value shown when the field is added to the collection; Twilio's own default where it has one. */
	default?: boolean | number | string | string[];
	placeholder?: string;
	/** For free text: the largest number of comma-separated entries. */
	maxEntries?: number;
	/** The empty string is a value of its own for Twilio (Wait URL: play nothing), sent when the field is added. */
	allowEmpty?: boolean;
	/** For free text: each comma-separated entry must be base64. */
	base64?: boolean;
	hint?: string;
}

/** A parameter the user sets in an editor field: its display name and field name, written out so a search finds them. */
export interface FieldRow extends ApiParameter {
	displayName: string;
	name: string;
}

export const events = (...values: string[]): Array<[string, string]> =>
	values.map((value) => [
		value.replace(/(^|-)(\w)/g, (_m, sep: string, c: string) => (sep ? ' ' : '') + c.toUpperCase()),
		value,
	]);

export const trimValues: Array<[string, string]> = [
	['Do Not Trim', 'do-not-trim'],
	['Trim Silence', 'trim-silence'],
];

/** Parameters that Create and Update describe the same way. */
export const shared = {
	Coaching: {
		displayName: 'Coaching',
		name: 'coaching',
		api: 'Coaching',
		kind: 'boolean',
		default: false,
		description:
			'Whether this participant coaches another call: only the coached participant hears them. Needs Call SID To Coach.',
		hint: 'Add Call SID To Coach as well',
	},
	CallSidToCoach: {
		displayName: 'Call SID To Coach',
		name: 'callSidToCoach',
		api: 'CallSidToCoach',
		kind: 'sid',
		sidPrefix: 'CA',
		placeholder: 'e.g. CA0123456789abcdef0123456789abcdef',
		description: 'Call SID of the participant being coached. Required when Coaching is on.',
		hint: 'Needed, and only used, when Coaching is on',
	},
	EndConferenceOnExit: {
		displayName: 'End Conference On Exit',
		name: 'endConferenceOnExit',
		api: 'EndConferenceOnExit',
		kind: 'boolean',
		default: false,
		description: 'Whether the conference ends for everyone when this participant leaves',
	},
	WaitUrl: {
		displayName: 'Wait URL',
		name: 'waitUrl',
		api: 'WaitUrl',
		kind: 'url',
		allowEmpty: true,
		placeholder: 'e.g. https://example.com/hold-music.xml',
		description:
			'TwiML document or audio file played while the conference has not started yet. Added but left empty, nothing is played; not added, Twilio plays its own music.',
	},
	WaitMethod: {
		displayName: 'Wait Method',
		name: 'waitMethod',
		api: 'WaitMethod',
		kind: 'method',
		default: 'POST',
		description: 'HTTP method Twilio uses to fetch Wait URL',
	},
} satisfies Record<string, FieldRow>;

/** Conference → Announce. */
export const ANNOUNCE_PARAMETERS: FieldRow[] = [
	{
		displayName: 'Announce URL',
		name: 'announceUrl',
		api: 'AnnounceUrl',
		kind: 'url',
		placeholder: 'e.g. https://example.com/announcement.xml',
		description:
			'MP3 or WAV file, or TwiML document (Play, Say, Pause, Redirect), played to everyone in the conference',
	},
	{
		displayName: 'Announce Method',
		name: 'announceMethod',
		api: 'AnnounceMethod',
		kind: 'method',
		default: 'POST',
		description: 'HTTP method Twilio uses to fetch Announce URL',
	},
];

/** Conference → End: the one status an update can set. */
export const END_PARAMETERS: FieldRow[] = [
	{
		displayName: 'Status',
		name: 'status',
		api: 'Status',
		kind: 'options',
		values: [['Completed', 'completed']],
		description: '',
	},
];

/** Conference Recording → Update. */
export const RECORDING_UPDATE_PARAMETERS: FieldRow[] = [
	{
		displayName: 'Status',
		name: 'status',
		api: 'Status',
		kind: 'options',
		values: [
			['In Progress (Resume)', 'in-progress'],
			['Paused', 'paused'],
			['Stopped', 'stopped'],
		],
		default: 'paused',
		description:
			'What the recording does now: pause, resume after a pause, or stop for good (a stopped recording cannot be resumed)',
	},
	{
		displayName: 'Pause Behavior',
		name: 'pauseBehavior',
		api: 'PauseBehavior',
		kind: 'options',
		values: [
			['Silence', 'silence'],
			['Skip', 'skip'],
		],
		default: 'silence',
		description:
			"What the recording holds for the paused time: silence of the same length (Twilio's default), or nothing at all",
	},
];
