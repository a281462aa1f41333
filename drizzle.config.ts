import { defineConfig } from 'drizzle-kit';

export default defineConfig({
	dialect: 'postgresql',
	schema: ['./src/lib/server/db/schema.ts', './src/lib/server/db/desk-schema.ts'],
	out: './drizzle'
});
