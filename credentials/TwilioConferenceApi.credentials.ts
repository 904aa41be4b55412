import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

const ACCOUNT_SID = '^AC[0-9a-fA-F]{32}$';

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
			displayName: 'Account SID',
			name: 'accountSid',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. AC0123456789abcdef0123456789abcdef',
			description: 'Shown on the Twilio Console dashboard under Account Info',
		},
		{
			displayName: 'The Account SID is "AC" followed by 32 hexadecimal characters (34 in all). Copy it from the Twilio Console.',
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
		},
		{
			displayName: 'API Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.twilio.com',
			description: "Where requests go. Leave as is for Twilio; change it only for a compatible endpoint such as a proxy or this package's local simulator.",
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			auth: {
				username: '={{ $credentials.accountSid }}',
				password: '={{ $credentials.authToken }}',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{ String($credentials.baseUrl || "https://api.twilio.com").replace(/\\/+$/, "") }}',
			url: '=/2010-04-01/Accounts/{{ $credentials.accountSid }}.json',
			// n8n runs this test with the node's request defaults, which let error statuses through for the
			// node's own error mapping; here a 401 must fail the test.
			ignoreHttpStatusErrors: false,
		},
		rules: [
			{ type: 'responseCode', properties: { value: 401, message: 'Twilio did not accept the Account SID and Auth Token' } },
			{ type: 'responseCode', properties: { value: 404, message: 'Twilio knows no account with this Account SID' } },
		],
	};
}
