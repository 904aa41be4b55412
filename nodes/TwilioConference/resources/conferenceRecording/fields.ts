import type { INodeProperties } from 'n8n-workflow';

import { recordingField } from '../../helpers/descriptions';

export const RESOURCE = ['conferenceRecording'];

/** Shown for these recording operations. */
export const show = (...operation: string[]) => ({ show: { operation, resource: RESOURCE } });

export const NO_START =
	"Twilio has no API that starts a conference recording: record a conference by adding its first participant with Additional Fields → Conference Record (Record From Start), or with the record attribute of TwiML's Conference.";

export const recordingNotice: INodeProperties = {
	displayName: NO_START,
	name: 'recordingNotice',
	type: 'notice',
	default: '',
	displayOptions: { show: { resource: RESOURCE } },
};

export const recording = recordingField(show('delete', 'get', 'update').show);
