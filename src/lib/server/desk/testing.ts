// For the desk's tests: the cookies a response from the auth library sets, as a request's Cookie header.
export const cookieOf = (res: Response): string =>
	res.headers
		.getSetCookie()
		.map((c) => c.split(';')[0])
		.join('; ');
