/**
 * Runs the built package through n8n-core's real engine: the package is loaded by n8n's PackageDirectoryLoader,
 * a one-node workflow is executed by WorkflowExecute, and requests go out through n8n's own HTTP stack.
 */
import path from 'node:path';

import { ExecutionLifecycleHooks, LoadOptionsContext, PackageDirectoryLoader, WorkflowExecute } from 'n8n-core';
import { createRunExecutionData, ICredentialsHelper, Workflow } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	ICredentials,
	IDataObject,
	IHttpRequestOptions,
	INode,
	INodeExecutionData,
	INodeListSearchResult,
	INodeProperties,
	INodeType,
	INodeTypes,
	IRun,
	IVersionedNodeType,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

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

class PackageNodeTypes implements INodeTypes {
	constructor(private readonly loader: PackageDirectoryLoader) {}

	getByName(type: string): INodeType | IVersionedNodeType {
		if (type === CREDENTIAL_TEST_TYPE) return credentialTestNodeType(this.loader);
		const short = type.replace(`${this.loader.packageName}.`, '');
		return this.loader.getNode(short).type;
	}

	getByNameAndVersion(type: string): INodeType {
		return this.getByName(type) as INodeType;
	}

	getKnownTypes() {
		return {};
	}
}

/** Credentials as n8n's CLI applies them: generic `authenticate` entries are expressions over the credential data. */
class TestCredentialsHelper extends ICredentialsHelper {
	constructor(
		private readonly type: ICredentialType,
		private readonly data: ICredentialDataDecryptedObject,
	) {
		super();
	}

	getParentTypes(): string[] {
		return [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		_typeName: string,
		requestOptions: IHttpRequestOptions,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const { authenticate } = this.type;
		if (typeof authenticate === 'function') return await authenticate(credentials, requestOptions);
		if (!authenticate || !workflow || !node) return requestOptions;
		const resolve = (value: unknown) =>
			workflow.expression.getParameterValue(value as string, null, 0, 0, node.name, [], 'internal', { $credentials: credentials });
		const { auth, headers, qs, body } = authenticate.properties as IDataObject;
		if (auth) {
			const { username, password } = auth as IDataObject;
			requestOptions.auth = { username: resolve(username) as string, password: resolve(password) as string };
		}
		for (const [target, extra] of [['headers', headers], ['qs', qs], ['body', body]] as const) {
			if (!extra) continue;
			const resolved: IDataObject = {};
			for (const [key, value] of Object.entries(extra as IDataObject)) resolved[key] = resolve(value) as string;
			requestOptions[target] = { ...(requestOptions[target] as IDataObject), ...resolved };
		}
		return requestOptions;
	}

	async preAuthentication() {
		return undefined;
	}

	async runPreAuthentication() {
		return undefined;
	}

	async getCredentials(): Promise<ICredentials> {
		throw new Error('not used by these tests');
	}

	async getDecrypted(): Promise<ICredentialDataDecryptedObject> {
		return { ...this.data };
	}

	async updateCredentials() {}

	async updateCredentialsOauthTokenData() {}

	getCredentialsProperties(): INodeProperties[] {
		return this.type.properties;
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
}

export interface RunResult {
	/** Items the node output (first output). */
	items: INodeExecutionData[];
	/** The workflow's error when the node failed without Continue On Fail. */
	error?: Error & { description?: string | null; httpCode?: string | null; context?: IDataObject };
	run: IRun;
}

const NODE_NAME = 'Twilio Conference';

function buildNode(options: Pick<RunOptions, 'type' | 'parameters' | 'continueOnFail'>): INode {
	return {
		id: 'twilio-node',
		name: NODE_NAME,
		type: options.type ?? NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: options.parameters as INode['parameters'],
		credentials: { [CREDENTIAL_TYPE]: { id: 'cred-1', name: 'Twilio account' } },
		...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
	};
}

function buildAdditionalData(
	loader: PackageDirectoryLoader,
	credentials: ICredentialDataDecryptedObject,
	extra: Partial<IWorkflowExecuteAdditionalData> = {},
): IWorkflowExecuteAdditionalData {
	return {
		credentialsHelper: new TestCredentialsHelper(loader.getCredential(CREDENTIAL_TYPE).type, credentials),
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

export async function runNode(options: RunOptions): Promise<RunResult> {
	const loader = await loadPackage();
	const node = buildNode(options);
	const workflow = new Workflow({ id: 'test', nodes: [node], connections: {}, nodeTypes: new PackageNodeTypes(loader), active: false });
	const hooks = new ExecutionLifecycleHooks('manual', 'test-execution', { id: 'test', name: 'test', nodes: [node], connections: {}, active: false, settings: {}, createdAt: new Date(), updatedAt: new Date(), isArchived: false, activeVersionId: null } as never);
	const additionalData = buildAdditionalData(loader, options.credentials, { hooks });
	const input = (options.items ?? [{}]).map((json) => ({ json }));
	const runExecutionData = createRunExecutionData({
		executionData: { nodeExecutionStack: [{ node, data: { main: [input] }, source: null }] },
	});
	const run: IRun = await new WorkflowExecute(additionalData, 'manual', runExecutionData).processRunExecutionData(workflow);
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
	options: { parameters: IDataObject; credentials: ICredentialDataDecryptedObject; filter?: string; paginationToken?: string },
): Promise<INodeListSearchResult> {
	const loader = await loadPackage();
	const node = buildNode({ parameters: options.parameters });
	const workflow = new Workflow({ id: 'test', nodes: [node], connections: {}, nodeTypes: new PackageNodeTypes(loader), active: false });
	const additionalData = buildAdditionalData(loader, options.credentials, { currentNodeParameters: options.parameters as INode['parameters'] });
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
