import { customParametersField, participantField } from '../../helpers/descriptions';

/** Shown for these participant operations. */
export const forParticipant = (...operation: string[]) => ({ show: { operation, resource: ['participant'] } });

export const participant = participantField(forParticipant('delete', 'get', 'update').show);

export const customParameters = customParametersField(forParticipant('create', 'update').show);
