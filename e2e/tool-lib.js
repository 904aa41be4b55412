'use strict';
/* The node as an AI tool in a real n8n: running a tool node as the editor's "test this tool" does, and checking the run. */
const assert = require('node:assert/strict');

const { host, participantRequests } = require('./lib');

/** The tool name n8n derives from a node name (n8n-workflow's nodeNameToToolName). */
function toolName(nodeName) {
	return nodeName.replace(/[^a-zA-Z0-9_-]+/g, '_');
}

/**
 * Runs a tool node as the editor's "test this tool" dialog (FromAiParametersModal) does, with `values` in
 * place of what a model would choose: POST /rest/workflows/:id/run with destinationNode = the tool and
 * agentRequest = { query, tool: { name } }. n8n 2.41's editor nests the values under the tool's name
 * (query = { <tool name>: { <$fromAI key>: value } }), 1.123's sends them flat (query = { <$fromAI key>: value }).
 * n8n (manual-execution.service.js + n8n-core rewireGraph) then replaces the node the tool is connected to (the
 * AI Agent) with a tool executor, which invokes the tool with those values; no model runs. n8n 2.41 refuses a
 * tool connected to nothing (400 "cannot be executed on its own"). Returns { response } and, when an execution
 * started, { executionId, execution, data }.
 */
async function runToolNode(client, workflowId, nodeName, values) {
	const name = toolName(nodeName);
	const body = {
		destinationNode: { nodeName, mode: 'inclusive' },
		agentRequest: { query: host.LINE.toolQueryNested ? { [name]: values } : values, tool: { name } },
	};
	const response = await client.manualRun(workflowId, body, { expect: null });
	const executionId = response.status === 200 && response.json && response.json.data && response.json.data.executionId;
	if (!executionId) return { response };
	return { response, executionId, ...(await client.waitForExecution(executionId)) };
}

/**
 * Checks a run of e2e/workflows/ai-tool.json (Update; conference By Friendly Name, participant By Label,
 * Muted, all from $fromAI): the tool got the values as its input, answered with the updated participant,
 * and the simulator received the lookup and the update.
 */
function assertToolRun(data, requests, { nodeName, values, conferenceSid }) {
	data = host.runExecutionData(data);
	assert.ok(!data.resultData.error, `workflow error: ${JSON.stringify(data.resultData.error)}`);
	const runs = data.resultData.runData[nodeName];
	assert.ok(runs && runs[0], `tool "${nodeName}" did not run; ran: ${Object.keys(data.resultData.runData).join(', ')}`);
	assert.equal(runs[0].executionStatus, 'success');
	assert.deepEqual(runs[0].inputOverride.ai_tool[0][0].json, values, 'the tool received the $fromAI values');
	const answer = runs[0].data.ai_tool[0][0].json.response;
	assert.equal(answer.length, 1);
	assert.equal(answer[0].label, values.participant);
	assert.equal(answer[0].conference_sid, conferenceSid);
	assert.equal(answer[0].muted, values.muted);

	const lookups = requests.filter((r) => r.method === 'GET' && /\/Conferences\.json$/.test(r.path));
	assert.equal(lookups.length, 1, 'one conference lookup by friendly name');
	assert.equal(lookups[0].query.FriendlyName, values.conference);
	assert.equal(lookups[0].query.Status, 'in-progress');
	const reqs = participantRequests(requests);
	assert.deepEqual(
		reqs.map((r) => `${r.method} ${r.conference}/${r.participant} ${r.status}`),
		[`POST ${conferenceSid}/${values.participant} 200`],
		'one update, by label, in the conference found by name',
	);
	assert.deepEqual(reqs[0].body, { Muted: String(values.muted) });
	assert.match(reqs[0].contentType || '', /application\/x-www-form-urlencoded/);
}

/**
 * The tool node of `workflowId`, alone in a new workflow: n8n runs a tool only through the node it is connected
 * to. 2.41 refuses it (400); 1.123 has no such check and fails inside its engine (500). Either way nothing
 * reaches Twilio.
 */
async function assertLoneToolRefused(client, sim, workflowId, nodeName, values) {
	const wf = await client.getWorkflow(workflowId);
	const lone = await client.createWorkflow({
		name: `Lone tool ${Date.now()}`,
		nodes: wf.nodes.filter((n) => n.name === nodeName),
		connections: {},
	});
	const loneMark = sim.requests.length;
	const refused = await runToolNode(client, lone.id, nodeName, values);
	if (host.LINE.refusesLoneTool) {
		assert.equal(refused.response.status, 400);
		assert.match(refused.response.text, /cannot be executed on its own/);
	} else {
		assert.ok(refused.response.status >= 400, `a lone tool ran: ${refused.response.status}`);
		console.log(
			`[e2e] n8n ${host.N8N_VERSION} answers a lone tool run ${refused.response.status}: ${refused.response.text.slice(0, 200)}`,
		);
	}
	assert.equal(sim.requests.length, loneMark, 'a lone tool sends nothing');
}

module.exports = { toolName, runToolNode, assertToolRun, assertLoneToolRefused };
