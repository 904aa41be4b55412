/**
 * Runs the trigger's webhook() the way n8n's webhook server does, through n8n-core's own WebhookContext: a local
 * HTTP server on 127.0.0.1 reads the body into `rawBody` (a Buffer), parses a form body into `body` with
 * querystring, and hands Express-like request and response objects to the node. When the node returns workflow
 * data, the workflow is executed with WorkflowExecute, starting from the trigger with that data, as n8n does.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import querystring from 'node:querystring';

import { HookContext, WebhookContext } from 'n8n-core';
import { Workflow } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeType,
	INodeTypes,
	IWebhookData,
	IWebhookResponseData,
} from 'n8n-workflow';

import { TestCredentialsHelper } from './credentialsHelper';
import { buildAdditionalData, CREDENTIAL_TYPE, executeWorkflow, loadPackage } from './engine';

export const TRIGGER_TYPE = 'n8n-nodes-twilio-conference.twilioConferenceTrigger';
const TRIGGER_NAME = 'Twilio Conference Trigger';
export const WEBHOOK_ID = '5b2c7e0a-4c1d-4f7e-9a51-0f8d2b6c1e33';
export const WEBHOOK_PATH = `/webhook/${WEBHOOK_ID}/webhook`;

export interface Delivery {
	status: number;
	body: string;
	/** The trigger's output items when an execution started. */
	items?: INodeExecutionData[];
	webhookResult?: IWebhookResponseData;
}

export interface TriggerHarness {
	/** http://127.0.0.1:<port> */
	origin: string;
	/** The production URL n8n would show for the trigger. */
	url: string;
	executions: INodeExecutionData[][];
	post(target: string, body: string, headers?: Record<string, string>): Promise<Delivery>;
	activate(): Promise<boolean>;
	close(): Promise<void>;
}

async function nodeTypes(): Promise<INodeTypes> {
	const loader = await loadPackage();
	const byName = (type: string) => loader.getNode(type.replace(`${loader.packageName}.`, '')).type as INodeType;
	return { getByName: byName, getByNameAndVersion: byName, getKnownTypes: () => ({}) };
}

export async function startTrigger(options: {
	parameters: IDataObject;
	credentials: ICredentialDataDecryptedObject;
	/** The host n8n believes it is reached at (its webhook base URL); the harness' own origin when omitted. */
	webhookOrigin?: string;
}): Promise<TriggerHarness> {
	const types = await nodeTypes();
	const loader = await loadPackage();
	const credentialsHelper = new TestCredentialsHelper(
		{ [CREDENTIAL_TYPE]: loader.getCredential(CREDENTIAL_TYPE).type },
		{ [CREDENTIAL_TYPE]: options.credentials },
	);
	const node: INode = {
		id: 'trigger-node',
		name: TRIGGER_NAME,
		type: TRIGGER_TYPE,
		typeVersion: 1,
		position: [0, 0],
		webhookId: WEBHOOK_ID,
		parameters: options.parameters as INode['parameters'],
		credentials: { [CREDENTIAL_TYPE]: { id: 'cred-1', name: 'Twilio account' } },
	};
	const workflow = new Workflow({ id: 'wf-trigger', nodes: [node], connections: {}, nodeTypes: types, active: true });
	const nodeType = types.getByName(TRIGGER_TYPE) as INodeType;
	const executions: INodeExecutionData[][] = [];
	let origin = '';
	const additional = (extra: object) =>
		buildAdditionalData(credentialsHelper, { webhookBaseUrl: `${options.webhookOrigin ?? origin}/webhook`, ...extra });

	async function handle(req: http.IncomingMessage, res: http.ServerResponse, rawBody: Buffer): Promise<Delivery> {
		const contentType = String(req.headers['content-type'] ?? '')
			.split(';')[0]
			.trim();
		const expressLike = Object.assign(req, {
			rawBody,
			originalUrl: req.url,
			protocol: 'http',
			query: querystring.parse((req.url ?? '').split('?')[1] ?? ''),
			params: {},
			body: contentType === 'application/x-www-form-urlencoded' ? querystring.parse(rawBody.toString('utf8')) : {},
		});
		const additionalData = additional({ httpRequest: expressLike, httpResponse: res });
		const description = nodeType.description.webhooks![0];
		const webhookData: IWebhookData = {
			httpMethod: 'POST',
			node: node.name,
			path: `${WEBHOOK_ID}/webhook`,
			webhookDescription: description,
			workflowId: workflow.id,
			workflowExecuteAdditionalData: additionalData,
			webhookId: WEBHOOK_ID,
		};
		const context = new WebhookContext(workflow, node, additionalData, 'webhook', webhookData, [], null);
		const webhookResult = await nodeType.webhook!.call(context);
		if (!res.headersSent && !webhookResult.noWebhookResponse) {
			res.setHeader('Content-Type', 'application/json');
			res.end(JSON.stringify({ message: 'Workflow was started' }));
		}
		if (!webhookResult.workflowData) return { status: res.statusCode, body: '', webhookResult };
		const input = webhookResult.workflowData[0].map((item) => item.json);
		const run = await executeWorkflow({ nodes: [node], nodeTypes: types, credentialsHelper, input });
		const items = run.data.resultData.runData[TRIGGER_NAME]?.[0]?.data?.main?.[0] ?? [];
		executions.push(items);
		return { status: res.statusCode, body: '', items, webhookResult };
	}

	const pending = new Map<string, (delivery: Delivery) => void>();
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const id = String(req.headers['x-test-delivery'] ?? '');
			handle(req, res, Buffer.concat(chunks)).then(
				(delivery) => pending.get(id)?.(delivery),
				(error: Error) => {
					res.statusCode = 500;
					res.end(error.message);
					pending.get(id)?.({ status: 500, body: error.message });
				},
			);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	let counter = 0;

	return {
		origin,
		url: `${options.webhookOrigin ?? origin}${WEBHOOK_PATH}`,
		executions,
		async post(target, body, headers = {}) {
			const id = String(++counter);
			const handled = new Promise<Delivery>((resolve) => pending.set(id, resolve));
			const answered = new Promise<{ status: number; body: string }>((resolve, reject) => {
				// Host, port and path given apart: a URL string would be re-encoded (apostrophes become %27).
				const { hostname, port } = new URL(origin);
				const request = http.request(
					{
						hostname,
						port,
						path: target,
						method: 'POST',
						headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers, 'X-Test-Delivery': id },
					},
					(response) => {
						const parts: Buffer[] = [];
						response.on('data', (part: Buffer) => parts.push(part));
						response.on('end', () =>
							resolve({ status: response.statusCode ?? 0, body: Buffer.concat(parts).toString('utf8') }),
						);
					},
				);
				request.on('error', reject);
				request.end(body);
			});
			const [delivery, response] = await Promise.all([handled, answered]);
			pending.delete(id);
			return { ...delivery, status: response.status, body: response.body };
		},
		async activate() {
			const context = new HookContext(workflow, node, additional({}), 'trigger', 'activate');
			const methods = nodeType.webhookMethods!.default!;
			if (await methods.checkExists.call(context)) return true;
			return await methods.create.call(context);
		},
		async close() {
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}
