'use strict';
/*
 * The n8n release lines the host installs and what differs between them. Everything that depends on the line
 * (install recipe, environment, REST shapes, node versions) is read from here, so that a test can say which
 * line it is on and why it behaves differently.
 */

const LINES = {
	2: {
		major: 2,
		/*
		 * 2.41.3 (`latest`) does not resolve on the registry: several exactly-pinned @n8n/* packages (e.g.
		 * @n8n/agents@0.26.2) are not published. 2.41.1 resolves completely. `probe` re-checks newer ones.
		 */
		version: '2.41.1',
		probeCandidates: ['2.42', '2.41.3', '2.41.2'],
		/* n8n 2.38 and later declare engines.node >= 24. */
		nodeMajor: 24,
		/* A transitive linkedom@0.18.15 needs a package the registry lacks. */
		overrides: { linkedom: '0.18.14' },
		/* Without it, start-up fetches a remote MCP registry. */
		env: { N8N_DISABLED_MODULES: 'mcp-registry' },
		defaultDir: '.n8n-host',
		/* ManualRunDto: the workflow is read from the database; the body names the trigger to start from. */
		runBodyHasWorkflow: false,
		/* The editor's "test this tool" nests the $fromAI values under the tool's name. */
		toolQueryNested: true,
		/* A tool connected to nothing is refused with 400 "cannot be executed on its own". */
		refusesLoneTool: true,
		/* Activation publishes a version: POST /rest/workflows/:id/activate with { versionId }. */
		activateByPublish: true,
		maxTypeVersions: {},
	},
	1: {
		major: 1,
		version: '1.123.81',
		probeCandidates: ['1.123'],
		/* engines.node ">=20.19 <= 24.x": the Node that runs the tests does. */
		nodeMajor: 20,
		/* n8n-nodes-base 1.x takes xlsx from SheetJS's CDN by URL; the override keeps it to the npm registry. */
		overrides: { xlsx: '0.18.5', linkedom: '0.18.14' },
		/*
		 * 1.123's default expression engine ("vm") needs an isolated-vm build for Node >= 22; on Node 20 import,
		 * execute and start fail without the legacy one. 1.x does not know the mcp-registry module and exits
		 * when told to disable it, so N8N_DISABLED_MODULES stays unset.
		 */
		env: { N8N_EXPRESSION_ENGINE: 'legacy' },
		defaultDir: '.n8n-host-1.x',
		runBodyHasWorkflow: true,
		toolQueryNested: false,
		refusesLoneTool: false,
		activateByPublish: false,
		/* Node versions newer than the line knows, lowered when a workflow is imported. */
		maxTypeVersions: { '@n8n/n8n-nodes-langchain.agent': 3 },
	},
};

/**
 * The line for N8N_HOST_VERSION: "1" or "2" (the line's pinned version), a prefix of the pinned version
 * ("1.123"), or an exact version ("2.41.2") on a known line. Unset: line 2.
 */
function selectLine(spec) {
	const text = String(spec || '2').trim();
	const m = /^(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(text);
	const line = m && LINES[Number(m[1])];
	if (!line) {
		throw new Error(`N8N_HOST_VERSION=${text}: expected 1 or 2, or a version on one of those lines (e.g. 1.123.81)`);
	}
	const exact = m[3] !== undefined;
	if (!exact && !`${line.version}.`.startsWith(`${text}.`)) {
		throw new Error(
			`N8N_HOST_VERSION=${text}: give the full version; the ${line.major}.x line installs ${line.version}`,
		);
	}
	return { ...line, version: exact ? text : line.version, name: `${line.major}.x` };
}

/**
 * The workflow as the line can run it: node versions newer than the line knows (maxTypeVersions) lowered to
 * its highest. Returns { workflow, changes } with a sentence per lowered node.
 */
function adaptWorkflow(workflow, line) {
	const changes = [];
	const nodes = (workflow.nodes || []).map((node) => {
		const max = line.maxTypeVersions[node.type];
		if (max === undefined || !(node.typeVersion > max)) return node;
		changes.push(
			`"${node.name}" (${node.type}) version ${node.typeVersion} -> ${max}, the highest n8n ${line.name} has`,
		);
		return { ...node, typeVersion: max };
	});
	return { workflow: { ...workflow, nodes }, changes };
}

module.exports = { LINES, selectLine, adaptWorkflow };
