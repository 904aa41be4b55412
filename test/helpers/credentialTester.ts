/**
 * The credential dialog's Test, run the way n8n's credentials tester runs a declarative credential's test: the
 * node's description with a single property routed to the test request, executed by n8n-core's RoutingNode, and
 * a failure turned into the dialog's first line (the credential's rules by status code, else the status text,
 * else the network code, else the error message).
 */
import { ExecuteContext, RoutingNode } from 'n8n-core';
import { Workflow } from 'n8n-workflow';
import type { ICredentialDataDecryptedObject, INode, INodeType } from 'n8n-workflow';

import { buildAdditionalData, CREDENTIAL_TYPE, loadPackage, PackageNodeTypes, packageCredentials } from './engine';

export async function credentialTestOutcome(
	data: ICredentialDataDecryptedObject,
): Promise<{ status: 'OK' | 'Error'; message: string }> {
	const loader = await loadPackage();
	const credentialType = loader.getCredential(CREDENTIAL_TYPE).type;
	const nodeType = loader.getNode('twilioConference').type as INodeType;
	const testNodeType: INodeType = {
		description: {
			...nodeType.description,
			credentials: [{ name: CREDENTIAL_TYPE, required: true }],
			properties: [
				{
					displayName: 'Temp',
					name: 'temp',
					type: 'string',
					default: '',
					routing: { request: credentialType.test?.request },
				},
			],
		},
	};
	const node: INode = {
		id: 'temp',
		name: 'Temp-Node',
		type: 'credential-test.request',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		credentials: { [CREDENTIAL_TYPE]: { id: 'cred-1', name: 'Twilio account' } },
	};
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: new PackageNodeTypes(loader),
	});
	const additionalData = buildAdditionalData(packageCredentials(loader, data));
	const context = new ExecuteContext(
		workflow,
		node,
		additionalData,
		'internal',
		{ resultData: { runData: {} } } as never,
		0,
		[],
		{ main: [[{ json: {} }]] },
		{ node, data: {}, source: null },
		[],
	);
	const credentials = { id: 'cred-1', name: 'Twilio account', type: CREDENTIAL_TYPE, data };
	try {
		await new RoutingNode(context, testNodeType, credentials).runNode();
	} catch (error) {
		const cause = (error as { cause?: { response?: { status: number; statusText?: string }; code?: string } }).cause;
		if (cause?.response) {
			const status = cause.response.status;
			for (const rule of credentialType.test?.rules ?? []) {
				if (rule.type === 'responseCode' && rule.properties.value === status)
					return { status: 'Error', message: rule.properties.message };
			}
			return { status: 'Error', message: cause.response.statusText || `Received HTTP status code: ${status}` };
		}
		if (cause?.code) return { status: 'Error', message: cause.code };
		return { status: 'Error', message: String((error as Error).message) };
	}
	return { status: 'OK', message: 'Connection successful!' };
}
