/**
 * Runs the built package through n8n-core's real engine: the package is loaded by n8n's PackageDirectoryLoader,
 * a one-node workflow is executed by WorkflowExecute, and requests go out through n8n's own HTTP stack.
 */
import path from 'node:path';

import {
	ExecutionLifecycleHooks,
	LoadOptionsContext,
	PackageDirectoryLoader,
	RoutingNode,
	WorkflowExecute,
} from 'n8n-core';
import type { ExecuteContext } from 'n8n-core';
import { createRunExecutionData, Workflow } from 'n8n-workflow';
import type {
	IExecuteFunctions,
	ICredentialDataDecryptedObject,
	ICredentialsHelper,
	IConnections,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeListSearchResult,
	INodeType,
	INodeTypes,
	IRun,
	IVersionedNodeType,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import { TestCredentialsHelper } from './credentialsHelper';

export const PACKAGE_DIR = path.resolve(__dirname, '..', '..');
export const NODE_TYPE = 'n8n-nodes-twilio-conference.twilioConference';
export const CREDENTIAL_TYPE = 'twilioConferenceApi';

let loaded: Promise<PackageDirectoryLoader> | undefined;

export async function loadPackage(): Promise<PackageDirectoryLoader> {
	loaded ??= (async () => {
		const loader = new PackageDirectoryLoader(PACKAGE_DIR);
		await loader.loadAll();
		return loader;
	})();
	return await loaded;
}

export const CREDENTIAL_TEST_TYPE = 'credential-test.request';

/**
 * n8n tests a declarative credential by running the node's routing with one property whose routing.request
 * is the credential's test request; this type does the same.
 */
function credentialTestNodeType(loader: PackageDirectoryLoader): INodeType {
	const node = loader.getNode('twilioConference').type as INodeType;
	const request = loader.getCredential(CREDENTIAL_TYPE).type.test?.request;
	return {
		description: {
			...node.description,
			properties: [{ displayName: 'Temp', name: 'temp', type: 'string', default: '', routing: { request } }],
		},
	};
}

export class PackageNodeTypes implements INodeTypes {
	constructor(private readonly loader: PackageDirectoryLoader) {}

	getByName(type: string): INodeType | IVersionedNodeType {
		if (type === CREDENTIAL_TEST_TYPE) return credentialTestNodeType(this.loader);
		const short = type.replace(`${this.loader.packageName}.`, '');
		const nodeType = this.loader.getNode(short).type as INodeType;
		// As n8n's own NodeTypes does: a declarative node runs through an execute that hands its routing to
		// RoutingNode, with the execution's context (and so its cancel signal).
		if (nodeType.description.requestDefaults !== undefined && !nodeType.execute) {
			nodeType.execute = async function (this: IExecuteFunctions) {
				return (await new RoutingNode(this as unknown as ExecuteContext, nodeType).runNode()) ?? [];
			};
		}
		return nodeType;
	}

	getByNameAndVersion(type: string): INodeType {
		return this.getByName(type) as INodeType;
	}

	getKnownTypes() {
		return {};
	}
}

export interface RunOptions {
	/** The node type to run; the Twilio Conference node unless a test says otherwise. */
	type?: string;
	parameters: IDataObject;
	/** Input items (their json); one empty item when omitted. */
	items?: IDataObject[];
	credentials: ICredentialDataDecryptedObject;
	continueOnFail?: boolean;
	/** The node setting Execute Once: the node runs for the first input item only. */
	executeOnce?: boolean;
	/** The node's version; the newest unless a test says otherwise. */
	typeVersion?: number;
	/** Called with a function that stops the execution, as the editor's Stop button does. */
	onStart?: (stop: () => void) => void;
}

export interface RunResult {
	/** Items the node output (first output). */
	items: INodeExecutionData[];
	/** The workflow's error when the node failed without Continue On Fail. */
	error?: Error & { description?: string | null; httpCode?: string | null; context?: IDataObject };
	run: IRun;
}

const NODE_NAME = 'Twilio Conference';

function buildNode(
	options: Pick<RunOptions, 'type' | 'parameters' | 'continueOnFail' | 'executeOnce' | 'typeVersion'>,
): INode {
	return {
		id: 'twilio-node',
		name: NODE_NAME,
		type: options.type ?? NODE_TYPE,
		typeVersion: options.typeVersion ?? 2,
		position: [0, 0],
		parameters: options.parameters as INode['parameters'],
		credentials: { [CREDENTIAL_TYPE]: { id: 'cred-1', name: 'Twilio account' } },
		...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
		...(options.executeOnce ? { executeOnce: true } : {}),
	};
}

/** What WorkflowExecute and the node contexts need from n8n's CLI, with the given credentials. */
export function buildAdditionalData(
	credentialsHelper: ICredentialsHelper,
	extra: Partial<IWorkflowExecuteAdditionalData> = {},
): IWorkflowExecuteAdditionalData {
	return {
		credentialsHelper,
		executionId: 'test-execution',
		restApiUrl: 'http://127.0.0.1:5678/rest',
		instanceBaseUrl: 'http://127.0.0.1:5678/',
		webhookBaseUrl: 'http://127.0.0.1:5678/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test',
		formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
		variables: {},
		currentNodeParameters: undefined,
		setExecutionStatus: () => {},
		sendDataToUI: () => {},
		logAiEvent: () => {},
		...extra,
	} as unknown as IWorkflowExecuteAdditionalData;
}

/** The package's own credential, with the given data. */
export function packageCredentials(
	loader: PackageDirectoryLoader,
	credentials: ICredentialDataDecryptedObject,
): TestCredentialsHelper {
	return new TestCredentialsHelper(
		{ [CREDENTIAL_TYPE]: loader.getCredential(CREDENTIAL_TYPE).type },
		{ [CREDENTIAL_TYPE]: credentials },
	);
}

/**
 * Executes a workflow with WorkflowExecute as n8n does for a manual run: `input` (items' json) is the input of
 * the first node; `connections` link the nodes.
 */
export async function executeWorkflow(options: {
	nodes: INode[];
	connections?: IConnections;
	nodeTypes: INodeTypes;
	credentialsHelper: ICredentialsHelper;
	input: IDataObject[];
	executionId?: string;
	/** Called with a function that stops the execution, as the editor's Stop button does. */
	onStart?: (stop: () => void) => void;
}): Promise<IRun> {
	const { nodes, connections = {}, nodeTypes, credentialsHelper, input, executionId = 'test-execution' } = options;
	const workflow = new Workflow({ id: 'test', nodes, connections, nodeTypes, active: false });
	const hooks = new ExecutionLifecycleHooks('manual', executionId, {
		id: 'test',
		name: 'test',
		nodes,
		connections,
		active: false,
		settings: {},
		createdAt: new Date(),
		updatedAt: new Date(),
		isArchived: false,
		activeVersionId: null,
	} as never);
	const additionalData = buildAdditionalData(credentialsHelper, { hooks, executionId });
	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [{ node: nodes[0], data: { main: [input.map((json) => ({ json }))] }, source: null }],
		},
	});
	const running = new WorkflowExecute(additionalData, 'manual', runExecutionData).processRunExecutionData(workflow);
	options.onStart?.(() => running.cancel());
	return await running;
}

export async function runNode(options: RunOptions): Promise<RunResult> {
	const loader = await loadPackage();
	const node = buildNode(options);
	const run = await executeWorkflow({
		nodes: [node],
		nodeTypes: new PackageNodeTypes(loader),
		credentialsHelper: packageCredentials(loader, options.credentials),
		input: options.items ?? [{}],
		onStart: options.onStart,
	});
	const taskData = run.data.resultData.runData[NODE_NAME]?.[0];
	return {
		items: taskData?.data?.main?.[0] ?? [],
		error: (run.data.resultData.error ?? undefined) as RunResult['error'],
		run,
	};
}

/** Calls one of the node's list-search methods as the editor does, with the node's current parameters. */
export async function runListSearch(
	method: string,
	options: {
		parameters: IDataObject;
		credentials: ICredentialDataDecryptedObject;
		filter?: string;
		paginationToken?: string;
	},
): Promise<INodeListSearchResult> {
	const loader = await loadPackage();
	const node = buildNode({ parameters: options.parameters });
	const workflow = new Workflow({
		id: 'test',
		nodes: [node],
		connections: {},
		nodeTypes: new PackageNodeTypes(loader),
		active: false,
	});
	const additionalData = buildAdditionalData(packageCredentials(loader, options.credentials), {
		currentNodeParameters: options.parameters as INode['parameters'],
	});
	const context = new LoadOptionsContext(workflow, node, additionalData, 'parameters.conference');
	const nodeType = loader.getNode('twilioConference').type as INodeType;
	const search = nodeType.methods?.listSearch?.[method];
	if (!search) throw new Error(`no list search ${method}`);
	return await search.call(context, options.filter, options.paginationToken);
}

/** Runs the credential's test request the way n8n's credential tester does. */
export async function testCredentials(credentials: ICredentialDataDecryptedObject): Promise<RunResult> {
	return await runNode({ type: CREDENTIAL_TEST_TYPE, parameters: {}, credentials });
}
