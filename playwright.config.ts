import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { adapterEnv } from './serving/adapter-env.js';
import { CHROMIUM_FLAGS, chromiumPath } from './tests/e2e/browser';
import { e2eDatabaseUrl, prepareE2eDatabase } from './tests/e2e/database';

const port = Number(process.env.E2E_PORT ?? 4173);
// Routes see the service worker's own requests too, so going offline (tests/e2e/offline.ts) holds
// for a worker the browser restarts mid-test, which the emulated offline state does not reach.
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';
// Workers load this file again; the env keeps them on the runner's data dir.
process.env.E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'fitnavigator-e2e-'));
await prepareE2eDatabase();

export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '**/*.e2e.ts',
	outputDir: 'test-results/e2e',
	fullyParallel: true,
	workers: 2,
	retries: 0,
	reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
	globalTeardown: './tests/e2e/global-teardown.ts',
	use: {
		baseURL: `http://127.0.0.1:${port}`,
		trace: 'off',
		// Every page with JavaScript registers the offline service worker, which then fetches the whole
		// site (196 files, 5.2 MB, and 40 self-check pages the server renders) into each test's fresh
		// context. Only the offline tests need it, and allow it themselves.
		serviceWorkers: 'block',
		launchOptions: { executablePath: await chromiumPath(), args: CHROMIUM_FLAGS }
	},
	projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
	webServer: {
		command: 'node server.js',
		url: `http://127.0.0.1:${port}/readyz`,
		reuseExistingServer: false,
		// A cold PGlite and the content load on a loaded machine can take more than a minute.
		timeout: 180_000,
		// Plain http on loopback: adapterEnv names the server's own protocol header.
		env: adapterEnv({
			PORT: String(port),
			HOST: '127.0.0.1',
			DATA_DIR: process.env.E2E_DATA_DIR,
			DATABASE_URL: e2eDatabaseUrl() ?? '',
			FEEDBACK_RATE_LIMIT: '0',
			// Turns on the test-only route that throws, for the 500 page's tests (tests/e2e/errors.e2e.ts).
			FITNAVIGATOR_TEST_SERVER_ERROR: '1'
		}) as Record<string, string>
	}
});
