/**
 * Create's 58 optional parameters, one row each, grouped as the editor shows them (one collection per group).
 * A row holds what the user sees (displayName, name), the wire name (api) and the checks made before sending;
 * helpers/fields.ts turns a row into its editor field with routing to the body under `api`.
 * Each table is kept one row to a line (`// prettier-ignore`): spread over ten lines each, the rows would no longer
 * read as a list of Twilio's parameters.
 */
import type { FieldRow } from '../../helpers/apiParameters';
import { events, shared, trimValues } from '../../helpers/apiParameters';

/** Additional fields: who the participant is, how they join, and the call that brings them in. */
// prettier-ignore
export const ADDITIONAL_FIELDS: FieldRow[] = [
	{ displayName: 'Label', name: 'label', api: 'Label', kind: 'label', placeholder: 'e.g. customer', description: 'Your own name for this participant, unique in the conference (up to 128 characters, no "/"). Get, Update and Delete accept it in place of the Call SID.' },
	{ displayName: 'Muted', name: 'muted', api: 'Muted', kind: 'boolean', default: false, description: 'Whether the participant joins with their microphone muted' },
	{ displayName: 'Beep', name: 'beep', api: 'Beep', kind: 'options', default: 'true', values: [['Never', 'false'], ['On Enter and Exit', 'true'], ['On Enter Only', 'onEnter'], ['On Exit Only', 'onExit']], description: 'When the conference hears a tone for this participant joining or leaving' },
	{ displayName: 'Start Conference On Enter', name: 'startConferenceOnEnter', api: 'StartConferenceOnEnter', kind: 'boolean', default: true, description: 'Whether the conference starts when this participant joins, if it has not started yet' },
	shared.EndConferenceOnExit,
	shared.Coaching,
	shared.CallSidToCoach,
	shared.WaitUrl,
	shared.WaitMethod,
	{ displayName: 'Early Media', name: 'earlyMedia', api: 'EarlyMedia', kind: 'boolean', default: true, description: 'Whether the participant hears the outbound call ringing or failing before it is answered' },
	{ displayName: 'Timeout', name: 'timeout', api: 'Timeout', kind: 'integer', min: 5, max: 600, default: 60, description: 'Seconds the phone may ring before the call counts as unanswered (5 to 600)' },
	{ displayName: 'Time Limit', name: 'timeLimit', api: 'TimeLimit', kind: 'integer', min: 1, max: 86400, default: 14400, description: 'Longest the call may last, in seconds (1 to 86400)' },
	{ displayName: 'Caller ID', name: 'callerId', api: 'CallerId', kind: 'string', placeholder: 'e.g. +15017122661', description: 'Caller ID shown to the called party: a Twilio or verified number, a client identifier, or a SIP user name' },
	{ displayName: 'Caller Display Name', name: 'callerDisplayName', api: 'CallerDisplayName', kind: 'string', minLength: 2, maxLength: 255, description: 'Name shown to the called party (2 to 255 characters)' },
	{ displayName: 'Call Reason', name: 'callReason', api: 'CallReason', kind: 'string', placeholder: 'e.g. Your appointment reminder', description: "Why you are calling, shown on the called party's phone (Branded Calls)" },
	{ displayName: 'Status Callback', name: 'statusCallback', api: 'StatusCallback', kind: 'url', placeholder: 'e.g. https://example.com/call-status', description: 'URL Twilio notifies as the call passes the events chosen in Status Callback Event' },
	{ displayName: 'Status Callback Method', name: 'statusCallbackMethod', api: 'StatusCallbackMethod', kind: 'method', default: 'POST', description: 'HTTP method Twilio uses to call Status Callback' },
	{ displayName: 'Status Callback Event', name: 'statusCallbackEvent', api: 'StatusCallbackEvent', kind: 'multiOptions', values: events('initiated', 'ringing', 'answered', 'completed'), default: ['completed'], description: 'Call progress events reported to Status Callback. Twilio reports only Completed when none is chosen.', hint: 'Only used with a Status Callback' },
	{ displayName: 'Jitter Buffer Size', name: 'jitterBufferSize', api: 'JitterBufferSize', kind: 'options', default: 'large', values: [['Large', 'large'], ['Medium', 'medium'], ['Off', 'off'], ['Small', 'small']], description: 'How much audio the jitter buffer holds: larger copes better with poor networks but adds delay' },
	{ displayName: 'BYOC', name: 'byoc', api: 'Byoc', kind: 'sid', sidPrefix: 'BY', placeholder: 'e.g. BY0123456789abcdef0123456789abcdef', description: 'Bring Your Own Carrier trunk to route the call through; only used when To is a phone number' },
	{ displayName: 'Call Token', name: 'callToken', api: 'CallToken', kind: 'password', description: 'Token from an incoming call that lets this forwarded call keep the original caller details' },
	{ displayName: 'Client Notification URL', name: 'clientNotificationUrl', api: 'ClientNotificationUrl', kind: 'url', placeholder: 'e.g. https://example.com/push', description: 'URL that delivers push notifications for calls to Voice SDK clients' },
	{ displayName: 'Passports', name: 'passports', api: 'Passports', kind: 'string', maxEntries: 5, base64: true, description: 'Base64-encoded passports to attach to the call, up to five, separated by commas' },
	{ displayName: 'SIP Auth Username', name: 'sipAuthUsername', api: 'SipAuthUsername', kind: 'string', description: 'User name Twilio authenticates with when To is a SIP address', hint: 'Only used when To is a SIP address' },
	{ displayName: 'SIP Auth Password', name: 'sipAuthPassword', api: 'SipAuthPassword', kind: 'password', description: 'Password Twilio authenticates with when To is a SIP address', hint: 'Only used when To is a SIP address' },
];

/** Conference Options: settings of the conference itself, which Twilio takes from the participant that starts it. */
// prettier-ignore
export const CONFERENCE_OPTIONS: FieldRow[] = [
	{ displayName: 'Max Participants', name: 'maxParticipants', api: 'MaxParticipants', kind: 'integer', min: 2, max: 250, default: 250, description: 'Most participants the conference may hold (2 to 250)' },
	{ displayName: 'Region', name: 'region', api: 'Region', kind: 'options', values: [['Australia (AU1)', 'au1'], ['Automatic', ''], ['Brazil (BR1)', 'br1'], ['Germany (DE1)', 'de1'], ['Ireland (IE1)', 'ie1'], ['Japan (JP1)', 'jp1'], ['Singapore (SG1)', 'sg1'], ['US East (US1)', 'us1'], ['US West (US2)', 'us2']], default: '', description: "Twilio region that mixes the conference's audio. Automatic sends nothing and lets Twilio choose." },
	{ displayName: 'Conference Status Callback', name: 'conferenceStatusCallback', api: 'ConferenceStatusCallback', kind: 'url', placeholder: 'e.g. https://example.com/conference-events', description: 'URL Twilio notifies when the conference events chosen in Conference Status Callback Event happen' },
	{ displayName: 'Conference Status Callback Method', name: 'conferenceStatusCallbackMethod', api: 'ConferenceStatusCallbackMethod', kind: 'method', default: 'POST', description: 'HTTP method Twilio uses to call Conference Status Callback' },
	{ displayName: 'Conference Status Callback Event', name: 'conferenceStatusCallbackEvent', api: 'ConferenceStatusCallbackEvent', kind: 'multiOptions', values: events('start', 'end', 'join', 'leave', 'mute', 'hold', 'modify', 'speaker', 'announcement'), default: ['start', 'end'], description: 'Conference events reported to Conference Status Callback', hint: 'Only used with a Conference Status Callback' },
];

/** Recording Options: recording this participant's call, or the whole conference. */
// prettier-ignore
export const RECORDING_OPTIONS: FieldRow[] = [
	{ displayName: 'Record', name: 'record', api: 'Record', kind: 'boolean', default: false, description: "Whether to record this participant's call, including time spent outside the conference" },
	{ displayName: 'Recording Channels', name: 'recordingChannels', api: 'RecordingChannels', kind: 'options', default: 'mono', values: [['Dual', 'dual'], ['Mono', 'mono']], description: 'Whether the recording mixes both sides into one channel or keeps them on two' },
	{ displayName: 'Recording Track', name: 'recordingTrack', api: 'RecordingTrack', kind: 'options', default: 'both', values: [['Both', 'both'], ['Inbound', 'inbound'], ['Outbound', 'outbound']], description: 'Which audio of the call is recorded: what the participant says, what they hear, or both' },
	{ displayName: 'Trim', name: 'trim', api: 'Trim', kind: 'options', default: 'trim-silence', values: trimValues, description: "Whether silence at the start and end of the participant's recording is cut" },
	{ displayName: 'Recording Status Callback', name: 'recordingStatusCallback', api: 'RecordingStatusCallback', kind: 'url', placeholder: 'e.g. https://example.com/recording-status', description: "URL Twilio notifies about the participant's recording" },
	{ displayName: 'Recording Status Callback Method', name: 'recordingStatusCallbackMethod', api: 'RecordingStatusCallbackMethod', kind: 'method', default: 'POST', description: 'HTTP method Twilio uses to call Recording Status Callback' },
	{ displayName: 'Recording Status Callback Event', name: 'recordingStatusCallbackEvent', api: 'RecordingStatusCallbackEvent', kind: 'multiOptions', values: events('started', 'in-progress', 'paused', 'resumed', 'stopped', 'completed', 'failed', 'absent'), default: [], description: "Recording events of the participant's call reported to Recording Status Callback", hint: 'Only used with a Recording Status Callback' },
	{ displayName: 'Conference Record', name: 'conferenceRecord', api: 'ConferenceRecord', kind: 'options', default: 'false', values: [['Do Not Record', 'do-not-record'], ['False', 'false'], ['Record From Start', 'record-from-start'], ['True', 'true']], description: 'Whether the whole conference this participant joins is recorded' },
	{ displayName: 'Conference Trim', name: 'conferenceTrim', api: 'ConferenceTrim', kind: 'options', default: 'trim-silence', values: trimValues, description: 'Whether silence at the start and end of the conference recording is cut' },
	{ displayName: 'Conference Recording Status Callback', name: 'conferenceRecordingStatusCallback', api: 'ConferenceRecordingStatusCallback', kind: 'url', placeholder: 'e.g. https://example.com/conference-recording', description: 'URL Twilio notifies about the conference recording' },
	{ displayName: 'Conference Recording Status Callback Method', name: 'conferenceRecordingStatusCallbackMethod', api: 'ConferenceRecordingStatusCallbackMethod', kind: 'method', default: 'POST', description: 'HTTP method Twilio uses to call Conference Recording Status Callback' },
	{ displayName: 'Conference Recording Status Callback Event', name: 'conferenceRecordingStatusCallbackEvent', api: 'ConferenceRecordingStatusCallbackEvent', kind: 'multiOptions', values: events('in-progress', 'completed', 'failed', 'absent'), default: [], description: 'Conference recording events reported to Conference Recording Status Callback', hint: 'Only used with a Conference Recording Status Callback' },
	{ displayName: 'Recording Configuration ID', name: 'recordingConfigurationId', api: 'RecordingConfigurationId', kind: 'string', description: 'ID of a recording configuration to apply to this call' },
];

/** Answering Machine Detection: whether a person or a machine answered, and how to decide. */
// prettier-ignore
export const MACHINE_DETECTION: FieldRow[] = [
	{ displayName: 'Machine Detection', name: 'machineDetection', api: 'MachineDetection', kind: 'options', default: '', values: [['Detect Message End', 'DetectMessageEnd'], ['Enable', 'Enable'], ['Off', '']], description: 'Whether to detect an answering machine, and whether to wait for its greeting to end before reporting. Off, as Twilio does unless asked, sends nothing.' },
	{ displayName: 'Machine Detection Timeout', name: 'machineDetectionTimeout', api: 'MachineDetectionTimeout', kind: 'integer', min: 1, default: 30, description: 'Seconds allowed for deciding whether a person or a machine answered', hint: 'Only used when Machine Detection is set' },
	{ displayName: 'Machine Detection Speech Threshold', name: 'machineDetectionSpeechThreshold', api: 'MachineDetectionSpeechThreshold', kind: 'integer', min: 1000, max: 6000, default: 2400, description: 'Milliseconds of continuous speech after which the answer counts as a machine greeting (1000 to 6000)', hint: 'Only used when Machine Detection is set' },
	{ displayName: 'Machine Detection Speech End Threshold', name: 'machineDetectionSpeechEndThreshold', api: 'MachineDetectionSpeechEndThreshold', kind: 'integer', min: 500, max: 5000, default: 1200, description: 'Milliseconds of silence that mark the end of speech (500 to 5000)', hint: 'Only used when Machine Detection is set' },
	{ displayName: 'Machine Detection Silence Timeout', name: 'machineDetectionSilenceTimeout', api: 'MachineDetectionSilenceTimeout', kind: 'integer', min: 2000, max: 10000, default: 5000, description: 'Milliseconds of initial silence after which the answer is reported as unknown (2000 to 10000)', hint: 'Only used when Machine Detection is set' },
	{ displayName: 'AMD Status Callback', name: 'amdStatusCallback', api: 'AmdStatusCallback', kind: 'url', placeholder: 'e.g. https://example.com/amd-result', description: 'URL that receives the answering machine detection result without holding up the call', hint: 'Only used when Machine Detection is set' },
	{ displayName: 'AMD Status Callback Method', name: 'amdStatusCallbackMethod', api: 'AmdStatusCallbackMethod', kind: 'method', default: 'POST', description: 'HTTP method Twilio uses to call AMD Status Callback', hint: 'Only used when Machine Detection is set' },
];

/** Emergency Calling: caller details passed on with an emergency call. */
// prettier-ignore
export const EMERGENCY_CALLING: FieldRow[] = [
	{ displayName: 'Emergency Caller Position', name: 'emergencyCallerPosition', api: 'EmergencyCallerPosition', kind: 'string', placeholder: 'e.g. 37.7749 -122.4194', description: "Emergency calls: the caller's position as latitude and longitude separated by a space (Twilio reads the first 150 characters)" },
	{ displayName: 'Emergency Caller Location', name: 'emergencyCallerLocation', api: 'EmergencyCallerLocation', kind: 'string', description: "Emergency calls: where the caller is, in words (Twilio reads the first 20 characters)" },
	{ displayName: 'Emergency Name', name: 'emergencyName', api: 'EmergencyName', kind: 'string', description: "Emergency calls: the caller's name (Twilio reads the first 20 characters)" },
	{ displayName: 'Emergency Address', name: 'emergencyAddress', api: 'EmergencyAddress', kind: 'string', description: "Emergency calls: the caller's street address (Twilio reads the first 60 characters)" },
	{ displayName: 'Emergency ZIP Code', name: 'emergencyZipCode', api: 'EmergencyZipCode', kind: 'string', description: "Emergency calls: the caller's postal code (Twilio reads the first 20 characters)" },
	{ displayName: 'Emergency City', name: 'emergencyCity', api: 'EmergencyCity', kind: 'string', description: "Emergency calls: the caller's city (Twilio reads the first 20 characters)" },
	{ displayName: 'Emergency State', name: 'emergencyState', api: 'EmergencyState', kind: 'string', description: "Emergency calls: the caller's state or province (Twilio reads the first 20 characters)" },
	{ displayName: 'Emergency Country', name: 'emergencyCountry', api: 'EmergencyCountry', kind: 'options', default: '', values: [['Canada', 'CA'], ['Not Given', ''], ['United States', 'US']], description: "Emergency calls: the caller's country. Not Given sends nothing." },
];

/** Every optional Create parameter, for the checks and the form encoding. */
export const CREATE_PARAMETERS: FieldRow[] = [
	...ADDITIONAL_FIELDS,
	...CONFERENCE_OPTIONS,
	...RECORDING_OPTIONS,
	...MACHINE_DETECTION,
	...EMERGENCY_CALLING,
];
