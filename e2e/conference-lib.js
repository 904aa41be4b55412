'use strict';
/* Assertions of the end-to-end runs of the Conference and Conference Recording resources, and the warm-transfer example. */
const fs = require('node:fs');
const path = require('node:path');
const assert = require('node:assert/strict');

const { host } = require('./lib');

const ROOM = 'e2e-recorded-room';
const EXAMPLES_DIR = path.join(host.REPO_ROOT, 'examples');
const CONFERENCE_PATH =
	/\/2010-04-01\/Accounts\/AC[0-9a-f]{32}\/Conferences(?:\/(CF[0-9a-f]{32})(?:\/Recordings(?:\/(RE[0-9a-f]{32}))?)?)?\.json$/;

/** Requests for conferences and their recordings, with the SIDs their path names. */
function conferenceRequests(requests) {
	return requests
		.map((r) => ({ r, m: CONFERENCE_PATH.exec(r.path) }))
		.filter((x) => x.m)
		.map(({ r, m }) => ({ ...r, conference: m[1], recording: m[2], recordings: r.path.includes('/Recordings') }));
}

function outputOf(data) {
	return (name) => {
		const items = host.nodeOutput(data, name);
		assert.ok(
			items,
			`node "${name}" did not run; ran: ${Object.keys(host.runExecutionData(data).resultData.runData || {}).join(', ')}`,
		);
		return items;
	};
}

/** Checks a run of e2e/workflows/conference-operations.json and what the simulator received for it. */
function assertConferenceOperations(data, requests) {
	data = host.runExecutionData(data);
	assert.ok(!data.resultData.error, `workflow error: ${JSON.stringify(data.resultData.error)}`);
	const out = outputOf(data);
	const dialled = out('Dial into a recorded room')[0];
	const cf = dialled.conference_sid;
	assert.deepEqual(
		out('Live conferences').map((c) => [c.sid, c.status]),
		[[cf, 'in-progress']],
		'Get Many finds the one live room by name and date',
	);
	assert.equal(out('Conference by name')[0].sid, cf);
	assert.equal(out('Announce')[0].status, 'in-progress', 'an announcement removes nobody');
	const [recording] = out('Recordings');
	assert.match(recording.sid, /^RE[0-9a-f]{32}$/);
	assert.equal(
		recording.call_sid,
		dialled.call_sid,
		'the recording started with the participant created with Conference Record',
	);
	assert.equal(out('Recording by SID')[0].sid, recording.sid);
	assert.deepEqual(
		['Pause recording', 'Resume recording', 'Stop recording'].map((n) => out(n)[0].status),
		['paused', 'in-progress', 'stopped'],
	);
	assert.deepEqual(
		out('End conference').map((c) => [c.sid, c.status, c.reason_conference_ended]),
		[[cf, 'completed', 'conference-ended-via-api']],
	);
	const ended = out('Ended conferences').find((c) => c.sid === cf);
	assert.ok(
		ended && ended.call_sid_ending_conference === null && 'region' in ended,
		'the ended room is listed with Status completed, in full',
	);
	assert.deepEqual(out('Delete recording'), [{ deleted: true, conferenceSid: cf, recordingSid: recording.sid }]);

	const reqs = conferenceRequests(requests);
	const failed = reqs.filter((r) => !(r.status >= 200 && r.status < 300));
	assert.deepEqual(
		failed.map((r) => `${r.method} ${r.path} ${r.status}`),
		[],
		'every conference request succeeded',
	);
	const lists = reqs.filter((r) => !r.conference);
	for (const list of lists)
		assert.ok(['in-progress', 'completed'].includes(list.query.Status), `Status is always sent: ${list.rawQuery}`);
	const live = lists.find(
		(r) => r.query.FriendlyName === ROOM && r.query.Status === 'in-progress' && r.query.PageSize === '1000',
	);
	assert.match(
		live.rawQuery,
		/(^|&)DateCreated%3E=\d{4}-\d{2}-\d{2}(&|$)/,
		`the date filter goes as DateCreated%3E=: ${live.rawQuery}`,
	);
	const updates = reqs.filter((r) => r.method === 'POST' && r.conference === cf && !r.recordings).map((r) => r.rawBody);
	assert.deepEqual(updates, [
		'AnnounceUrl=https%3A%2F%2Fexample.com%2Fe2e-announcement.xml&AnnounceMethod=GET',
		'Status=completed',
	]);
	const recordingUpdates = reqs
		.filter((r) => r.method === 'POST' && r.recording === recording.sid)
		.map((r) => r.rawBody);
	assert.deepEqual(recordingUpdates, ['Status=paused&PauseBehavior=skip', 'Status=in-progress', 'Status=stopped']);
	assert.deepEqual(
		reqs.filter((r) => r.method === 'DELETE').map((r) => r.recording),
		[recording.sid],
	);
	return { conferenceSid: cf, recordingSid: recording.sid };
}

const SIM_CREDENTIAL = { twilioConferenceApi: { id: 'e2eTwilioSimCred', name: 'Twilio simulator' } };

/**
 * An example workflow from examples/, as a user imports it and then fills in: credentials set to the simulator's,
 * `details` merged into the JSON of its Set node "Transfer details".
 */
function loadExample(file, details = {}) {
	const workflow = JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, file), 'utf8'));
	for (const node of workflow.nodes) {
		if (node.credentials) node.credentials = SIM_CREDENTIAL;
		if (node.name === 'Transfer details')
			node.parameters.jsonOutput = JSON.stringify({ ...JSON.parse(node.parameters.jsonOutput), ...details }, null, 2);
	}
	return workflow;
}

/** Checks a run of examples/warm-transfer.json. Returns the conference SID and the call SIDs by label. */
function assertWarmTransfer(data, requests) {
	data = host.runExecutionData(data);
	assert.ok(!data.resultData.error, `workflow error: ${JSON.stringify(data.resultData.error)}`);
	const out = outputOf(data);
	const cf = out('Dial the caller')[0].conference_sid;
	const calls = Object.fromEntries(
		['Dial the caller', 'Dial the first agent', 'Dial the new agent'].map((n) => [out(n)[0].label, out(n)[0].call_sid]),
	);
	assert.deepEqual(Object.keys(calls).sort(), ['agent-1', 'agent-2', 'customer']);
	assert.equal(out('Put the caller on hold')[0].hold, true);
	assert.equal(out('Pause the recording')[0].status, 'paused');
	assert.deepEqual(
		[out('Whisper to the new agent')[0].coaching, out('Whisper to the new agent')[0].call_sid_to_coach],
		[true, calls['agent-2']],
	);
	assert.equal(out('Take the caller off hold')[0].hold, false);
	assert.equal(out('Resume the recording')[0].status, 'in-progress');
	assert.deepEqual(out('The first agent leaves'), [{ deleted: true, conferenceSid: cf, participant: 'agent-1' }]);
	const recordingUpdates = conferenceRequests(requests)
		.filter((r) => r.recording && r.method === 'POST')
		.map((r) => r.rawBody);
	assert.deepEqual(recordingUpdates, ['Status=paused&PauseBehavior=skip', 'Status=in-progress']);
	return { conferenceSid: cf, calls };
}

module.exports = { ROOM, conferenceRequests, assertConferenceOperations, loadExample, assertWarmTransfer };
