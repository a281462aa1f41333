// `npm run test:resilience`: the built server under faults and hostile input. Separate
// from the unit tests because it needs a build and starts real servers and databases.
import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		include: ['tests/resilience/**/*.resilience.ts'],
		globalSetup: ['tests/resilience/global-setup.ts'],
		environment: 'node',
		// Each file starts servers on its own ports; running files one by one keeps timings honest.
		fileParallelism: false,
		testTimeout: 180_000,
		hookTimeout: 180_000
	}
});
