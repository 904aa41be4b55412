'use strict';
// Parameter rules for creating and updating conference participants, after
// Twilio's Participant resource description, and the checker that applies
// them to a parsed form body.

const { checkTo, checkFrom } = require('./rules');

const HTTP_METHOD = ['GET', 'POST'];
const CA_SID = /^CA[0-9a-fA-F]{32}$/;
const BY_SID = /^BY[0-9a-fA-F]{32}$/;
const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;

const str = { type: 'string' };
const uri = { type: 'uri' };
// WaitUrl has its own error (13233) and, like the others, takes '' (play nothing).
const waitUrl = { type: 'uri', code: 13233 };
const method = { type: 'enum', values: HTTP_METHOD };
const bool = { type: 'bool' };
const int = (min, max) => ({ type: 'int', min, max });
const oneOf = (...values) => ({ type: 'enum', values });
const events = (...values) => ({ type: 'multi', values });

const CREATE_PARAMS = {
	From: { type: 'string', required: true },
	To: { type: 'string', required: true },
	StatusCallback: uri,
	StatusCallbackMethod: method,
	StatusCallbackEvent: events('initiated', 'ringing', 'answered', 'completed'),
	Label: str,
	Timeout: int(5, 600),
	Record: bool,
	Muted: bool,
	Beep: oneOf('true', 'false', 'onEnter', 'onExit'),
	StartConferenceOnEnter: bool,
	EndConferenceOnExit: bool,
	WaitUrl: waitUrl,
	WaitMethod: method,
	EarlyMedia: bool,
	MaxParticipants: int(2, 250),
	ConferenceRecord: oneOf('true', 'false', 'record-from-start', 'do-not-record'),
	ConferenceTrim: oneOf('trim-silence', 'do-not-trim'),
	ConferenceStatusCallback: uri,
	ConferenceStatusCallbackMethod: method,
	ConferenceStatusCallbackEvent: events(
		'start',
		'end',
		'join',
		'leave',
		'mute',
		'hold',
		'modify',
		'speaker',
		'announcement',
	),
	RecordingChannels: oneOf('mono', 'dual'),
	RecordingStatusCallback: uri,
	RecordingStatusCallbackMethod: method,
	SipAuthUsername: str,
	SipAuthPassword: str,
	Region: oneOf('us1', 'us2', 'ie1', 'de1', 'sg1', 'br1', 'au1', 'jp1'),
	ConferenceRecordingStatusCallback: uri,
	ConferenceRecordingStatusCallbackMethod: method,
	RecordingStatusCallbackEvent: events(
		'started',
		'in-progress',
		'paused',
		'resumed',
		'stopped',
		'completed',
		'failed',
		'absent',
	),
	ConferenceRecordingStatusCallbackEvent: events('in-progress', 'completed', 'failed', 'absent'),
	Coaching: bool,
	CallSidToCoach: { type: 'pattern', pattern: CA_SID },
	JitterBufferSize: oneOf('off', 'small', 'medium', 'large'),
	Byoc: { type: 'pattern', pattern: BY_SID },
	CallerId: str,
	CallReason: str,
	RecordingTrack: oneOf('inbound', 'outbound', 'both'),
	TimeLimit: int(1, 86400),
	MachineDetection: oneOf('Enable', 'DetectMessageEnd'),
	MachineDetectionTimeout: int(),
	MachineDetectionSpeechThreshold: int(1000, 6000),
	MachineDetectionSpeechEndThreshold: int(500, 5000),
	MachineDetectionSilenceTimeout: int(2000, 10000),
	AmdStatusCallback: uri,
	AmdStatusCallbackMethod: method,
	Trim: oneOf('trim-silence', 'do-not-trim'),
	CallToken: str,
	ClientNotificationUrl: uri,
	CallerDisplayName: { type: 'string', minLength: 2, maxLength: 255 },
	RecordingConfigurationId: str,
	Passports: { type: 'passports' },
	EmergencyCallerPosition: str,
	EmergencyCallerLocation: str,
	EmergencyName: str,
	EmergencyAddress: str,
	EmergencyZipCode: str,
	EmergencyCity: str,
	EmergencyState: str,
	EmergencyCountry: oneOf('US', 'CA'),
};

const UPDATE_PARAMS = {
	Muted: bool,
	Hold: bool,
	HoldUrl: uri,
	HoldMethod: method,
	AnnounceUrl: uri,
	AnnounceMethod: method,
	WaitUrl: waitUrl,
	WaitMethod: method,
	BeepOnExit: bool,
	EndConferenceOnExit: bool,
	Coaching: bool,
	CallSidToCoach: { type: 'pattern', pattern: CA_SID },
};

class ParamError extends Error {
	constructor(code, message) {
		super(message);
		this.status = 400;
		this.code = code;
	}
}

const invalid = (name, value, rule) => new ParamError(20001, `Invalid value '${value}' for parameter ${name}: ${rule}`);

/** Check one value against its rule; return the typed value or throw ParamError. */
function checkValue(name, spec, value) {
	switch (spec.type) {
		case 'bool':
			if (value === 'true') return true;
			if (value === 'false') return false;
			throw invalid(name, value, "must be 'true' or 'false'");
		case 'int': {
			if (!/^-?\d+$/.test(value)) throw invalid(name, value, 'must be an integer');
			const n = Number(value);
			const lo = spec.min ?? -Infinity;
			const hi = spec.max ?? Infinity;
			if (n < lo || n > hi) throw invalid(name, value, `must be between ${spec.min} and ${spec.max}`);
			return n;
		}
		case 'enum':
			if (!spec.values.includes(value)) {
				throw invalid(name, value, `must be one of ${spec.values.join(', ')}`);
			}
			return value;
		case 'multi':
			// Reached once per form value; a value may itself hold several
			// space-separated events, which Twilio also accepts.
			return value
				.split(' ')
				.filter(Boolean)
				.map((token) => {
					if (!spec.values.includes(token)) {
						throw invalid(name, token, `each event must be one of ${spec.values.join(', ')}`);
					}
					return token;
				});
		case 'pattern':
			if (!spec.pattern.test(value)) throw invalid(name, value, `must match ${spec.pattern.source}`);
			return value;
		case 'uri':
			if (value === '') return value;
			if (isHttpUrl(value)) return value;
			if (spec.code === 13233) {
				throw new ParamError(13233, `Invalid ${name} value '${value}': must be a well-formed URL or the empty string`);
			}
			throw new ParamError(21205, `${name} is not a valid URL: ${value}`);
			return value;
		case 'passports': {
			const list = value.split(',').map((s) => s.trim());
			if (list.length > 5 || list.some((p) => !BASE64.test(p))) {
				throw invalid(name, value, 'must be up to 5 comma-separated base64 strings');
			}
			return value;
		}
		default: {
			const len = [...value].length;
			if (spec.minLength !== undefined && (len < spec.minLength || len > spec.maxLength)) {
				throw invalid(name, value, `must be ${spec.minLength} to ${spec.maxLength} characters long`);
			}
			return value;
		}
	}
}

function isHttpUrl(value) {
	try {
		const u = new URL(value);
		return u.protocol === 'http:' || u.protocol === 'https:';
	} catch {
		return false;
	}
}

/**
 * Validate a parsed form body against a rule table.
 * Returns { values, ignored } where values holds typed values keyed by
 * parameter name and ignored lists keys the table does not know.
 * Throws ParamError (status 400) on the first problem found.
 */
function validateParams(table, body) {
	const values = {};
	const ignored = [];
	for (const [name, spec] of Object.entries(table)) {
		const raw = body[name];
		if (raw === undefined) continue;
		const list = Array.isArray(raw) ? raw : [raw];
		if (spec.type === 'multi') {
			if (list.some((v) => v.trim() === '')) throw invalid(name, '', 'an event name is required');
			values[name] = list.flatMap((v) => checkValue(name, spec, v));
			continue;
		}
		if (list.length > 1) {
			throw new ParamError(20001, `Parameter ${name} was given ${list.length} times; send it once`);
		}
		values[name] = checkValue(name, spec, list[0]);
	}
	for (const key of Object.keys(body)) if (!(key in table)) ignored.push(key);
	return { values, ignored };
}

const blank = (raw) => raw === undefined || (Array.isArray(raw) ? raw : [raw]).every((s) => s.trim() === '');

function validateCreate(body) {
	// The required endpoints are checked before anything else, as Twilio does.
	if (blank(body.From)) throw new ParamError(21603, "A 'From' phone number is required.");
	if (blank(body.To)) throw new ParamError(21604, "A 'To' phone number is required.");
	const result = validateParams(CREATE_PARAMS, body);
	const v = result.values;
	checkTo(v.To);
	checkFrom(v.From, v.To);
	if (v.Coaching === true && !v.CallSidToCoach) {
		throw new ParamError(20001, 'CallSidToCoach is required when Coaching is true');
	}
	return result;
}

/** existingCoachSid: the participant's current call_sid_to_coach, if any. */
function validateUpdate(body, existingCoachSid) {
	const result = validateParams(UPDATE_PARAMS, body);
	const v = result.values;
	if (v.Coaching === true && !v.CallSidToCoach && !existingCoachSid) {
		throw new ParamError(20001, 'CallSidToCoach is required when Coaching is true');
	}
	return result;
}

/** Parse a true/false list filter; undefined when absent. */
function parseBoolFilter(name, raw) {
	if (raw === undefined) return undefined;
	if (Array.isArray(raw)) throw new ParamError(20001, `Parameter ${name} was given more than once`);
	return checkValue(name, bool, raw);
}

module.exports = {
	CREATE_PARAMS,
	UPDATE_PARAMS,
	ParamError,
	validateCreate,
	validateUpdate,
	parseBoolFilter,
	checkValue,
	validateParams,
};
