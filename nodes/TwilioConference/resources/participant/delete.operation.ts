import type { INodePropertyOptions } from 'n8n-workflow';

import { deletedResult, prepareRequest } from '../../helpers/requests';
import { loopRouting } from '../routing';

/** Delete needs only the shared Conference and Participant fields (fields.ts). */
export const deleteOperation: INodePropertyOptions = {
	name: 'Delete',
	value: 'delete',
	action: 'Remove a participant from a conference',
	description:
		'Hang up a participant and remove them from a live conference. Needs the conference SID and the Call SID or label; returns deleted: true.',
	routing: loopRouting('DELETE', {
		readOnly: false,
		prepare: prepareRequest({ target: 'participant' }),
		output: deletedResult,
	}),
};
