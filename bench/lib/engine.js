'use strict';
/**
 * Runs workflows through n8n-core's WorkflowExecute with the test harness's pieces (test/helpers/engine.ts and
 * credentialsHelper.ts: credentials helper, additionalData, executeWorkflow), but with several node types (this
 * package's node, n8n-nodes-base's HTTP Request and Split Out) and several credential types, chained. The package
 * is loaded from its snapshot (./env.js) by PackageDirectoryLoader; n8n-nodes-base classes are required from the
 * directory that ./env.js found, with n8n-workflow / n8n-core redirected to the project's copies.
 */
const path = require('node:path');

const env = require('./env');

env.redirectN8nModules();
// n8n's winston logger would print every node error (the HTTP node's 429s in bench 3) to the console.
process.env.N8N_LOG_LEVEL ??= 'silent';
require('./ts-require');
const { TestCredentialsHelper } = require('../../test/helpers/credentialsHelper.ts');
const { CREDENTIAL_TYPE, NODE_TYPE, executeWorkflow } = require('../../test/helpers/engine.ts');
const { PackageDirectoryLoader } = require('n8n-core');
const { MINIMAL_CREDENTIAL, MinimalBasicAuth } = require('./minimal-node');

const HTTP_TYPE = 'n8n-nodes-base.httpRequest';
const SPLIT_OUT_TYPE = 'n8n-nodes-base.splitOut';

class BenchNodeTypes {
	constructor(types) {
		this.types = types;
	}
	getByName(type) {
		const found = this.types[type];
		if (!found) throw new Error(`unknown node type ${type}`);
		return found;
	}
	getByNameAndVersion(type, version) {
		const found = this.getByName(type);
		return 'nodeVersions' in found ? found.getNodeType(version) : found;
	}
	getKnownTypes() {
		return {};
	}
}

let loadedTypes;

/** Loads this package (its snapshot's dist/) and the n8n-nodes-base classes once. */
async function loadTypes() {
	if (loadedTypes) return loadedTypes;
	const loader = new PackageDirectoryLoader(env.packageDir());
	await loader.loadAll();
	const base = env.nodesBaseDir();
	const req = (rel) => require(path.join(base, 'dist', rel));
	const { HttpRequest } = req('nodes/HttpRequest/HttpRequest.node.js');
	const { SplitOut } = req('nodes/Transform/SplitOut/SplitOut.node.js');
	const { HttpBasicAuth } = req('credentials/HttpBasicAuth.credentials.js');
	const httpRequest = new HttpRequest();
	loadedTypes = {
		loader,
		nodesBase: base,
		httpVersion: httpRequest.description.defaultVersion,
		nodeTypes: new BenchNodeTypes({
			[NODE_TYPE]: loader.getNode('twilioConference').type,
			[HTTP_TYPE]: httpRequest,
			[SPLIT_OUT_TYPE]: new SplitOut(),
		}),
		credentialTypes: {
			[CREDENTIAL_TYPE]: loader.getCredential(CREDENTIAL_TYPE).type,
			httpBasicAuth: new HttpBasicAuth(),
			[MINIMAL_CREDENTIAL]: new MinimalBasicAuth(),
		},
	};
	return loadedTypes;
}

let executions = 0;

/** Counts expression evaluations ("={{ … }}" values), the largest per-item cost in n8n-core (see bench/profile.js). */
const expressionCount = { value: 0 };
{
	const { Expression } = require('n8n-workflow');
	const resolve = Expression.prototype.resolveSimpleParameterValue;
	Expression.prototype.resolveSimpleParameterValue = function (value, ...rest) {
		expressionCount.value += 1;
		return resolve.call(this, value, ...rest);
	};
}

/**
 * Executes a workflow: `nodes` in a chain (each node's main output feeds the next), `items` (json objects)
 * as the first node's input. Returns the last node's output items, the error if any, the credentials helper's
 * counters and the number of expression evaluations.
 */
async function runChain({ nodes, items = [{}], credentials }) {
	const types = await loadTypes();
	const expressionsBefore = expressionCount.value;
	const connections = {};
	for (let i = 0; i + 1 < nodes.length; i++) {
		connections[nodes[i].name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
	}
	const full = nodes.map((node, i) => ({ id: `node-${i}`, position: [i * 200, 0], ...node }));
	const credentialsHelper = new TestCredentialsHelper(types.credentialTypes, credentials);
	const run = await executeWorkflow({
		nodes: full,
		connections,
		nodeTypes: types.nodeTypes,
		credentialsHelper,
		input: items,
		executionId: `bench-${++executions}`,
	});
	const last = full[full.length - 1].name;
	const output = run.data.resultData.runData[last]?.[0]?.data?.main?.[0] ?? [];
	return {
		items: output,
		error: run.data.resultData.error,
		calls: credentialsHelper.calls,
		expressions: expressionCount.value - expressionsBefore,
	};
}

/** Our node, alone, with its credential, at the version the editor adds. */
function twilioNode(parameters, type = NODE_TYPE) {
	return {
		name: 'Twilio Conference',
		type,
		typeVersion: 2,
		parameters,
		credentials: { [CREDENTIAL_TYPE]: { id: 'cred-twilio', name: 'Twilio account' } },
	};
}

/** A resource locator value as the editor stores it. */
const byId = (value) => ({ __rl: true, mode: 'id', value });

/** n8n's HTTP Request node (latest version, as the editor adds it) with generic Basic Auth. */
function httpNode(parameters, version, extra = {}) {
	return {
		name: 'HTTP Request',
		type: HTTP_TYPE,
		typeVersion: version,
		parameters: { authentication: 'genericCredentialType', genericAuthType: 'httpBasicAuth', ...parameters },
		credentials: { httpBasicAuth: { id: 'cred-basic', name: 'Twilio basic auth' } },
		...extra,
	};
}

function splitOutNode(field) {
	return {
		name: 'Split Out',
		type: SPLIT_OUT_TYPE,
		typeVersion: 1,
		parameters: { fieldToSplitOut: field, include: 'noOtherFields', options: {} },
	};
}

/** The same account for every credential type. */
function credentialsFor(sim) {
	return {
		[CREDENTIAL_TYPE]: { accountSid: sim.accountSid, authToken: sim.authToken, baseUrl: sim.url },
		httpBasicAuth: { user: sim.accountSid, password: sim.authToken },
		[MINIMAL_CREDENTIAL]: { user: sim.accountSid, password: sim.authToken },
	};
}

module.exports = {
	loadTypes,
	runChain,
	twilioNode,
	httpNode,
	splitOutNode,
	credentialsFor,
	byId,
	NODE_TYPE,
	HTTP_TYPE,
};
