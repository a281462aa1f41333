// Shared rules for the JSON API: size limit, content type, UTF-8, JSON, then zod.
// Every failure is a 4xx JSON error that names the field, never a 5xx.
import { json } from '@sveltejs/kit';
import Negotiator from 'negotiator';
import { z } from 'zod';
import { LANGS, langSchema, type Lang } from '../core/content/schema';
import { err, ok, type Result } from '../core/result';

export const BODY_LIMIT = 16 * 1024;

/** One problem with the input, naming its field: the shape of every 4xx answer's issues (and of the OpenAPI document's). */
export const fieldIssueSchema = z.object({ field: z.string(), message: z.string() });
export type FieldIssue = z.infer<typeof fieldIssueSchema>;

export function apiError(status: number, code: string, message: string, issues: FieldIssue[] = []): Response {
	return json({ error: { code, message, field: issues[0]?.field ?? null, issues } }, { status });
}

const fieldOf = (path: PropertyKey[]) => path.map(String).join('.') || '(body)';

export function zodIssues(error: z.ZodError): FieldIssue[] {
	return error.issues.map((i) => ({ field: fieldOf(i.path), message: i.message }));
}

export async function readJson<S extends z.ZodType>(request: Request, schema: S): Promise<Result<z.infer<S>, Response>> {
	const declared = Number(request.headers.get('content-length') ?? 0);
	if (declared > BODY_LIMIT) return err(apiError(413, 'too_large', `The body must be at most ${BODY_LIMIT} bytes`));
	const type = request.headers.get('content-type') ?? '';
	if (!/^application\/json\s*(;|$)/i.test(type))
		return err(
			apiError(415, 'unsupported_media_type', 'Send the body as application/json', [
				{ field: '(content-type)', message: 'must be application/json' }
			])
		);
	let bytes: ArrayBuffer;
	try {
		bytes = await request.arrayBuffer();
	} catch {
		// adapter-node aborts the stream past its own BODY_SIZE_LIMIT
		return err(apiError(413, 'too_large', `The body must be at most ${BODY_LIMIT} bytes`));
	}
	if (bytes.byteLength > BODY_LIMIT) return err(apiError(413, 'too_large', `The body must be at most ${BODY_LIMIT} bytes`));
	let data: unknown;
	try {
		data = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
	} catch {
		return err(apiError(400, 'invalid_json', 'The body is not valid UTF-8 JSON', [{ field: '(body)', message: 'must be valid JSON' }]));
	}
	const parsed = schema.safeParse(data);
	if (!parsed.success) {
		const issues = zodIssues(parsed.error);
		return err(apiError(400, 'invalid_body', `Check the field "${issues[0].field}": ${issues[0].message}`, issues));
	}
	return ok(parsed.data);
}

/** `?lang=` for read endpoints: English when absent, 400 when unknown. */
export function langParam(url: URL): Result<Lang, Response> {
	const parsed = langSchema.safeParse(url.searchParams.get('lang') ?? 'en');
	return parsed.success
		? ok(parsed.data)
		: err(apiError(400, 'invalid_query', 'lang must be "en" or "ru"', [{ field: 'lang', message: 'must be "en" or "ru"' }]));
}

/** The reader's language by their Accept-Language header (en-GB is en), English when it names neither. */
export function pickLang(header: string | null): Lang {
	const [best] = new Negotiator({ headers: { 'accept-language': header ?? '' } }).languages([...LANGS]);
	return (best as Lang | undefined) ?? 'en';
}

/** For public endpoints that hold no user data (the assess API): any site may call them. */
const CORS_HEADERS = {
	'access-control-allow-origin': '*',
	'access-control-allow-methods': 'POST, OPTIONS',
	'access-control-allow-headers': 'content-type',
	'access-control-max-age': '86400'
};

export function withCors(response: Response): Response {
	for (const [name, value] of Object.entries(CORS_HEADERS)) response.headers.set(name, value);
	return response;
}

/** 503 while the database cannot be reached; clients retry after a few seconds. */
export function serviceUnavailable(): Response {
	const res = apiError(503, 'unavailable', 'The database is not answering; try again in a few seconds');
	res.headers.set('retry-after', '5');
	return res;
}

/** 429 when a client has used up its writes for now. */
export function tooManyRequests(retryAfterSeconds: number): Response {
	const res = apiError(429, 'rate_limited', `Too many requests; try again in ${retryAfterSeconds} s`);
	res.headers.set('retry-after', String(retryAfterSeconds));
	return res;
}
