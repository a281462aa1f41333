import { json } from '@sveltejs/kit';
import { openApiDocument } from '$lib/server/openapi';
import type { RequestHandler } from './$types';

/** The API contract, for client generators and anyone integrating; public like the API it describes. */
export const GET: RequestHandler = () => json(openApiDocument(), { headers: { 'access-control-allow-origin': '*' } });
