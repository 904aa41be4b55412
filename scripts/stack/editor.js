'use strict';
/*
 * The n8n editor in Debian's Chromium, driven by playwright-core (never downloads a browser).
 * Logs in, opens a workflow canvas, opens the node panel, searches "Twilio Conference", adds the node,
 * opens its settings and reads the Resource, the Operation choices and the field labels; then switches to
 * Update and opens the Conference and Participant pickers (From List) and reads their entries. Screenshots
 * go to artifactsDir; the two pickers, cropped to the node settings and side by side, to pickersFile
 * (default <artifactsDir>/08-pickers.png); then the other resources (browser-resources.js). Returns
 * { operations, fields, resource, conferences, participants, resources, conferenceOperations, endFields,
 * recordingOperations, recordings, screenshots } or { skipped: reason }.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { checkOtherResources } = require('./browser-resources');

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const LAUNCH_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--disable-dev-shm-usage',
];

/**
 * Runs steps(session) in Debian's Chromium with an empty profile and nothing reachable but loopback (the n8n
 * under test). session: { context, page, shot(name) } (shot saves <artifactsDir>/<name>.png); `screenshots`
 * lists what was saved. On failure a `failureShot` screenshot is taken and every screenshot is named in the
 * error. Resolves what steps resolves, or { skipped: reason } without playwright-core or Chromium.
 */
async function withBrowser({ artifactsDir, screenshots, failureShot, deviceScaleFactor = 1, timeoutMs }, steps) {
	let pw;
	try {
		pw = require('playwright-core');
	} catch {
		return { skipped: 'playwright-core is not installed (npm devDependency)' };
	}
	if (!fs.existsSync(CHROMIUM)) return { skipped: `no Chromium at ${CHROMIUM} (apt-get install -y chromium)` };
	fs.mkdirSync(artifactsDir, { recursive: true });
	const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-chromium-'));
	const context = await pw.chromium.launchPersistentContext(userDataDir, {
		executablePath: CHROMIUM,
		headless: true,
		args: LAUNCH_ARGS,
		viewport: { width: 1440, height: 900 },
		deviceScaleFactor,
		timeout: 60000,
	});
	await context.route(/^(?!http:\/\/(127\.0\.0\.1|localhost)[:/]).*/, (route) => route.abort());
	const page = context.pages()[0] || (await context.newPage());
	page.setDefaultTimeout(timeoutMs);
	const shot = async (name) => {
		const file = path.join(artifactsDir, `${name}.png`);
		await page.screenshot({ path: file });
		screenshots.push(file);
		return file;
	};
	try {
		return await steps({ context, page, shot });
	} catch (e) {
		try {
			await shot(failureShot);
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

/**
 * pickConference: the conference to choose in the picker (its participants are listed next); the first
 * entry when not given. deviceScaleFactor: 2 for sharper screenshots (docs).
 */
async function runEditorCheck({
	baseUrl,
	owner,
	workflowId,
	artifactsDir,
	searchText = 'Twilio Conference',
	pickConference,
	pickersFile = path.join(artifactsDir, '08-pickers.png'),
	deviceScaleFactor = 1,
	timeoutMs = 30000,
}) {
	fs.rmSync(artifactsDir, { recursive: true, force: true }); // only this run's screenshots
	const screenshots = [];
	const consoleErrors = [];
	const options = { artifactsDir, screenshots, failureShot: '99-failure', deviceScaleFactor, timeoutMs };
	return withBrowser(options, async ({ context, page, shot }) => {
		page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));

		// 1. Sign in through the form.
		await signIn(page, { baseUrl, owner, timeoutMs, beforeSubmit: () => shot('01-signin') });

		// 2. A workflow canvas.
		await page.goto(`${baseUrl}/workflow/${workflowId}`, { waitUntil: 'domcontentloaded' });
		await page.locator('[data-test-id="canvas-node"]').first().waitFor();
		await dismissPopups(page);
		await shot('02-canvas');

		// 3. The node panel: search and pick our node.
		const plus = page.locator('[data-test-id="node-creator-plus-button"]').first();
		await plus.waitFor();
		await plus.click();
		const search = page.locator('[data-test-id="node-creator-search-bar"]').first();
		await search.waitFor();
		await search.fill(searchText);
		const itemName = page.locator('[data-test-id="node-creator-item-name"]', {
			hasText: new RegExp(`^${searchText}$`),
		});
		const item = page.locator('[data-test-id="item-iterator-item"]', { has: itemName }).first();
		await item.waitFor();
		await shot('03-node-panel-search');
		await item.click();

		// A node with several operations lists them as actions; pick "Get" to add the node.
		const actionItems = page.locator('[data-test-id="item-iterator-item"]');
		await actionItems.filter({ hasText: 'Get a conference participant' }).first().waitFor();
		const actions = (await actionItems.allInnerTexts()).map((t) => t.split('\n')[0].trim()).filter(Boolean);
		await shot('04-node-actions');
		await actionItems.filter({ hasText: 'Get a conference participant' }).first().click();

		// 4. The node's settings (NDV) open after adding it.
		const params = page.locator('[data-test-id="ndv"] [data-test-id="node-parameters"]').first();
		await params.locator('[data-test-id="parameter-input-operation"]').waitFor();
		await shot('05-node-settings-get');
		const resource = await params.locator('[data-test-id="parameter-input-resource"] input').first().inputValue();
		const getFields = await fieldLabels(params);

		// The Operation choices; then switch to Create and read its fields.
		const operations = await chooseOperation(page, params, 'Create', () => shot('06-operation-dropdown'));
		await params.locator('[data-test-id="parameter-input-from"]').waitFor();
		const createFields = await fieldLabels(params);
		await shot('07-node-settings-create');

		// 5. Update: the Conference and Participant pickers, From List.
		await chooseOperation(page, params, 'Update');
		const conference = await openPicker(page, params, 'conference', pickConference);
		const conferenceClip = await pickerClip(page, params, conference.list);
		const conferenceShot = await page.screenshot({ clip: conferenceClip });
		await conference.choose();
		const participant = await openPicker(page, params, 'participant');
		const participantShot = await page.screenshot({ clip: await pickerClip(page, params, participant.list) });
		await sideBySide(context, [conferenceShot, participantShot], pickersFile, deviceScaleFactor);
		screenshots.push(pickersFile);
		await page.keyboard.press('Escape');
		const others = await checkOtherResources(page, params, { pickConference, shot, openPicker, fieldLabels });
		return {
			...others,
			resource,
			operations: [...new Set(operations)].sort(),
			actions,
			fields: getFields,
			createFields,
			conferences: conference.entries,
			chosenConference: conference.chosen,
			participants: participant.entries,
			screenshots,
			consoleErrors,
		};
	});
}

/** Signs in through the editor's form; beforeSubmit (e.g. a screenshot) runs with the form filled. */
async function signIn(page, { baseUrl, owner, timeoutMs, beforeSubmit }) {
	await page.goto(`${baseUrl}/signin`, { waitUntil: 'domcontentloaded' });
	const email = page.locator('input[name="emailOrLdapLoginId"], input[name="email"], input[type="email"]').first();
	await email.waitFor();
	await email.fill(owner.email);
	await page.locator('input[name="password"], input[type="password"]').first().fill(owner.password);
	if (beforeSubmit) await beforeSubmit();
	await page.locator('[data-test-id="form-submit-button"], button:has-text("Sign in")').first().click();
	await page.waitForURL((u) => !/\/signin/.test(u.pathname), { timeout: timeoutMs });
}

/** Opens the Operation dropdown (then calls whenOpen), picks `name`; returns every choice shown. */
async function chooseOperation(page, params, name, whenOpen) {
	await params.locator('[data-test-id="parameter-input-operation"]').click();
	const options = page.locator('.el-select-dropdown__item:visible, [role="option"]:visible');
	await options.first().waitFor();
	const all = (await options.allInnerTexts()).map((t) => t.split('\n')[0].trim()).filter(Boolean);
	if (whenOpen) await whenOpen();
	await options
		.filter({ has: page.getByText(name, { exact: true }) })
		.first()
		.click();
	return all;
}

/**
 * Opens the From List dropdown of a resource locator and waits for its entries (the one named `pick`, if
 * given). Returns { list, entries, chosen, choose() }.
 */
async function openPicker(page, params, name, pick) {
	const locator = params.locator(`[data-test-id="resource-locator-${name}"]`);
	await locator.waitFor();
	const mode = await locator.locator('[data-test-id="rlc-mode-selector"] input').first().inputValue();
	if (!/list/i.test(mode)) throw new Error(`${name} picker is in mode "${mode}", expected From List`);
	await locator.locator('[data-test-id="rlc-input"]').click();
	// The popover whose entries show: n8n 2.x opens it as a dialog of its own; n8n 1.x as a tooltip inside the
	// node settings (themselves a dialog), where an earlier picker's list stays, hidden. The innermost is last.
	const shown = page.locator('[data-test-id="rlc-item"]').filter({ visible: true });
	const list = page
		.locator('[role="dialog"], [role="tooltip"]')
		.filter({ has: page.locator('[data-test-id="rlc-search"]') })
		.filter({ has: shown })
		.last();
	const items = list.locator('[data-test-id="rlc-item"]');
	const wanted = pick ? items.filter({ hasText: pick }).first() : items.first();
	await wanted.waitFor();
	const entries = (await items.allInnerTexts()).map((t) => t.trim()).filter(Boolean);
	const chosen = (await wanted.innerText()).trim();
	return { list, entries, chosen, choose: () => wanted.click() };
}

/** The node settings column, from its tabs down to just below the open picker list. */
async function pickerClip(page, params, list) {
	await page.waitForTimeout(300); // the list slides in
	const p = await params.boundingBox();
	const l = await list.boundingBox();
	const pad = 12;
	const x = Math.max(0, p.x - pad);
	const y = Math.max(0, p.y - 40);
	const bottom = Math.min(page.viewportSize().height, Math.max(l.y + l.height, p.y) + 10);
	return { x, y, width: p.width + 2 * pad, height: bottom - y };
}

/** Puts PNG screenshots next to each other in one PNG (drawn by the same browser). */
async function sideBySide(context, pngs, file, scale) {
	const page = await context.newPage();
	try {
		const imgs = pngs
			.map((b) => `<img src="data:image/png;base64,${b.toString('base64')}" style="zoom:${1 / scale}">`)
			.join('');
		await page.setContent(
			`<body style="margin:0;background:#e8e8ed"><div id="c" style="display:inline-flex;gap:16px;padding:16px;align-items:flex-start">${imgs}</div></body>`,
		);
		await page.locator('#c').screenshot({ path: file });
	} finally {
		await page.close();
	}
}

/** The labels of the parameters shown, first line only. */
async function fieldLabels(params) {
	const texts = await params.locator('[data-test-id="input-label"]').allInnerTexts();
	return [...new Set(texts.map((t) => t.split('\n')[0].replace(/\*$/, '').trim()).filter(Boolean))];
}

/** Closes first-run dialogs that may cover the canvas. */
async function dismissPopups(page) {
	for (const sel of [
		'button:has-text("Got it")',
		'[data-test-id="close-button"]',
		'button[aria-label="Close"]',
		'.el-dialog__headerbtn',
		'.el-message-box__headerbtn',
	]) {
		const loc = page.locator(sel);
		for (let i = 0; i < (await loc.count()); i++) {
			try {
				if (await loc.nth(i).isVisible()) await loc.nth(i).click({ timeout: 2000 });
			} catch {
				/* ignore */
			}
		}
	}
}

module.exports = { runEditorCheck, withBrowser, signIn, CHROMIUM, LAUNCH_ARGS };
