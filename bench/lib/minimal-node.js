'use strict';
/**
 * The floor for a declarative node in n8n's engine: requestDefaults with a fixed baseURL, one operation whose
 * routing POSTs Muted=true to the participant's path (the Call SID from each item, one expression), no preSend,
 * postReceive or pagination, and a basic-auth credential. Whatever our node costs per item above this is ours.
 *
 * The credential authenticates with a function, as ours does, so that both pay the same for it (a generic
 * `authenticate` would add two expression evaluations per request to this node only).
 */
const MINIMAL_TYPE = 'bench.minimalDeclarative';
const MINIMAL_CREDENTIAL = 'minimalBasicAuth';

class MinimalBasicAuth {
	name = MINIMAL_CREDENTIAL;
	displayName = 'Minimal Basic Auth';
	properties = [
		{ displayName: 'User', name: 'user', type: 'string', default: '' },
		{ displayName: 'Password', name: 'password', type: 'string', typeOptions: { password: true }, default: '' },
	];
	authenticate = async (credentials, requestOptions) => {
		requestOptions.auth = { username: credentials.user, password: credentials.password };
		return requestOptions;
	};
}

/** A node type whose requests go to `baseURL` + the account's conference `participantsPath`. */
function minimalNodeType(baseURL, participantsPath) {
	return {
		description: {
			displayName: 'Minimal Declarative',
			name: 'minimalDeclarative',
			group: ['transform'],
			version: 1,
			description: 'Mutes a conference participant',
			defaults: { name: 'Minimal Declarative' },
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: MINIMAL_CREDENTIAL, required: true }],
			requestDefaults: {
				baseURL,
				headers: { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
			},
			properties: [
				{
					displayName: 'Operation',
					name: 'operation',
					type: 'options',
					noDataExpression: true,
					default: 'mute',
					options: [
						{
							name: 'Mute',
							value: 'mute',
							routing: {
								request: { method: 'POST', url: `=${participantsPath}/{{ $json.callSid }}.json` },
								send: { type: 'body', property: 'Muted', value: 'true' },
							},
						},
					],
				},
			],
		},
	};
}

/** The node in a workflow, with its credential. */
function minimalNode() {
	return {
		name: 'Minimal Declarative',
		type: MINIMAL_TYPE,
		typeVersion: 1,
		parameters: { operation: 'mute' },
		credentials: { [MINIMAL_CREDENTIAL]: { id: 'cred-minimal', name: 'Minimal basic auth' } },
	};
}

module.exports = { MINIMAL_TYPE, MINIMAL_CREDENTIAL, MinimalBasicAuth, minimalNodeType, minimalNode };
