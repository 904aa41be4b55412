'use strict';
/*
 * The trigger in the n8n editor (Debian's Chromium, playwright-core): open a workflow whose first node is the
 * Twilio Conference Trigger, open the node, read the notice and the events, click "Listen for test event", let
 * `sendTestEvent()` post a signed callback to the test URL, and read what the node's output shows.
 * Returns { notice, texts, output, screenshots } or { skipped }.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { CHROMIUM, LAUNCH_ARGS, signIn } = require('./browser');

async function runTriggerListenCheck({ baseUrl, owner, workflowId, artifactsDir, sendTestEvent, timeoutMs = 30000 }) {
	let pw;
	try {
		pw = require('playwright-core');
	} catch {
		return { skipped: 'playwright-core is not installed (npm devDependency)' };
	}
	if (!fs.existsSync(CHROMIUM)) return { skipped: `no Chromium at ${CHROMIUM} (apt-get install -y chromium)` };
	fs.mkdirSync(artifactsDir, { recursive: true });
	const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-chromium-trigger-'));
	const screenshots = [];
	const context = await pw.chromium.launchPersistentContext(userDataDir, {
		executablePath: CHROMIUM,
		headless: true,
		args: LAUNCH_ARGS,
		viewport: { width: 1440, height: 900 },
		timeout: 60000,
	});
	await context.route(/^(?!http:\/\/(127\.0\.0\.1|localhost)[:/]).*/, (route) => route.abort());
	const page = context.pages()[0] || (await context.newPage());
	page.setDefaultTimeout(timeoutMs);
	const shot = async (name) => {
		const file = path.join(artifactsDir, `${name}.png`);
		await page.screenshot({ path: file });
		screenshots.push(file);
	};
	try {
		await signIn(page, { baseUrl, owner, timeoutMs });

		await page.goto(`${baseUrl}/workflow/${workflowId}`, { waitUntil: 'domcontentloaded' });
		const node = page.locator('[data-test-id="canvas-node"]', { hasText: 'Twilio Conference Trigger' }).first();
		await node.waitFor();
		await node.dblclick();
		const ndv = page.locator('[data-test-id="ndv"]').first();
		await ndv.locator('[data-test-id="node-parameters"]').first().waitFor();
		await shot('t1-trigger-settings');
		const texts = await ndv.locator('[data-test-id="node-parameters"]').first().innerText();
		const notice = texts.split('\n').find((line) => /Conference Status Callback/.test(line)) || '';

		// The editor's button to listen for a test event: "Execute step" in the node's header in n8n 2.x,
		// "Listen for test event" / "Test step" in earlier lines.
		const listen = ndv.getByRole('button', { name: /Execute step|Listen for test event|Test step/i }).first();
		await listen.waitFor();
		await listen.click();
		const listening = await page
			.getByText(/Listening for test event|Waiting for you to|Listening/i)
			.first()
			.waitFor({ timeout: 10000 })
			.then(() => true, () => false);
		await shot('t2-listening');
		const sent = await sendTestEvent();
		const output = ndv.locator('[data-test-id="output-panel"]').first();
		await output.getByText('participant-join').first().waitFor();
		await shot('t3-test-event-received');
		return { notice, texts, listening, sent, output: await output.innerText(), screenshots };
	} catch (e) {
		try {
			await shot('t9-failure');
		} catch {
			/* ignore */
		}
		e.message += `\nscreenshots: ${screenshots.join(', ')}`;
		throw e;
	} finally {
		await context.close();
		fs.rmSync(userDataDir, { recursive: true, force: true });
	}
}

module.exports = { runTriggerListenCheck };
