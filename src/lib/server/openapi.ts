// The OpenAPI 3.1 document for API v1, served at /api/v1/openapi.json. Request bodies
// come from the very zod schemas the routes validate with (imported, never copied), so
// a new field there appears here; responses are described by the schemas below, and
// the browser tests validate every API answer against this document.
import { z } from 'zod';
import { assessmentInputSchema } from '../core/assessment/input';
import { guideSchema as contentGuideSchema, langSchema } from '../core/content/schema';
import { feedbackSchema, feedbackSummarySchema } from '../core/feedback';
import { BODY_LIMIT, fieldIssueSchema } from './http';

export const apiErrorSchema = z.strictObject({
	error: z.strictObject({ code: z.string(), message: z.string(), field: z.string().nullable(), issues: z.array(fieldIssueSchema) })
});
export const feedbackCreatedSchema = z.strictObject({ id: z.uuid() });
// The API serves a guide in one language, rendered: texts where the content has one per
// language, people where it has their ids, and the desk's review. So its shape is the
// content's guide (the same slug, tag ids and date) with those fields replaced.
const guideSummarySchema = contentGuideSchema.pick({ slug: true, tags: true }).extend({ title: z.string(), summary: z.string() });
export const guideListSchema = z.strictObject({ guides: z.array(guideSummarySchema) });
// Guides and assessments are large documents owned by the content and the engine; the
// contract pins their top-level fields and lets the parts inside grow.
const person = z.looseObject({ name: z.string() });
export const guideResourceSchema = contentGuideSchema.pick({ slug: true, tags: true, updatedOn: true }).extend({
	lang: langSchema,
	title: z.string(),
	summary: z.string(),
	preparedBy: z.array(person),
	review: z
		.strictObject({
			version: z.string().regex(/^[0-9a-f]{12}$/),
			signedOff: z.strictObject({ name: z.string(), specialty: z.string(), on: z.iso.date() }).nullable()
		})
		.describe(
			'The editorial desk: `version` is the start of the SHA-256 of this text; `signedOff` names the expert who signed exactly this version, or is null while it awaits expert review'
		),
	sections: z.array(z.looseObject({ id: z.string(), exercises: z.array(z.looseObject({ id: z.string() })) })),
	sources: z.array(z.looseObject({ id: z.string() }))
});
export const assessmentSchema = z.looseObject({
	lang: langSchema,
	urgency: z.string(),
	specialist: z.string().nullable(),
	care: z.array(z.string()),
	reasons: z.array(z.looseObject({})),
	causes: z.array(z.looseObject({})),
	firstAid: z.array(z.string()),
	prevention: z.array(z.looseObject({ id: z.string() })),
	ifWorse: z.array(z.looseObject({})),
	cards: z
		.array(
			z.looseObject({
				id: z.string(),
				level: z.string(),
				title: z.string(),
				now: z.string(),
				action: z.string(),
				call: z.string().optional()
			})
		)
		.describe(
			'The cards of `care`, in order, with their text in the language asked for (Markdown): heading, what to do now, what to do, and `call`, the sentence with the emergency numbers (present on every emergency and urgent card)'
		),
	// A source may have no web address (the original article is cited by title).
	sources: z.array(z.looseObject({ id: z.string(), title: z.string(), url: z.string().optional() }))
});
const healthSchema = z.looseObject({ status: z.literal('ok'), uptimeSeconds: z.number() });
const readySchema = z.strictObject({ status: z.enum(['ready', 'unavailable']), database: z.string() });

const schema = (s: z.ZodType, io: 'input' | 'output') => {
	// The document declares the dialect once (jsonSchemaDialect); each schema need not.
	const json = z.toJSONSchema(s, { io, target: 'draft-2020-12' }) as Record<string, unknown>;
	delete json.$schema;
	return json;
};
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const jsonBody = (name: string, description: string) => ({ description, content: { 'application/json': { schema: ref(name) } } });
const error = (description: string) => jsonBody('Error', description);
const retryAfter = { 'Retry-After': { description: 'Seconds to wait before trying again', schema: { type: 'integer' } } };
const slug = {
	name: 'slug',
	in: 'path',
	required: true,
	description: 'A guide, as listed by GET /api/v1/guides',
	schema: { type: 'string' }
};
const lang = { name: 'lang', in: 'query', required: false, description: 'Language (default en)', schema: schema(langSchema, 'input') };
const bodyErrors = {
	'400': error('The body is not valid JSON, or a field is wrong (error.field names it)'),
	'413': error(`The body is over ${BODY_LIMIT} bytes`),
	'415': error('The body is not application/json')
};

let document: Record<string, unknown> | undefined;

/** The document (built once; the schemas do not change while the server runs). */
export function openApiDocument(): Record<string, unknown> {
	document ??= {
		openapi: '3.1.0',
		jsonSchemaDialect: 'https://spec.openapis.org/oas/3.1/dialect/base',
		info: {
			title: 'FitNavigator API',
			version: '1',
			description: 'Self-care guides for muscle cramps (en, ru), a self-check, and anonymous feedback. Nothing about the caller is stored.',
			license: { name: 'MIT', identifier: 'MIT' }
		},
		paths: {
			'/api/v1/guides': {
				get: {
					operationId: 'listGuides',
					parameters: [lang],
					responses: { '200': jsonBody('GuideList', 'Every guide, in the language asked for'), '400': error('Unknown language') }
				}
			},
			'/api/v1/guides/{slug}': {
				get: {
					operationId: 'getGuide',
					parameters: [slug, lang],
					responses: {
						'200': jsonBody('Guide', 'One guide as structured data; text fields are Markdown'),
						'400': error('Unknown language'),
						'404': error('No such guide')
					}
				}
			},
			'/api/v1/guides/{slug}/feedback': {
				post: {
					operationId: 'sendFeedback',
					parameters: [slug],
					requestBody: { required: true, content: { 'application/json': { schema: ref('FeedbackInput') } } },
					responses: {
						'201': jsonBody('FeedbackCreated', 'Stored'),
						...bodyErrors,
						'404': error('No such guide'),
						'429': { ...error('Too many votes from this client; wait Retry-After seconds'), headers: retryAfter },
						'503': { ...error('The database is not answering; try again after Retry-After seconds'), headers: retryAfter }
					}
				}
			},
			'/api/v1/guides/{slug}/feedback/summary': {
				get: {
					operationId: 'feedbackSummary',
					parameters: [slug],
					responses: {
						'200': jsonBody('FeedbackSummary', 'Votes so far'),
						'404': error('No such guide'),
						'503': { ...error('The database is not answering'), headers: retryAfter }
					}
				}
			},
			'/api/v1/assess': {
				post: {
					operationId: 'assess',
					description: 'The self-check: how urgent, why, and what to do. Stateless; any site may call it (CORS).',
					requestBody: { required: true, content: { 'application/json': { schema: ref('AssessmentInput') } } },
					responses: { '200': jsonBody('Assessment', 'The assessment'), ...bodyErrors }
				},
				options: { operationId: 'assessPreflight', responses: { '204': { description: 'CORS preflight' } } }
			},
			'/api/v1/openapi.json': {
				get: { operationId: 'openApi', responses: { '200': { description: 'This document', content: { 'application/json': {} } } } }
			},
			'/healthz': { get: { operationId: 'health', responses: { '200': jsonBody('Health', 'The process is up') } } },
			'/readyz': {
				get: {
					operationId: 'ready',
					responses: {
						'200': jsonBody('Ready', 'The database answers'),
						'503': { ...jsonBody('Ready', 'The database does not answer'), headers: retryAfter }
					}
				}
			}
		},
		components: {
			schemas: {
				FeedbackInput: schema(feedbackSchema, 'input'),
				AssessmentInput: schema(assessmentInputSchema, 'input'),
				FeedbackCreated: schema(feedbackCreatedSchema, 'output'),
				FeedbackSummary: schema(feedbackSummarySchema, 'output'),
				GuideList: schema(guideListSchema, 'output'),
				Guide: schema(guideResourceSchema, 'output'),
				Assessment: schema(assessmentSchema, 'output'),
				Error: schema(apiErrorSchema, 'output'),
				Health: schema(healthSchema, 'output'),
				Ready: schema(readySchema, 'output')
			}
		}
	};
	return document;
}
