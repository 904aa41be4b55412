'use strict';
/*
 * The editor check of the resources beside Conference Participant (called by browser.js with the node settings
 * open): the Resource choices, Conference's operations and End's fields, Conference Recording's operations and
 * the recording picker of the chosen conference (From List). Screenshots 09-… and 10-… in the artifacts folder.
 */

/** Opens the dropdown of parameter `parameter`, reads its choices, picks `name`. */
async function choose(page, params, parameter, name) {
	await params.locator(`[data-test-id="parameter-input-${parameter}"]`).click();
	const options = page.locator('.el-select-dropdown__item:visible, [role="option"]:visible');
	await options.first().waitFor();
	const all = (await options.allInnerTexts()).map((t) => t.split('\n')[0].trim()).filter(Boolean);
	await options
		.filter({ has: page.getByText(name, { exact: true }) })
		.first()
		.click();
	return [...new Set(all)];
}

async function checkOtherResources(page, params, { pickConference, shot, openPicker, fieldLabels }) {
	const resources = await choose(page, params, 'resource', 'Conference');
	const conferenceOperations = await choose(page, params, 'operation', 'End');
	await params.locator('[data-test-id="resource-locator-targetConference"]').waitFor();
	const endFields = await fieldLabels(params);
	await shot('09-conference-end');
	await choose(page, params, 'resource', 'Conference Recording');
	const recordingOperations = await choose(page, params, 'operation', 'Get');
	const conference = await openPicker(page, params, 'conference', pickConference);
	await conference.choose();
	const recording = await openPicker(page, params, 'recording');
	await shot('10-recording-picker');
	await page.keyboard.press('Escape');
	return {
		resources: resources.sort(),
		conferenceOperations: conferenceOperations.sort(),
		endFields,
		recordingOperations: recordingOperations.sort(),
		recordings: recording.entries,
	};
}

module.exports = { checkOtherResources };
