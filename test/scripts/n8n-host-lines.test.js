'use strict';
/* Which n8n the e2e host installs for N8N_HOST_VERSION, and how workflows are fitted to the line. */
const { selectLine, adaptWorkflow, LINES } = require('../../scripts/n8n-host/lines');

describe('selectLine', () => {
	test.each([
		[undefined, '2.x', LINES[2].version],
		['2', '2.x', LINES[2].version],
		['2.41', '2.x', LINES[2].version],
		['2.41.2', '2.x', '2.41.2'],
		['1', '1.x', LINES[1].version],
		['1.123', '1.x', LINES[1].version],
		['1.123.81', '1.x', '1.123.81'],
	])('%s -> the %s line, n8n %s', (spec, name, version) => {
		const line = selectLine(spec);
		expect([line.name, line.version]).toEqual([name, version]);
	});

	test.each(['3', 'x', '1.122', '2.40'])('refuses %s', (spec) => {
		expect(() => selectLine(spec)).toThrow(`N8N_HOST_VERSION=${spec}`);
	});

	test('only 2.x disables the MCP registry module, only 1.x needs the legacy expression engine', () => {
		expect(selectLine('2').env).toEqual({ N8N_DISABLED_MODULES: 'mcp-registry' });
		expect(selectLine('1').env).toEqual({ N8N_EXPRESSION_ENGINE: 'legacy' });
	});
});

describe('adaptWorkflow', () => {
	const workflow = {
		name: 'Tool',
		nodes: [
			{ name: 'AI Agent', type: '@n8n/n8n-nodes-langchain.agent', typeVersion: 3.1 },
			{ name: 'Old agent', type: '@n8n/n8n-nodes-langchain.agent', typeVersion: 2 },
			{ name: 'Mute', type: 'n8n-nodes-twilio-conference.twilioConferenceTool', typeVersion: 1 },
		],
	};

	test('lowers a node version the 1.x line does not have, and says so', () => {
		const { workflow: adapted, changes } = adaptWorkflow(workflow, selectLine('1'));
		expect(adapted.nodes.map((n) => n.typeVersion)).toEqual([3, 2, 1]);
		expect(changes).toEqual(['"AI Agent" (@n8n/n8n-nodes-langchain.agent) version 3.1 -> 3, the highest n8n 1.x has']);
		expect(workflow.nodes[0].typeVersion).toBe(3.1);
	});

	test('leaves workflows for the 2.x line as they are', () => {
		const { workflow: adapted, changes } = adaptWorkflow(workflow, selectLine('2'));
		expect(adapted.nodes).toEqual(workflow.nodes);
		expect(changes).toEqual([]);
	});
});
