import {
	firstPageSize,
	isSameHostPath,
	nextPage,
	PagingProblem,
	UnreadablePage,
	walkPages,
} from '../../nodes/TwilioConference/transport/paging';

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

describe('walkPages: every list of the node is read here', () => {
	const pages = (...lists: Array<Array<{ sid: string }>>) => {
		const links = lists.map((_, i) => `/2010-04-01/x.json?Page=${i}`);
		const fetched: Array<string | undefined> = [];
		const fetch = async (link: string | undefined) => {
			fetched.push(link);
			const index = link === undefined ? 0 : links.indexOf(link);
			return { items: lists[index], next_page_uri: links[index + 1] ?? null };
		};
		return { fetch, fetched, links };
	};
	const sids = (...names: string[]) => names.map((sid) => ({ sid }));

	test('reads to the last page, keeping each entry once', async () => {
		const { fetch, fetched, links } = pages(sids('a', 'b'), sids('b', 'c'), sids('d'));
		expect(await walkPages({ listKey: 'items', fetch })).toEqual({
			entries: sids('a', 'b', 'c', 'd'),
			next: undefined,
		});
		expect(fetched).toEqual([undefined, links[1], links[2]]);
	});

	test('a limit stops in the middle of a page, with no next link', async () => {
		const { fetch, fetched } = pages(sids('a', 'b', 'c'), sids('d'));
		expect(await walkPages({ listKey: 'items', fetch, limit: 2 })).toEqual({ entries: sids('a', 'b') });
		expect(fetched).toHaveLength(1);
	});

	test('enough stops after a whole page and hands back the next link; keep filters', async () => {
		const { fetch, links } = pages(sids('a', 'bb'), sids('cc', 'd'), sids('ee'));
		const walk = await walkPages({
			listKey: 'items',
			fetch,
			keep: (e) => String(e.sid).length === 2,
			enough: (found) => found.length >= 2,
		});
		expect(walk).toEqual({ entries: sids('bb', 'cc'), next: links[2] });
	});

	test('a page without its list, a foreign link and a foreign start token are problems', async () => {
		await expect(walkPages({ listKey: 'items', fetch: async () => ({ other: [] }) })).rejects.toBeInstanceOf(
			UnreadablePage,
		);
		const foreign = walkPages({
			listKey: 'items',
			fetch: async () => ({ items: sids('a'), next_page_uri: 'https://elsewhere.example/x' }),
		});
		await expect(foreign).rejects.toMatchObject({ entriesRead: 1, link: 'https://elsewhere.example/x' });
		let fetched = 0;
		const token = walkPages({
			listKey: 'items',
			startedAt: '//elsewhere.example/x',
			fetch: async () => ((fetched += 1), { items: [] }),
		});
		await expect(token).rejects.toBeInstanceOf(PagingProblem);
		expect(fetched).toBe(0);
	});

	test('a next link back to the start token goes round in a circle, and stops', async () => {
		const start = '/2010-04-01/x.json?Page=1';
		await expect(
			walkPages({
				listKey: 'items',
				startedAt: start,
				fetch: async () => ({ items: sids('a'), next_page_uri: start }),
			}),
		).rejects.toThrow(/leads back to a page already read/);
	});
});
