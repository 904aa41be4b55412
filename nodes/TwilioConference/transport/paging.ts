/**
 * Following Twilio's `next_page_uri`. Twilio gives a path on the same API host; anything else is refused rather
 * than followed, since the request to it would carry the credentials. A link already followed means the pages
 * go round in a circle, which would never end.
 */
export const MAX_PAGE_SIZE = 1000;

export class PagingProblem extends Error {
	/** How many entries had been read when paging stopped, and the link that was not followed. */
	entriesRead = 0;

	link = '';
}

/** The page size for the first request: Twilio's largest for Return All, otherwise no larger than needed. */
export function firstPageSize(limit: number): number {
	return Number.isFinite(limit) ? Math.max(1, Math.min(limit, MAX_PAGE_SIZE)) : MAX_PAGE_SIZE;
}

/**
 * Whether a link is a plain path on the API host: it starts with one `/`, and neither a second slash, a
 * backslash (which URL parsers read as a slash), a scheme nor percent-encoded versions of these can make it
 * name another host.
 */
export function isSameHostPath(link: string): boolean {
	if (!link.startsWith('/') || link.startsWith('//')) return false;
	let decoded = link;
	try {
		decoded = decodeURIComponent(link);
	} catch {
		return false;
	}
	return !/^[/\\]{2}|^\/\\|[\u0000-\u001f\u007f]/.test(decoded) && !link.includes('\\');
}

/** The next page to ask for, or undefined on the last page. */
export function nextPage(link: unknown, followed: Set<string>): string | undefined {
	if (link === null || link === undefined || link === '') return undefined;
	if (typeof link !== 'string' || !isSameHostPath(link)) {
		throw new PagingProblem(
			`Twilio's next page link is not a path on the API host, so it was not followed: ${String(link).slice(0, 120)}`,
		);
	}
	if (followed.has(link)) {
		throw new PagingProblem(
			`Twilio's next page link leads back to a page already read (${link.slice(0, 120)}), so paging stopped`,
		);
	}
	followed.add(link);
	return link;
}

/** nextPage, with its problem as a value. */
function nextLink(link: unknown, followed: Set<string>): string | undefined | PagingProblem {
	try {
		return nextPage(link, followed);
	} catch (problem) {
		return problem instanceof PagingProblem ? problem : new PagingProblem(String(problem));
	}
}

/** A page whose list is missing: not Twilio's answer (a proxy's page, a cut-off body). */
export class UnreadablePage extends Error {
	constructor(readonly body: unknown) {
		super('The page holds no list');
	}
}

export interface PageWalk {
	/** Where a page keeps its entries, e.g. `conferences`. */
	listKey: string;
	/** Reads the first page (no link) or the page a next-page link names. */
	fetch: (link: string | undefined) => Promise<unknown>;
	/** Most entries wanted: reading stops as soon as there are as many, even in the middle of a page. */
	limit?: number;
	/** Which entries count (a picker's search text); all when not given. */
	keep?: (entry: Record<string, unknown>) => boolean;
	/** Checked after each whole page: stop there and hand back the next link (a picker's "load more"). */
	enough?: (entries: Array<Record<string, unknown>>, pages: number) => boolean;
	/** A link already followed before this walk (the picker's pagination token). */
	startedAt?: string;
}

/**
 * Reads Twilio's pages one after another, following next_page_uri under the rules of nextPage. An entry seen on
 * an earlier page (a page read again after a retry) is not kept twice. Every list reader of the node goes through
 * here: Get Many of every resource, the pickers and the friendly-name look-up.
 */
export async function walkPages(walk: PageWalk): Promise<{ entries: Array<Record<string, unknown>>; next?: string }> {
	// A picker's token comes back from the editor: it is a link like any other, and must name the API host too.
	if (walk.startedAt !== undefined && !isSameHostPath(walk.startedAt)) {
		throw new PagingProblem(
			`The list's page token is not a path on the API host, so it was not followed: ${walk.startedAt.slice(0, 120)}`,
		);
	}
	const limit = walk.limit ?? Infinity;
	const seen = new Set<string>();
	const followed = new Set<string>(walk.startedAt ? [walk.startedAt] : []);
	const entries: Array<Record<string, unknown>> = [];
	let link: string | undefined;
	for (let pages = 1; ; pages++) {
		const body = (await walk.fetch(link)) as Record<string, unknown> | undefined;
		const list = body?.[walk.listKey];
		if (!Array.isArray(list)) throw new UnreadablePage(body);
		for (const entry of list as Array<Record<string, unknown>>) {
			const key = String(entry.call_sid ?? entry.sid ?? `#${entries.length}`);
			if (seen.has(key)) continue;
			seen.add(key);
			if (walk.keep && !walk.keep(entry)) continue;
			entries.push(entry);
			if (entries.length >= limit) return { entries };
		}
		const next = nextLink(body?.next_page_uri, followed);
		if (next instanceof PagingProblem)
			throw Object.assign(next, { entriesRead: entries.length, link: String(body?.next_page_uri ?? '') });
		link = next;
		if (!link || walk.enough?.(entries, pages)) return { entries, next: link };
	}
}
