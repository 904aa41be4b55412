import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { DEFAULT_EVENTS, EVENT_OPTIONS } from './helpers/events';
import { handleCallback, signingSecrets } from './helpers/handler';

const CREDENTIAL_NAME = 'twilioConferenceApi';

export class TwilioConferenceTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Twilio Conference Trigger',
		name: 'twilioConferenceTrigger',
		icon: {
			light: 'file:../TwilioConference/twilioConference.svg',
			dark: 'file:../TwilioConference/twilioConference.dark.svg',
		},
		group: ['trigger'],
		version: 1,
		subtitle: '={{ ($parameter["events"] || []).length + " events" }}',
		description: 'Starts the workflow when Twilio reports a conference, call or recording event',
		defaults: { name: 'Twilio Conference Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_NAME, required: true }],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }],
		properties: [
			{
				displayName:
					'Twilio has no API to subscribe to conference events: paste this node\'s URL where the callbacks are set. In the Twilio Conference node\'s Create operation: Conference Status Callback (conference events), Status Callback (call events), Recording Status Callback or Conference Recording Status Callback (recordings); or in TwiML, &lt;Conference statusCallback="…"&gt;. Use the Production URL once the workflow is active, the Test URL while listening for a test event.',
				name: 'whereToPasteNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				default: [...DEFAULT_EVENTS],
				options: EVENT_OPTIONS,
				description:
					'Events that start the workflow. Other events are answered and ignored. Twilio only sends the events asked for in the callback settings (e.g. Conference Status Callback Event).',
			},
			{
				displayName: 'Verify Signature',
				name: 'verifySignature',
				type: 'boolean',
				default: true,
				description:
					"Whether to accept only callbacks signed by Twilio (X-Twilio-Signature, checked with the credential's Auth Token). Unsigned or altered requests get 403 and start nothing.",
			},
			{
				displayName:
					'Signature checks are off: anyone who learns this URL can start the workflow with made-up events. Turn this off only for local testing.',
				name: 'unverifiedWarning',
				type: 'notice',
				default: '',
				displayOptions: { show: { verifySignature: [false] } },
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Conference SID',
						name: 'conferenceSid',
						type: 'string',
						default: '',
						placeholder: 'e.g. CF0123456789abcdef0123456789abcdef',
						description:
							'Only events of this conference. Call status events and participant recordings do not name their conference, so they are left out.',
					},
					{
						displayName: 'Friendly Name',
						name: 'friendlyName',
						type: 'string',
						default: '',
						placeholder: 'e.g. support-42',
						description: 'Only events of conferences with exactly this friendly name (conference events carry it)',
					},
					{
						displayName: 'Ignore Retries',
						name: 'ignoreDuplicates',
						type: 'boolean',
						default: true,
						description:
							'Whether a callback Twilio sends again (same I-Twilio-Idempotency-Token) is answered without starting the workflow a second time',
					},
					{
						displayName: 'Public URL',
						name: 'publicUrl',
						type: 'string',
						default: '',
						placeholder: 'e.g. https://n8n.example.com/webhook/1f2e…/webhook',
						description:
							'The URL exactly as given to Twilio, when a proxy in front of n8n changes the path. The signature covers the URL, so it is checked against this one. Leave empty to use the URL as received.',
					},
				],
			},
		],
	};

	webhookMethods = {
		default: {
			// Conference callbacks are set per participant or in TwiML: there is nothing to find or register at
			// Twilio. Activation only checks that incoming callbacks can be verified.
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return false;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				if (!(this.getNodeParameter('verifySignature', true) as boolean)) return true;
				const secrets = signingSecrets(await this.getCredentials(CREDENTIAL_NAME));
				if (!secrets.authToken && !secrets.sharedKeySecret) {
					throw new NodeOperationError(this.getNode(), 'No secret to check Twilio signatures with', {
						description:
							"The credential uses an API key, which cannot check callbacks. Add the Auth Token in the credential's Webhook Auth Token field (or a Webhook Shared Key Secret), or turn off Verify Signature.",
					});
				}
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await handleCallback(this, {
			credentialName: CREDENTIAL_NAME,
			events: this.getNodeParameter('events', []) as string[],
			verifySignature: this.getNodeParameter('verifySignature', true) as boolean,
			options: this.getNodeParameter('options', {}) as IDataObject,
		});
	}
}
