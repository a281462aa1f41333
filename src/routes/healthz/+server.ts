import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

/** The process is up; says nothing about the database (that is /readyz). */
export const GET: RequestHandler = () => json({ status: 'ok', uptimeSeconds: Math.round(process.uptime()) });
