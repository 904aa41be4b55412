'use strict';
/*
 * What the stack puts into n8n and signs in with: the simulator's account and credential, the owner, the node
 * type names, and reading workflow JSON files.
 */
const fs = require('node:fs');
const path = require('node:path');

const CREDENTIAL_ID = 'e2eTwilioSimCred';
const CREDENTIAL_NAME = 'Twilio simulator';
const ACCOUNT_SID = 'AC00000000000000000000000000c0ffee';
const AUTH_TOKEN = 'simulator-auth-token';
const OWNER = { email: 'e2e@example.com', password: 'E2e-Passw0rd!', firstName: 'E2E', lastName: 'Owner' };
const NODE_TYPE = 'n8n-nodes-twilio-conference.twilioConference';
/* `usableAsTool: true` makes n8n add this second type, with an ai_tool output. */
const TOOL_NODE_TYPE = `${NODE_TYPE}Tool`;

/** The workflow JSON files of each folder, sorted by name; missing folders are skipped. */
function loadWorkflows(...dirs) {
	return dirs
		.filter((dir) => fs.existsSync(dir))
		.flatMap((dir) =>
			fs
				.readdirSync(dir)
				.filter((f) => f.endsWith('.json'))
				.sort()
				.map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'))),
		);
}

/** The n8n credential (plain data, for `n8n import:credentials`) that points at a running simulator. */
function credentialFor(sim) {
	return {
		id: CREDENTIAL_ID,
		name: CREDENTIAL_NAME,
		type: 'twilioConferenceApi',
		data: { accountSid: sim.accountSid || ACCOUNT_SID, authToken: sim.authToken || AUTH_TOKEN, baseUrl: sim.url },
	};
}

module.exports = {
	CREDENTIAL_ID,
	CREDENTIAL_NAME,
	ACCOUNT_SID,
	AUTH_TOKEN,
	OWNER,
	NODE_TYPE,
	TOOL_NODE_TYPE,
	loadWorkflows,
	credentialFor,
};
