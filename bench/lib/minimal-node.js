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

const FIELDS_TYPE = 'bench.minimalFieldsDeclarative';

/**
 * The same floor with the fields a user fills in, written the way n8n's starter writes a declarative node: Conference
 * and Participant as top-level string fields, the operation's URL built from them with `$parameter`, and Muted as a
 * boolean routed to the body. Every field a user maps from an expression costs what n8n's routing charges for a field:
 * both of its walks over the properties evaluate it, and whatever reads it evaluates it again.
 */
function minimalFieldsNodeType(baseURL, accountPath) {
	const { description } = minimalNodeType(baseURL, '');
	return {
		description: {
			...description,
			displayName: 'Minimal Declarative With Fields',
			name: 'minimalFieldsDeclarative',
			properties: [
				{
					displayName: 'Operation',
					name: 'operation',
					type: 'options',
					noDataExpression: true,
					default: 'update',
					options: [
						{
							name: 'Update',
							value: 'update',
							routing: {
								request: {
									method: 'POST',
									url: `=${accountPath}/Conferences/{{ $parameter.conference }}/Participants/{{ $parameter.participant }}.json`,
								},
							},
						},
					],
				},
				{ displayName: 'Conference', name: 'conference', type: 'string', default: '', required: true },
				{ displayName: 'Participant', name: 'participant', type: 'string', default: '', required: true },
				{
					displayName: 'Muted',
					name: 'muted',
					type: 'boolean',
					default: false,
					routing: { send: { type: 'body', property: 'Muted' } },
				},
			],
		},
	};
}

/** The fields node in a workflow: Conference by SID, Participant from each item, Muted on. */
function minimalFieldsNode(conferenceSid, participant = '={{ $json.callSid }}') {
	return {
		...minimalNode(),
		name: 'Minimal Declarative With Fields',
		type: FIELDS_TYPE,
		parameters: { operation: 'update', conference: conferenceSid, participant, muted: true },
	};
}

const FLOOR_TYPE = 'bench.descriptionFloor';

/** A property with its routing reduced to what n8n's engine does by itself: no preSend, postReceive or pagination hooks. */
function withoutHooks(value) {
	if (Array.isArray(value)) return value.map(withoutHooks);
	if (typeof value !== 'object' || value === null) return value;
	const copy = {};
	for (const [key, entry] of Object.entries(value)) {
		if (typeof entry === 'function' || ['preSend', 'postReceive', 'operations', 'paginate'].includes(key)) continue;
		copy[key] = withoutHooks(entry);
	}
	return copy;
}

/**
 * n8n's floor for a node of our node's size: our node's own description (every property, shown or hidden, that
 * n8n's routing walks for each item), with its hooks taken out and Update routed the plain declarative way, as
 * the minimal node with fields routes it. What our node costs above this is its own code; what this costs above
 * the minimal nodes is the price n8n's routing puts on a description's size.
 */
function descriptionFloorNodeType(ourNodeType, baseURL, accountPath) {
	const { description } = ourNodeType;
	const properties = withoutHooks(description.properties).map((property) =>
		property.name === 'operation' &&
		property.options.some((option) => option.value === 'update' && option.action === 'Update a conference participant')
			? {
					...property,
					options: property.options.map((option) =>
						option.value === 'update'
							? {
									...option,
									routing: {
										request: {
											method: 'POST',
											url: `=${accountPath}/Conferences/{{ $parameter.conference }}/Participants/{{ $parameter.participant }}.json`,
										},
									},
								}
							: option,
					),
				}
			: property,
	);
	const { credentials } = minimalNodeType(baseURL, '').description;
	return {
		description: {
			...description,
			name: 'descriptionFloor',
			displayName: 'Description Floor',
			credentials,
			requestDefaults: {
				baseURL,
				headers: { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
			},
			properties,
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

module.exports = {
	MINIMAL_TYPE,
	FIELDS_TYPE,
	FLOOR_TYPE,
	descriptionFloorNodeType,
	MINIMAL_CREDENTIAL,
	MinimalBasicAuth,
	minimalNodeType,
	minimalNode,
	minimalFieldsNodeType,
	minimalFieldsNode,
};
