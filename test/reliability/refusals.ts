/** What the bad-input files share: a wrong value and the check that it was refused, naming field and item. */
import type { INodeExecutionData } from 'n8n-workflow';

export interface Wrong {
	what: string;
	value: unknown;
	/** What the message must say about the problem. */
	problem: RegExp;
}

export const HEX32 = '0123456789abcdef0123456789abcdef';
export const OBJECT = { a: 1 };

export /** "Invalid value for "Call SID To Coach" in item 3: ..." names CallSidToCoach: the same letters, spaces aside. */
function namedField(message: string | undefined): { field: string; item: number } | undefined {
	const m = /^Invalid value for "([^"]+)" in item (\d+): /.exec(message ?? '');
	return m ? { field: m[1].replace(/\s+/g, '').toLowerCase(), item: Number(m[2]) } : undefined;
}

/** The counts a bad-input file reports when it is done. */
export const figures = { fields: 0, wrongValues: 0, refused: 0, passedThrough: 0 };

export function expectRefusals(items: INodeExecutionData[], wrong: Wrong[], field: string) {
	wrong.forEach(({ what, problem }, i) => {
		const error = items[i]?.error;
		const context = `${field}, ${what}: ${error?.message ?? 'not refused'}`;
		expect({ context, named: namedField(error?.message) }).toEqual({
			context,
			named: { field: field.toLowerCase(), item: i },
		});
		expect(error?.message).toMatch(problem);
		expect(error?.description).toBe('Nothing was sent to Twilio for this item.');
		expect(items[i].pairedItem).toEqual({ item: i });
	});
	figures.wrongValues += wrong.length;
	figures.refused += items.slice(0, wrong.length).filter((item) => namedField(item.error?.message)).length;
}
