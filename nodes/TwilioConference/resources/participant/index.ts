/**
 * Resource Conference Participant. Each operation lives in its own file (<operation>.operation.ts) with its
 * routing and the fields only it has; the fields several operations share are in shared.ts.
 */
import type { INodeProperties } from 'n8n-workflow';

import { createFields, createNotice, createOperation } from './create.operation';
import { deleteOperation } from './delete.operation';
import { getOperation } from './get.operation';
import { getAllFields, getAllOperation } from './getAll.operation';
import { conference, customParameters, options, participant, simplify } from './shared';
import { updateFields, updateOperation } from './update.operation';

export const participantDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['participant'] } },
		options: [createOperation, deleteOperation, getOperation, getAllOperation, updateOperation],
		default: 'get',
	},
	createNotice,
	conference,
	participant,
	...createFields,
	...getAllFields,
	...updateFields,
	customParameters,
	...simplify,
	options,
];
