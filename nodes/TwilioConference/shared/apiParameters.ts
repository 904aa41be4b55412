/**
 * Every optional form parameter the node can send, described once as data. The editor fields, the checks made
 * before sending and the form encoding are all derived from these rows.
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

const events = (...values: string[]): Array<[string, string]> =>
	values.map((value) => [value.replace(/(^|-)(\w)/g, (_m, sep: string, c: string) => (sep ? ' ' : '') + c.toUpperCase()), value]);

const trimValues: Array<[string, string]> = [
	['Do Not Trim', 'do-not-trim'],
	['Trim Silence', 'trim-silence'],
];

/** Parameters that Create and Update describe the same way. */
const shared = {
	Coaching: {
		api: 'Coaching',
		kind: 'boolean',
		default: false,
		description:
			'Whether this participant coaches another call: only the coached participant hears them. Needs Call SID To Coach.',
		hint: 'Add Call SID To Coach as well',
	},
	CallSidToCoach: {
		api: 'CallSidToCoach',
		kind: 'sid',
		sidPrefix: 'CA',
		placeholder: 'e.g. CA0123456789abcdef0123456789abcdef',
		description: 'Call SID of the participant being coached. Required when Coaching is on.',
		hint: 'Needed, and only used, when Coaching is on',
	},
	EndConferenceOnExit: {
		api: 'EndConferenceOnExit',
		kind: 'boolean',
		default: false,
		description: 'Whether the conference ends for everyone when this participant leaves',
	},
	WaitUrl: {
		api: 'WaitUrl',
		kind: 'url',
		allowEmpty: true,
		placeholder: 'e.g. https://example.com/hold-music.xml',
		description: 'TwiML document or audio file played while the conference has not started yet. Added but left empty, nothing is played; not added, Twilio plays its own music.',
	},
	WaitMethod: {
		api: 'WaitMethod',
		kind: 'method',
		default: 'POST',
		description: 'HTTP method Twilio uses to fetch Wait URL',
	},
} satisfies Record<string, ApiParameter>;

/** The 58 optional parameters of Create (From and To are fields of their own). */
export const CREATE_PARAMETERS: ApiParameter[] = [
	{ api: 'StatusCallback', kind: 'url', placeholder: 'e.g. https://example.com/call-status', description: 'URL Twilio notifies as the call passes the events chosen in Status Callback Event' },
	{ api: 'StatusCallbackMethod', kind: 'method', default: 'POST', description: 'HTTP method Twilio uses to call Status Callback' },
	{ api: 'StatusCallbackEvent', kind: 'multiOptions', values: events('initiated', 'ringing', 'answered', 'completed'), default: ['completed'], description: 'Call progress events reported to Status Callback. Twilio reports only Completed when none is chosen.', hint: 'Only used with a Status Callback' },
	{ api: 'Label', kind: 'label', placeholder: 'e.g. customer', description: 'Your own name for this participant, unique in the conference (up to 128 characters, no "/"). Get, Update and Delete accept it in place of the Call SID.' },
	{ api: 'Timeout', kind: 'integer', min: 5, max: 600, default: 60, description: 'Seconds the phone may ring before the call counts as unanswered (5 to 600)' },
	{ api: 'Record', kind: 'boolean', default: false, description: "Whether to record this participant's call, including time spent outside the conference" },
	{ api: 'Muted', kind: 'boolean', default: false, description: 'Whether the participant joins with their microphone muted' },
	{ api: 'Beep', kind: 'options', default: 'true', values: [['Never', 'false'], ['On Enter and Exit', 'true'], ['On Enter Only', 'onEnter'], ['On Exit Only', 'onExit']], description: 'When the conference hears a tone for this participant joining or leaving' },
	{ api: 'StartConferenceOnEnter', kind: 'boolean', default: true, description: 'Whether the conference starts when this participant joins, if it has not started yet' },
	shared.EndConferenceOnExit,
	shared.WaitUrl,
	shared.WaitMethod,
	{ api: 'EarlyMedia', kind: 'boolean', default: true, description: 'Whether the participant hears the outbound call ringing or failing before it is answered' },
	{ api: 'MaxParticipants', kind: 'integer', min: 2, max: 250, default: 250, description: 'Most participants the conference may hold (2 to 250)' },
	{ api: 'ConferenceRecord', kind: 'options', default: 'false', values: [['Do Not Record', 'do-not-record'], ['False', 'false'], ['Record From Start', 'record-from-start'], ['True', 'true']], description: 'Whether the whole conference this participant joins is recorded' },
	{ api: 'ConferenceTrim', kind: 'options', default: 'trim-silence', values: trimValues, description: 'Whether silence at the start and end of the conference recording is cut' },
	{ api: 'ConferenceStatusCallback', kind: 'url', placeholder: 'e.g. https://example.com/conference-events', description: 'URL Twilio notifies when the conference events chosen in Conference Status Callback Event happen' },
	{ api: 'ConferenceStatusCallbackMethod', kind: 'method', default: 'POST', description: 'HTTP method Twilio uses to call Conference Status Callback' },
	{ api: 'ConferenceStatusCallbackEvent', kind: 'multiOptions', values: events('start', 'end', 'join', 'leave', 'mute', 'hold', 'modify', 'speaker', 'announcement'), default: ['start', 'end'], description: 'Conference events reported to Conference Status Callback', hint: 'Only used with a Conference Status Callback' },
	{ api: 'RecordingChannels', kind: 'options', default: 'mono', values: [['Dual', 'dual'], ['Mono', 'mono']], description: 'Whether the recording mixes both sides into one channel or keeps them on two' },
	{ api: 'RecordingStatusCallback', kind: 'url', placeholder: 'e.g. https://example.com/recording-status', description: "URL Twilio notifies about the participant's recording" },
	{ api: 'RecordingStatusCallbackMethod', kind: 'method', default: 'POST', description: 'HTTP method Twilio uses to call Recording Status Callback' },
	{ api: 'SipAuthUsername', kind: 'string', description: 'User name Twilio authenticates with when To is a SIP address', hint: 'Only used when To is a SIP address' },
	{ api: 'SipAuthPassword', kind: 'password', description: 'Password Twilio authenticates with when To is a SIP address', hint: 'Only used when To is a SIP address' },
	{ api: 'Region', kind: 'options', values: [['Australia (au1)', 'au1'], ['Automatic', ''], ['Brazil (br1)', 'br1'], ['Germany (de1)', 'de1'], ['Ireland (ie1)', 'ie1'], ['Japan (jp1)', 'jp1'], ['Singapore (sg1)', 'sg1'], ['US East (us1)', 'us1'], ['US West (us2)', 'us2']], default: '', description: "Twilio region that mixes the conference's audio. Automatic sends nothing and lets Twilio choose." },
	{ api: 'ConferenceRecordingStatusCallback', kind: 'url', placeholder: 'e.g. https://example.com/conference-recording', description: 'URL Twilio notifies about the conference recording' },
	{ api: 'ConferenceRecordingStatusCallbackMethod', kind: 'method', default: 'POST', description: 'HTTP method Twilio uses to call Conference Recording Status Callback' },
	{ api: 'RecordingStatusCallbackEvent', kind: 'multiOptions', values: events('started', 'in-progress', 'paused', 'resumed', 'stopped', 'completed', 'failed', 'absent'), default: [], description: "Recording events of the participant's call reported to Recording Status Callback", hint: 'Only used with a Recording Status Callback' },
	{ api: 'ConferenceRecordingStatusCallbackEvent', kind: 'multiOptions', values: events('in-progress', 'completed', 'failed', 'absent'), default: [], description: 'Conference recording events reported to Conference Recording Status Callback', hint: 'Only used with a Conference Recording Status Callback' },
	shared.Coaching,
	shared.CallSidToCoach,
	{ api: 'JitterBufferSize', kind: 'options', default: 'large', values: [['Large', 'large'], ['Medium', 'medium'], ['Off', 'off'], ['Small', 'small']], description: 'How much audio the jitter buffer holds: larger copes better with poor networks but adds delay' },
	{ api: 'Byoc', kind: 'sid', sidPrefix: 'BY', placeholder: 'e.g. BY0123456789abcdef0123456789abcdef', description: 'Bring Your Own Carrier trunk to route the call through; only used when To is a phone number' },
	{ api: 'CallerId', kind: 'string', placeholder: 'e.g. +15017122661', description: 'Caller ID shown to the called party: a Twilio or verified number, a client identifier, or a SIP user name' },
	{ api: 'CallReason', kind: 'string', placeholder: 'e.g. Your appointment reminder', description: "Why you are calling, shown on the called party's phone (Branded Calls)" },
	{ api: 'RecordingTrack', kind: 'options', default: 'both', values: [['Both', 'both'], ['Inbound', 'inbound'], ['Outbound', 'outbound']], description: 'Which audio of the call is recorded: what the participant says, what they hear, or both' },
	{ api: 'TimeLimit', kind: 'integer', min: 1, max: 86400, default: 14400, description: 'Longest the call may last, in seconds (1 to 86400)' },
	{ api: 'MachineDetection', kind: 'options', default: '', values: [['Detect Message End', 'DetectMessageEnd'], ['Enable', 'Enable'], ['Off', '']], description: 'Whether to detect an answering machine, and whether to wait for its greeting to end before reporting. Off, as Twilio does unless asked, sends nothing.' },
	{ api: 'MachineDetectionTimeout', kind: 'integer', min: 1, default: 30, description: 'Seconds allowed for deciding whether a person or a machine answered', hint: 'Only used when Machine Detection is set' },
	{ api: 'MachineDetectionSpeechThreshold', kind: 'integer', min: 1000, max: 6000, default: 2400, description: 'Milliseconds of continuous speech after which the answer counts as a machine greeting (1000 to 6000)', hint: 'Only used when Machine Detection is set' },
	{ api: 'MachineDetectionSpeechEndThreshold', kind: 'integer', min: 500, max: 5000, default: 1200, description: 'Milliseconds of silence that mark the end of speech (500 to 5000)', hint: 'Only used when Machine Detection is set' },
	{ api: 'MachineDetectionSilenceTimeout', kind: 'integer', min: 2000, max: 10000, default: 5000, description: 'Milliseconds of initial silence after which the answer is reported as unknown (2000 to 10000)', hint: 'Only used when Machine Detection is set' },
	{ api: 'AmdStatusCallback', kind: 'url', placeholder: 'e.g. https://example.com/amd-result', description: 'URL that receives the answering machine detection result without holding up the call', hint: 'Only used when Machine Detection is set' },
	{ api: 'AmdStatusCallbackMethod', kind: 'method', default: 'POST', description: 'HTTP method Twilio uses to call AMD Status Callback', hint: 'Only used when Machine Detection is set' },
	{ api: 'Trim', kind: 'options', default: 'trim-silence', values: trimValues, description: "Whether silence at the start and end of the participant's recording is cut" },
	{ api: 'CallToken', kind: 'string', description: 'Token from an incoming call that lets this forwarded call keep the original caller details' },
	{ api: 'ClientNotificationUrl', kind: 'url', placeholder: 'e.g. https://example.com/push', description: 'URL that delivers push notifications for calls to Voice SDK clients' },
	{ api: 'CallerDisplayName', kind: 'string', minLength: 2, maxLength: 255, description: 'Name shown to the called party (2 to 255 characters)' },
	{ api: 'RecordingConfigurationId', kind: 'string', description: 'ID of a recording configuration to apply to this call' },
	{ api: 'Passports', kind: 'string', maxEntries: 5, base64: true, description: 'Base64-encoded passports to attach to the call, up to five, separated by commas' },
	{ api: 'EmergencyCallerPosition', kind: 'string', placeholder: 'e.g. 37.7749 -122.4194', description: "Emergency calls: the caller's position as latitude and longitude separated by a space (Twilio reads the first 150 characters)" },
	{ api: 'EmergencyCallerLocation', kind: 'string', description: "Emergency calls: where the caller is, in words (Twilio reads the first 20 characters)" },
	{ api: 'EmergencyName', kind: 'string', description: "Emergency calls: the caller's name (Twilio reads the first 20 characters)" },
	{ api: 'EmergencyAddress', kind: 'string', description: "Emergency calls: the caller's street address (Twilio reads the first 60 characters)" },
	{ api: 'EmergencyZipCode', kind: 'string', description: "Emergency calls: the caller's postal code (Twilio reads the first 20 characters)" },
	{ api: 'EmergencyCity', kind: 'string', description: "Emergency calls: the caller's city (Twilio reads the first 20 characters)" },
	{ api: 'EmergencyState', kind: 'string', description: "Emergency calls: the caller's state or province (Twilio reads the first 20 characters)" },
	{ api: 'EmergencyCountry', kind: 'options', default: '', values: [['Canada', 'CA'], ['Not Given', ''], ['United States', 'US']], description: "Emergency calls: the caller's country. Not Given sends nothing." },
];

/** The 12 parameters of Update. */
export const UPDATE_PARAMETERS: ApiParameter[] = [
	{ api: 'Muted', kind: 'boolean', default: false, description: 'Whether the participant is muted' },
	{ api: 'Hold', kind: 'boolean', default: false, description: 'Whether the participant is on hold' },
	{ api: 'HoldUrl', kind: 'url', placeholder: 'e.g. https://example.com/hold.xml', description: 'TwiML document or audio file played to the participant while on hold', hint: 'Only used when Hold is on' },
	{ api: 'HoldMethod', kind: 'method', default: 'GET', description: 'HTTP method Twilio uses to fetch Hold URL' },
	{ api: 'AnnounceUrl', kind: 'url', placeholder: 'e.g. https://example.com/announcement.xml', description: 'TwiML document or audio file announced to the participant' },
	{ api: 'AnnounceMethod', kind: 'method', default: 'POST', description: 'HTTP method Twilio uses to fetch Announce URL' },
	shared.WaitUrl,
	shared.WaitMethod,
	{ api: 'BeepOnExit', kind: 'boolean', default: true, description: 'Whether the conference hears a tone when this participant leaves' },
	shared.EndConferenceOnExit,
	shared.Coaching,
	shared.CallSidToCoach,
];

/** Conference → Announce: what plays to everyone in the conference. */
export const ANNOUNCE_PARAMETERS: ApiParameter[] = [
	{ api: 'AnnounceUrl', kind: 'url', placeholder: 'e.g. https://example.com/announcement.xml', description: 'MP3 or WAV file, or TwiML document (Play, Say, Pause, Redirect), played to everyone in the conference' },
	{ api: 'AnnounceMethod', kind: 'method', default: 'POST', description: 'HTTP method Twilio uses to fetch Announce URL' },
];

/** Conference → End: the one status an update can set. */
export const END_PARAMETERS: ApiParameter[] = [{ api: 'Status', kind: 'options', values: [['Completed', 'completed']], description: '' }];

/** Conference Recording → Update. */
export const RECORDING_UPDATE_PARAMETERS: ApiParameter[] = [
	{
		api: 'Status',
		kind: 'options',
		values: [['In Progress (Resume)', 'in-progress'], ['Paused', 'paused'], ['Stopped', 'stopped']],
		default: 'paused',
		description: 'What the recording does now: pause, resume after a pause, or stop for good (a stopped recording cannot be resumed)',
	},
	{
		api: 'PauseBehavior',
		kind: 'options',
		values: [['Silence', 'silence'], ['Skip', 'skip']],
		default: 'silence',
		description: 'What the recording holds for the paused time: silence of the same length (Twilio\'s default), or nothing at all',
	},
];
