/**
 * Every event the trigger offers, delivered signed through the engine: the output item's name, family, typed
 * fields and raw copy. Parameters follow Twilio's conference, call status and recording callbacks.
 */
import type { INodeType } from 'n8n-workflow';
import { formBody, twilioSignature } from '../helpers/twilioSigner';
import type { Params } from '../helpers/twilioSigner';
import { startTrigger, WEBHOOK_PATH } from '../helpers/webhook';
import type { TriggerHarness } from '../helpers/webhook';

const ACCOUNT = 'AC0123456789abcdef0123456789abcdef';
const TOKEN = 'auth-token-events-0123456789abcdef';
const CONFERENCE = 'CF00000000000000000000000000000001';
const CALL = 'CA00000000000000000000000000000001';
const TIMESTAMP = 'Mon, 23 Nov 2026 09:30:00 +0000';

const conference = (event: string, extra: Params = {}): Params => ({
	AccountSid: ACCOUNT,
	ConferenceSid: CONFERENCE,
	FriendlyName: 'room',
	StatusCallbackEvent: event,
	SequenceNumber: '4',
	Timestamp: TIMESTAMP,
	...extra,
});
const participant = (event: string, extra: Params = {}): Params =>
	conference(event, {
		CallSid: CALL,
		Label: 'agent',
		Muted: 'true',
		Hold: 'false',
		Coaching: 'false',
		EndConferenceOnExit: 'true',
		StartConferenceOnEnter: 'true',
		...extra,
	});
const call = (status: string, extra: Params = {}): Params => ({
	AccountSid: ACCOUNT,
	CallSid: CALL,
	CallStatus: status,
	Direction: 'outbound-api',
	From: '+15017122661',
	To: '+15558675310',
	CallbackSource: 'call-progress-events',
	SequenceNumber: '1',
	Timestamp: TIMESTAMP,
	...extra,
});
const recording = (status: string, source: string, extra: Params = {}): Params => ({
	AccountSid: ACCOUNT,
	RecordingSid: 'RE00000000000000000000000000000001',
	RecordingStatus: status,
	RecordingUrl: 'https://api.twilio.com/2010-04-01/Accounts/AC/Recordings/RE1',
	RecordingDuration: '42',
	RecordingChannels: '1',
	RecordingSource: source,
	RecordingStartTime: TIMESTAMP,
	...extra,
});

// [expected event, family, params, fields the output must have]
const CASES: Array<[string, string, Params, Record<string, unknown>]> = [
	['conference-start', 'conference', conference('conference-start'), { SequenceNumber: 4 }],
	[
		'conference-end',
		'conference',
		conference('conference-end', {
			ReasonConferenceEnded: 'participant-with-end-conference-on-exit-left',
			CallSidEndingConference: CALL,
		}),
		{ ReasonConferenceEnded: 'participant-with-end-conference-on-exit-left' },
	],
	[
		'participant-join',
		'conference',
		participant('participant-join'),
		{ Muted: true, Hold: false, EndConferenceOnExit: true },
	],
	[
		'participant-leave',
		'conference',
		participant('participant-leave', {
			ParticipantCallStatus: 'completed',
			ReasonParticipantLeft: 'participant_hung_up',
		}),
		{ ReasonParticipantLeft: 'participant_hung_up' },
	],
	['participant-mute', 'conference', participant('participant-mute'), { Muted: true }],
	['participant-unmute', 'conference', participant('participant-unmute', { Muted: 'false' }), { Muted: false }],
	['participant-hold', 'conference', participant('participant-hold', { Hold: 'true' }), { Hold: true }],
	['participant-unhold', 'conference', participant('participant-unhold'), { Hold: false }],
	['participant-modify', 'conference', participant('participant-modify', { Coaching: 'true' }), { Coaching: true }],
	['participant-speech-start', 'conference', participant('participant-speech-start'), { Label: 'agent' }],
	['participant-speech-stop', 'conference', participant('participant-speech-stop'), { Label: 'agent' }],
	['announcement-end', 'conference', conference('announcement-end'), {}],
	['announcement-fail', 'conference', conference('announcement-fail'), {}],
	['call-initiated', 'call', call('initiated'), { CallStatus: 'initiated' }],
	['call-ringing', 'call', call('ringing'), { SequenceNumber: 1 }],
	['call-answered', 'call', call('in-progress'), { CallStatus: 'in-progress' }],
	['call-completed', 'call', call('completed', { CallDuration: '65' }), { CallDuration: 65 }],
	['call-completed', 'call', call('no-answer', { CallDuration: '0' }), { CallStatus: 'no-answer', CallDuration: 0 }],
	[
		'recording-in-progress',
		'recording',
		recording('in-progress', 'StartConferenceRecordingAPI', { ConferenceSid: CONFERENCE }),
		{ recordingOf: 'conference' },
	],
	[
		'recording-completed',
		'recording',
		recording('completed', 'StartConferenceRecordingAPI', { ConferenceSid: CONFERENCE }),
		{
			recordingOf: 'conference',
			RecordingDuration: 42,
			RecordingChannels: 1,
			RecordingStartTime: '2026-11-23T09:30:00.000Z',
		},
	],
	[
		'recording-absent',
		'recording',
		recording('absent', 'OutboundAPI', { CallSid: CALL }),
		{ recordingOf: 'participant' },
	],
	[
		'recording-failed',
		'recording',
		recording('failed', 'OutboundAPI', { CallSid: CALL, ErrorCode: '13617' }),
		{ ErrorCode: 13617 },
	],
	['recording-paused', 'recording', recording('paused', 'OutboundAPI', { CallSid: CALL }), {}],
	['recording-resumed', 'recording', recording('resumed', 'OutboundAPI', { CallSid: CALL }), {}],
	['recording-stopped', 'recording', recording('stopped', 'OutboundAPI', { CallSid: CALL }), {}],
];

describe('Twilio Conference Trigger output for every event', () => {
	let harness: TriggerHarness;
	beforeAll(async () => {
		const events = [...new Set(CASES.map(([event]) => event))];
		harness = await startTrigger({
			parameters: { events },
			credentials: { authType: 'authToken', accountSid: ACCOUNT, authToken: TOKEN },
		});
	});
	afterAll(async () => await harness.close());

	it.each(CASES)('%s (%s)', async (event, family, params, fields) => {
		const url = `${harness.origin}${WEBHOOK_PATH}`;
		const delivery = await harness.post(WEBHOOK_PATH, formBody(params), {
			'X-Twilio-Signature': twilioSignature(TOKEN, url, params),
		});
		expect(delivery.status).toBe(204);
		expect(delivery.items).toHaveLength(1);
		const json = delivery.items![0].json;
		expect(json).toMatchObject({ event, eventFamily: family, ...fields, raw: params });
		if ('Timestamp' in params) expect(json.Timestamp).toBe('2026-11-23T09:30:00.000Z');
		// Everything Twilio sent is in the output, under its own name.
		expect(
			Object.keys(json)
				.filter((key) => !['event', 'eventFamily', 'recordingOf', 'raw'].includes(key))
				.sort(),
		).toEqual(Object.keys(params).sort());
	});

	it('offers exactly these events in the editor', async () => {
		const { loadPackage } = await import('../helpers/engine');
		const loader = await loadPackage();
		const { description } = loader.getNode('twilioConferenceTrigger').type as INodeType;
		const events = description.properties.find((p) => p.name === 'events');
		const offered = (events?.options as Array<{ value: string }>).map((o) => o.value).sort();
		expect(offered).toEqual([...new Set(CASES.map(([event]) => event))].sort());
	});
});
