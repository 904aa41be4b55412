import { conferenceField } from '../../helpers/descriptions';

/** Shown for these conference operations. */
export const show = (...operation: string[]) => ({ show: { operation, resource: ['conference'] } });

/**
 * Conference's own operations name their conference in a parameter of its own, not in the participants' and
 * recordings' `conference`: n8n's routing evaluates a parameter once for every property of that name, shown or
 * hidden, in both of its walks per item, so a second `conference` would double the cost of a mapped SID.
 */
export const TARGET_CONFERENCE = 'targetConference';

export const targetConference = conferenceField(show('announce', 'end', 'get').show, TARGET_CONFERENCE);
