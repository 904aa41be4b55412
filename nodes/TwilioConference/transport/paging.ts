/**
 * Following Twilio's `next_page_uri`. Twilio gives a path on the same API host; anything else is refused rather
 * than followed, since the request to it would carry the credentials. A link already followed means the pages
 * go round in a circle, which would never end.
 */
export const MAX_PAGE_SIZE = 1000;

export class PagingProblem extends Error {}

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
		throw new PagingProblem(`Twilio's next page link is not a path on the API host, so it was not followed: ${String(link).slice(0, 120)}`);
	}
	if (followed.has(link)) {
		throw new PagingProblem(`Twilio's next page link leads back to a page already read (${link.slice(0, 120)}), so paging stopped`);
	}
	followed.add(link);
	return link;
}
