import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { ANNOUNCE_PARAMETERS } from '../../helpers/apiParameters';
import { toProperty } from '../../helpers/fields';
import { prepareRequest } from '../../helpers/requests';
import { simplifyWhenAsked } from '../../helpers/simplify';
import { loopRouting } from '../routing';

import { show, TARGET_CONFERENCE } from './fields';

export const announceOperation: INodePropertyOptions = {
	name: 'Announce',
	value: 'announce',
	action: 'Announce to a conference',
	description:
		'Play an audio file or TwiML message to everyone in a live conference at once; nobody is removed. Needs the conference and an Announce URL; returns the conference.',
	routing: loopRouting('POST', {
		readOnly: false,
		prepare: prepareRequest({
			target: 'conference',
			conferenceParameter: TARGET_CONFERENCE,
			parameters: ANNOUNCE_PARAMETERS,
			required: { AnnounceUrl: 'Announce URL' },
		}),
		output: simplifyWhenAsked,
	}),
};

/** Announce URL and Announce Method. */
export const announceFields: INodeProperties[] = [
	{ ...toProperty(ANNOUNCE_PARAMETERS[0]), required: true, displayOptions: show('announce') },
	{ ...toProperty(ANNOUNCE_PARAMETERS[1]), displayOptions: show('announce') },
];
