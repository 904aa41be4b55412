import { firstPageSize, isSameHostPath, nextPage, PagingProblem } from '../../nodes/TwilioConference/transport/paging';

describe('next page links', () => {
	const page2 = '/2010-04-01/Accounts/AC1/Conferences/CF1/Participants.json?PageSize=50&Page=1&PageToken=PA1';

	test('a path on the API host is followed, the last page ends paging', () => {
		const followed = new Set<string>();
		expect(nextPage(page2, followed)).toBe(page2);
		expect(nextPage(null, followed)).toBeUndefined();
		expect(nextPage(undefined, followed)).toBeUndefined();
		expect(nextPage('', followed)).toBeUndefined();
	});

	test.each([
		'https://evil.example/2010-04-01/x',
		'//evil.example/x',
		'/\\evil.example/x',
		'\\\\evil.example/x',
		'/%2Fevil.example/x',
		'/%5Cevil.example/x',
		'relative/path',
		'/path/%E0%A4%A',
		'/line%0abreak',
	])('%s is not followed: the request would carry the credentials elsewhere', (link) => {
		expect(isSameHostPath(link)).toBe(false);
		expect(() => nextPage(link, new Set())).toThrow(PagingProblem);
	});

	test('a link that is not text is refused', () => {
		expect(() => nextPage({ href: page2 }, new Set())).toThrow(/not a path on the API host/);
	});

	test('a link already followed stops paging instead of going round for ever', () => {
		const followed = new Set<string>();
		nextPage(page2, followed);
		nextPage(`${page2}x`, followed);
		expect(() => nextPage(page2, followed)).toThrow(/leads back to a page already read/);
	});

	test('page size: 1000 for Return All, no more than needed for a limit', () => {
		expect(firstPageSize(Infinity)).toBe(1000);
		expect(firstPageSize(5)).toBe(5);
		expect(firstPageSize(5000)).toBe(1000);
	});
});
