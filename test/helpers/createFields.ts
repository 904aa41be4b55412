/**
 * Create's optional fields sit in several collections (Additional Fields, Conference Options, Recording Options,
 * Answering Machine Detection, Emergency Calling). Tests that set fields by name, often from the reference table,
 * put each in its collection with this, as the editor would.
 */
import { CREATE_GROUPS } from '../../nodes/TwilioConference/resources/participant/create.operation';

export function inCreateGroups(fields: Record<string, unknown>): Record<string, Record<string, unknown>> {
	const groups: Record<string, Record<string, unknown>> = {};
	for (const [name, value] of Object.entries(fields)) {
		const group = CREATE_GROUPS.find((candidate) => candidate.rows.some((row) => row.name === name));
		if (!group) throw new Error(`no Create field named ${name}`);
		(groups[group.name] ??= {})[name] = value;
	}
	return groups;
}
