import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { assessmentInputSchema } from '../core/assessment/input';
import { LANGS } from '../core/content/schema';
import { feedbackSchema } from '../core/feedback';
import { guideData, guideSlugs, listGuides } from './content';
import { guideListSchema, guideResourceSchema, openApiDocument } from './openapi';

type Doc = { openapi: string; components: { schemas: Record<string, { properties: Record<string, unknown> }> } };

describe('the OpenAPI document', () => {
	it('is valid OpenAPI 3.1 by a maintained validator', async () => {
		const validator = new Validator();
		const result = await validator.validate(structuredClone(openApiDocument()));
		expect(result.errors ?? []).toEqual([]);
		expect(result.valid).toBe(true);
		expect(validator.version).toBe('3.1');
		// …and the validator does refuse a broken one.
		const broken = structuredClone(openApiDocument()) as { paths: Record<string, unknown> };
		broken.paths['/api/v1/guides'] = { get: { responses: { '200': { content: 'json' } } } };
		expect((await new Validator().validate(broken)).valid).toBe(false);
	});

	it('describes the request bodies with every field of the schemas the routes validate with', () => {
		const { schemas } = (openApiDocument() as Doc).components;
		expect(Object.keys(schemas.FeedbackInput.properties).sort()).toEqual(Object.keys(feedbackSchema.shape).sort());
		expect(Object.keys(schemas.AssessmentInput.properties).sort()).toEqual(Object.keys(assessmentInputSchema.shape).sort());
	});

	it('describes every guide and guide list the content gives, in both languages', () => {
		// The review is the desk's (a database read); its shape is the schema's own.
		const review = { version: '0123456789ab', signedOff: null };
		for (const lang of LANGS) {
			expect(guideListSchema.safeParse({ guides: listGuides(lang) }).error).toBeUndefined();
			for (const slug of guideSlugs())
				expect(guideResourceSchema.safeParse({ ...guideData(slug, lang), review }).error, `${slug} ${lang}`).toBeUndefined();
		}
	});
});
