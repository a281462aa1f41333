// For the desk's tests.
import { URI } from 'otpauth';
import type { DeskAuth } from '../auth';

/** The cookies a response from the auth library sets, as a request's Cookie header. */
export const cookieOf = (res: Response): string =>
	res.headers
		.getSetCookie()
		.map((c) => c.split(';')[0])
		.join('; ');

/** Starts TOTP for the signed-in `session` (not yet confirmed by a code) and returns the authenticator it set up. */
export async function startTotp(auth: DeskAuth, session: string, password: string) {
	const enabled = await auth.api.enableTwoFactor({ body: { password, method: 'totp' }, headers: new Headers({ cookie: session }) });
	if (enabled.method !== 'totp') throw new Error('TOTP was asked for');
	return URI.parse(enabled.totpURI);
}
