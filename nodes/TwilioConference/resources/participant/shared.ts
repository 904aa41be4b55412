import { customParametersField, participantField } from '../../shared/descriptions';

const forOperations = (...operation: string[]) => ({ operation, resource: ['participant'] });

export const participant = participantField(forOperations('delete', 'get', 'update'));

export const customParameters = customParametersField(forOperations('create', 'update'));
