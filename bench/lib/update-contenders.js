'use strict';
/**
 * Section 2's Update (mute) as each contender runs it, shared by lib/per-item.js and profile.js so that the
 * profile measures exactly what the bench compares.
 */
const engine = require('./engine');
const minimal = require('./minimal-node');

/** Our node's Update: Conference by ID, Participant by ID from each item, Muted on. */
const updateParameters = (conferenceSid) => ({
	resource: 'participant',
	operation: 'update',
	conference: engine.byId(conferenceSid),
	participant: engine.byId('={{ $json.callSid }}'),
	updateFields: { muted: true },
});

/** n8n's HTTP Request node posting Muted=true to `participantsUrl`/<Call SID from each item>.json. */
function httpMuteNode(participantsUrl, version) {
	return engine.httpNode(
		{
			method: 'POST',
			url: `=${participantsUrl}/{{ $json.callSid }}.json`,
			sendBody: true,
			contentType: 'form-urlencoded',
			bodyParameters: { parameters: [{ name: 'Muted', value: 'true' }] },
			options: {},
		},
		version,
	);
}

/**
 * Registers the three declarative baselines of lib/minimal-node.js for this simulator and returns their nodes:
 * minimal, fields and floor (our own description without our hooks, running our Update's parameters).
 */
function declarativeBaselines(types, sim, conferenceSid) {
	const accountPath = `/2010-04-01/Accounts/${sim.accountSid}`;
	const participantsPath = `${accountPath}/Conferences/${conferenceSid}/Participants`;
	const ours = types.nodeTypes.getByNameAndVersion(engine.NODE_TYPE, 2);
	types.nodeTypes.types[minimal.MINIMAL_TYPE] = minimal.minimalNodeType(sim.url, participantsPath);
	types.nodeTypes.types[minimal.FIELDS_TYPE] = minimal.minimalFieldsNodeType(sim.url, accountPath);
	types.nodeTypes.types[minimal.FLOOR_TYPE] = minimal.descriptionFloorNodeType(ours, sim.url, accountPath);
	return {
		minimal: minimal.minimalNode(),
		fields: minimal.minimalFieldsNode(conferenceSid),
		floor: {
			...minimal.minimalNode(),
			name: 'Description Floor',
			type: minimal.FLOOR_TYPE,
			typeVersion: 2,
			parameters: updateParameters(conferenceSid),
		},
	};
}

module.exports = { updateParameters, httpMuteNode, declarativeBaselines };
