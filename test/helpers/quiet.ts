/**
 * n8n's logger writes every node error to the console; a test run that checks hundreds of refusals would print
 * them all. Its output is dropped here unless TEST_LOGS is set; the reliability files still capture it to scan
 * for secrets.
 */
import { Logger } from '@n8n/backend-common';
import { Container } from '@n8n/di';

beforeAll(() => {
	if (process.env.TEST_LOGS) return;
	const silent = { log: () => undefined, child: () => silent };
	(Container.get(Logger) as unknown as { setInternalLogger(internal: unknown): void }).setInternalLogger(silent);
});
