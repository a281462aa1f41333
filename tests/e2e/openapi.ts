// Checks API answers against the served OpenAPI document (/api/v1/openapi.json), so the
// document cannot drift from what the code answers. Use in any browser/API test:
//   await expectMatchesOpenApi(request, 'post', '/api/v1/guides/{slug}/feedback', res);
import { expect, type APIRequestContext, type APIResponse } from '@playwright/test';
import { Ajv2020 } from 'ajv/dist/2020.js';

type Operation = { responses: Record<string, { content?: Record<string, { schema?: object }> }> };
type Document = { paths: Record<string, Record<string, Operation>> };

let loaded: Promise<{ document: Document; ajv: Ajv2020 }> | undefined;

function contract(request: APIRequestContext) {
	loaded ??= (async () => {
		const res = await request.get('/api/v1/openapi.json');
		expect(res.status(), 'GET /api/v1/openapi.json').toBe(200);
		const document = (await res.json()) as Document;
		// OpenAPI 3.1 schemas are JSON Schema 2020-12; formats are documentation here.
		const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
		ajv.addSchema(document, 'openapi.json');
		return { document, ajv };
	})();
	return loaded;
}

const pointer = (...parts: string[]) => parts.map((p) => p.replaceAll('~', '~0').replaceAll('/', '~1')).join('/');

/**
 * Fails unless the document lists `res`'s status for `method` `path` (a path template
 * as in the document, e.g. `/api/v1/guides/{slug}`) and the JSON body matches its schema.
 */
export async function expectMatchesOpenApi(request: APIRequestContext, method: string, path: string, res: APIResponse): Promise<void> {
	const { document, ajv } = await contract(request);
	const operation = document.paths[path]?.[method.toLowerCase()];
	expect(operation, `${method} ${path} is in the OpenAPI document`).toBeTruthy();
	const status = String(res.status());
	const described = operation.responses[status];
	expect(described, `${method} ${path} → ${status} is in the OpenAPI document`).toBeTruthy();
	const schema = described.content?.['application/json']?.schema;
	if (!schema) return; // a response documented without a body schema (e.g. 204)
	const validate = ajv.getSchema(
		`openapi.json#/${pointer('paths', path, method.toLowerCase(), 'responses', status, 'content', 'application/json', 'schema')}`
	);
	expect(validate, 'schema compiles').toBeTruthy();
	const body = await res.json();
	const valid = validate!(body);
	expect(valid ? [] : validate!.errors, `${method} ${path} → ${status} matches the OpenAPI document`).toEqual([]);
}
