/**
 * Resource Conference Participant. Each operation lives in its own file (<operation>.operation.ts) with its
 * routing and the fields only it has; fields several participant operations share are in fields.ts, and those
 * every resource shares (Conference, Return All, Limit, Simplify, Options) in ../common.ts.
 */
import type { INodeProperties } from 'n8n-workflow';

import { createFields, createNotice, createOperation } from './create.operation';
import { deleteOperation } from './delete.operation';
import { getOperation } from './get.operation';
import { getAllFields, getAllOperation } from './getAll.operation';
import { customParameters, participant } from './fields';
import { updateFields, updateOperation } from './update.operation';

export const participantOperation: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['participant'] } },
	options: [createOperation, deleteOperation, getOperation, getAllOperation, updateOperation],
	default: 'get',
};

export const participantCreateNotice: INodeProperties[] = [createNotice];

/** The participant's own fields; Get and Delete need only the conference and the participant. */
export const participantFields: INodeProperties[] = [
	participant,
	...createFields,
	...getAllFields,
	...updateFields,
	customParameters,
];
