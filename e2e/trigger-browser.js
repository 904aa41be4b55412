'use strict';
/*
 * The trigger in the n8n editor (Debian's Chromium, playwright-core): open a workflow whose first node is the
 * Twilio Conference Trigger, open the node, read the notice and the events, click "Listen for test event", let
 * `sendTestEvent()` post a signed callback to the test URL, and read what the node's output shows.
 * Returns { notice, texts, output, screenshots } or { skipped }.
 */
const { withBrowser, signIn } = require('../scripts/stack/editor');

async function runTriggerListenCheck({ baseUrl, owner, workflowId, artifactsDir, sendTestEvent, timeoutMs = 30000 }) {
	const screenshots = [];
	return withBrowser({ artifactsDir, screenshots, failureShot: 't9-failure', timeoutMs }, async ({ page, shot }) => {
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
			.then(
				() => true,
				() => false,
			);
		await shot('t2-listening');
		const sent = await sendTestEvent();
		const output = ndv.locator('[data-test-id="output-panel"]').first();
		await output.getByText('participant-join').first().waitFor();
		await shot('t3-test-event-received');
		return { notice, texts, listening, sent, output: await output.innerText(), screenshots };
	});
}

module.exports = { runTriggerListenCheck };
