/**
 * The credentials helper n8n's CLI gives the engine, for the tests and the bench: the engine asks it for a
 * credential's data and to apply the credential to a request.
 */
import { ICredentialsHelper } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	ICredentials,
	IDataObject,
	IHttpRequestOptions,
	INode,
	INodeProperties,
	Workflow,
} from 'n8n-workflow';

/**
 * Credentials as n8n's CLI applies them: a function `authenticate` is called, generic `authenticate` entries are
 * expressions over the credential data. Holds several credential types (the bench also runs n8n's HTTP Request
 * node with httpBasicAuth) and counts the calls, since each read is a database read and a decryption in n8n.
 */
export class TestCredentialsHelper extends ICredentialsHelper {
	readonly calls = { getDecrypted: 0, authenticate: 0 };

	constructor(
		private readonly types: Record<string, ICredentialType>,
		private readonly data: Record<string, ICredentialDataDecryptedObject>,
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
		typeName: string,
		requestOptions: IHttpRequestOptions,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		this.calls.authenticate += 1;
		const authenticate = this.types[typeName]?.authenticate;
		if (typeof authenticate === 'function') return await authenticate(credentials, requestOptions);
		if (!authenticate || !workflow || !node) return requestOptions;
		const resolve = (value: unknown) =>
			workflow.expression.getParameterValue(value as string, null, 0, 0, node.name, [], 'internal', {
				$credentials: credentials,
			});
		const { auth, headers, qs, body } = authenticate.properties as IDataObject;
		if (auth) {
			const { username, password } = auth as IDataObject;
			requestOptions.auth = { username: resolve(username) as string, password: resolve(password) as string };
		}
		for (const [target, extra] of [
			['headers', headers],
			['qs', qs],
			['body', body],
		] as const) {
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

	async getDecrypted(
		_additionalData: unknown,
		_nodeCredentials: unknown,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		this.calls.getDecrypted += 1;
		const data = this.data[type];
		if (!data) throw new Error(`no credential data for ${type}`);
		return { ...data };
	}

	async updateCredentials() {}

	async updateCredentialsOauthTokenData() {}

	getCredentialsProperties(type: string): INodeProperties[] {
		return this.types[type]?.properties ?? [];
	}
}
