import type { IAuthenticate, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

const ACCOUNT_SID = '^AC[0-9a-fA-F]{32}$';
const API_KEY_SID = '^SK[0-9a-fA-F]{32}$';
export const DEFAULT_BASE_URL = 'https://api.twilio.com';

/**
 * Where requests go. A changed API Base URL wins; otherwise the host is built the way Twilio's own libraries
 * build it: api.{edge}.{region}.twilio.com, with region us1 when only an edge is given.
 */
const BASE_URL_EXPRESSION =
	'={{ (() => {' +
	' const custom = String($credentials.baseUrl || "").trim().replace(/\\/+$/, "");' +
	` if (custom && custom !== "${DEFAULT_BASE_URL}") return custom;` +
	' const edge = $credentials.edge || "";' +
	' const region = $credentials.region || (edge ? "us1" : "");' +
	` if (!region) return "${DEFAULT_BASE_URL}";` +
	' return "https://" + ["api", edge, region, "twilio.com"].filter((part) => part).join(".");' +
	' })() }}';

/** A credential value as requests use it: text, without the spaces or line break a paste may bring along. */
function credentialText(value: unknown): string {
	return (typeof value === 'string' ? value : String(value ?? '')).trim();
}

const optionsOf = (values: Array<[string, string]>) => [
	{ name: 'Default', value: '' },
	...values.map(([name, value]) => ({ name, value })).sort((a, b) => a.name.localeCompare(b.name)),
];

export class TwilioConferenceApi implements ICredentialType {
	name = 'twilioConferenceApi';

	displayName = 'Twilio Conference API';

	icon = {
		light: 'file:../nodes/TwilioConference/twilioConference.svg',
		dark: 'file:../nodes/TwilioConference/twilioConference.dark.svg',
	} as const;

	documentationUrl = 'https://github.com/n8n-nodes-twilio-conference/n8n-nodes-twilio-conference#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Authentication',
			name: 'authType',
			type: 'options',
			default: 'authToken',
			options: [
				{ name: 'API Key', value: 'apiKey', description: 'An API key and its secret, which can be revoked on its own' },
				{ name: 'Auth Token', value: 'authToken', description: "The account's Auth Token" },
			],
		},
		{
			displayName: 'Account SID',
			name: 'accountSid',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. AC0123456789abcdef0123456789abcdef',
			description:
				'Shown on the Twilio Console dashboard under Account Info. It names the account in every request, also with an API key.',
		},
		{
			displayName:
				'The Account SID is "AC" followed by 32 hexadecimal characters (34 in all). Copy it from the Twilio Console.',
			name: 'accountSidNotice',
			type: 'notice',
			default: '',
			displayOptions: { hide: { accountSid: [{ _cnd: { regex: ACCOUNT_SID } }] } },
		},
		{
			displayName: 'Auth Token',
			name: 'authToken',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: 'Shown next to the Account SID on the Twilio Console dashboard',
			displayOptions: { show: { authType: ['authToken'] } },
		},
		{
			displayName: 'API Key SID',
			name: 'apiKeySid',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			placeholder: 'e.g. SK0123456789abcdef0123456789abcdef',
			description: 'Created in the Twilio Console under Account → API keys & tokens',
			displayOptions: { show: { authType: ['apiKey'] } },
		},
		{
			displayName: 'The API Key SID is "SK" followed by 32 hexadecimal characters.',
			name: 'apiKeySidNotice',
			type: 'notice',
			default: '',
			displayOptions: { show: { authType: ['apiKey'] }, hide: { apiKeySid: [{ _cnd: { regex: API_KEY_SID } }] } },
		},
		{
			displayName: 'API Key Secret',
			name: 'apiKeySecret',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: 'Shown once, when the API key is created',
			displayOptions: { show: { authType: ['apiKey'] } },
		},
		{
			displayName: 'Webhook Auth Token',
			name: 'webhookAuthToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				"The account's primary Auth Token, used only by the Twilio Conference Trigger to check that callbacks come from Twilio. An API key cannot check them: Twilio signs callbacks with the Auth Token.",
			displayOptions: { show: { authType: ['apiKey'] } },
		},
		{
			displayName: 'Webhook Shared Key Secret',
			name: 'webhookSharedKeySecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Only if a Twilio webhook rule signs callbacks with a shared key (HMAC-SHA256) instead of the Auth Token: the secret of that key',
		},
		{
			displayName: 'Region',
			name: 'region',
			type: 'options',
			default: '',
			description: 'Twilio region that processes the requests. Leave Default for the US1 region at api.twilio.com.',
			options: optionsOf([
				['Australia (AU1)', 'au1'],
				['Brazil (BR1)', 'br1'],
				['Germany (DE1)', 'de1'],
				['Ireland (IE1)', 'ie1'],
				['Japan (JP1)', 'jp1'],
				['Singapore (SG1)', 'sg1'],
				['US East (US1)', 'us1'],
				['US West (US2)', 'us2'],
			]),
		},
		{
			displayName: 'Edge',
			name: 'edge',
			type: 'options',
			default: '',
			description: "Twilio edge location where requests enter Twilio's network",
			options: optionsOf([
				['Ashburn', 'ashburn'],
				['Dublin', 'dublin'],
				['Frankfurt', 'frankfurt'],
				['Roaming', 'roaming'],
				['São Paulo', 'sao-paulo'],
				['Singapore', 'singapore'],
				['Sydney', 'sydney'],
				['Tokyo', 'tokyo'],
				['Umatilla', 'umatilla'],
			]),
		},
		{
			displayName: 'API Base URL',
			name: 'baseUrl',
			type: 'string',
			default: DEFAULT_BASE_URL,
			description:
				"Where requests go. Leave as is for Twilio (Region and Edge then choose the host); any other URL, such as a proxy or this package's local simulator, is used as given.",
		},
	];

	/**
	 * Basic auth as the account or as the API key, with values trimmed as the request path trims the Account SID:
	 * a SID or token pasted with a stray space or line break still signs in. Plain code rather than expressions:
	 * this runs for every request. Requests made with these credentials follow no redirect, so the
	 * Authorization header never goes to a host the redirect names.
	 */
	authenticate: IAuthenticate = async (credentials, requestOptions) => {
		const apiKey = credentials.authType === 'apiKey';
		requestOptions.auth = {
			username: credentialText(apiKey ? credentials.apiKeySid : credentials.accountSid),
			password: credentialText(apiKey ? credentials.apiKeySecret : credentials.authToken),
		};
		requestOptions.disableFollowRedirect = true;
		requestOptions.sendCredentialsOnCrossOriginRedirect = false;
		return requestOptions;
	};

	// A Voice resource rather than the account record: Standard API keys may not read /Accounts/{Sid}.json,
	// but they may list conferences, which is what this node needs.
	test: ICredentialTestRequest = {
		request: {
			baseURL: BASE_URL_EXPRESSION,
			url: '=/2010-04-01/Accounts/{{ encodeURIComponent(String($credentials.accountSid || "").trim()) }}/Conferences.json',
			qs: { PageSize: 1 },
			// n8n runs this test with the node's request defaults, which let error statuses through for the
			// node's own error mapping; here an error status must fail the test.
			ignoreHttpStatusErrors: false,
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'Twilio did not accept these credentials: check the Account SID with the Auth Token, or the API Key SID with its secret',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						"Twilio accepted these credentials but they may not list this account's conferences: a restricted API key needs Voice access",
				},
			},
			{ type: 'responseCode', properties: { value: 404, message: 'Twilio knows no account with this Account SID' } },
		],
	};
}
