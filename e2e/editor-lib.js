'use strict';
/* What the editor showed in headless Chromium (scripts/stack/editor.js): the node panel, the node's settings and its pickers. */
const assert = require('node:assert/strict');

const { PICKER_CONFERENCES } = require('../scripts/stack');

/** `result` is runEditorCheck's, after a check that was not skipped, with `chosen` picked in the conference picker. */
function assertEditorView(result, chosen) {
	assert.equal(result.resource, 'Conference Participant');
	// n8n itself adds "Custom API Call" to nodes with credentials.
	const ours = result.operations.filter((o) => o !== 'Custom API Call');
	assert.deepEqual(ours, ['Create', 'Delete', 'Get', 'Get Many', 'Update']);
	for (const f of ['Resource', 'Operation', 'Conference', 'Participant']) {
		assert.ok(result.fields.includes(f), `Get shows ${f}; fields: ${result.fields.join(', ')}`);
	}
	for (const f of ['Conference', 'From', 'To', 'Additional Fields']) {
		assert.ok(result.createFields.includes(f), `Create shows ${f}; fields: ${result.createFields.join(', ')}`);
	}
	assert.ok(!result.createFields.includes('Participant'), 'Create has no Participant field');
	// The pickers (From List) on Update: the live conferences, then the chosen one's participants.
	for (const c of PICKER_CONFERENCES) {
		assert.ok(
			result.conferences.includes(c.friendlyName),
			`conference picker shows ${c.friendlyName}: ${result.conferences.join(', ')}`,
		);
	}
	assert.equal(result.chosenConference, chosen);
	const expected = PICKER_CONFERENCES[0].participants.map((p) => `${p.label} · ${p.to} · connected`);
	assert.deepEqual(result.participants, expected, 'participant picker shows label · number · status');
	// The other resources: Conference's named actions, and the recording picker of the chosen conference.
	assert.deepEqual(
		result.resources.filter((r) => r !== 'Custom API Call'),
		['Conference', 'Conference Participant', 'Conference Recording'],
	);
	assert.deepEqual(
		result.conferenceOperations.filter((o) => o !== 'Custom API Call'),
		['Announce', 'End', 'Get', 'Get Many'],
	);
	assert.ok(result.endFields.includes('Conference'), `End shows Conference: ${result.endFields.join(', ')}`);
	assert.deepEqual(
		result.recordingOperations.filter((o) => o !== 'Custom API Call'),
		['Delete', 'Get', 'Get Many', 'Update'],
	);
	assert.equal(
		result.recordings.length,
		PICKER_CONFERENCES[0].recordings,
		`recording picker: ${result.recordings.join(', ')}`,
	);
	assert.match(result.recordings[0], /^\w{3}, \d{2} \w{3} \d{4} [\d:]{8} \+0000 · in-progress$/);
	for (const a of ['End a conference', 'Announce to a conference', 'Update a conference recording'])
		assert.ok(result.actions.includes(a), `node panel lists "${a}": ${result.actions.join(', ')}`);
}

module.exports = { assertEditorView };
