// Every port the resilience suite listens on, in one place (this engineer's range,
// 4240–4299), so two files never collide and nothing else on the machine is touched.
export const PORTS = {
	crash: { pglite: 4250, postgres: 4251 },
	dbRestart: { app: 4252, postgres: 4253 },
	abuse: [4254, 4255, 4256],
	hostileInput: { pglite: 4257, postgres: 4258 },
	productionInstall: 4259,
	proxy: { https: 4260, http: 4261, app: 4262 },
	instances: { https: 4263, http: 4264, apps: [4265, 4266] },
	metrics: { app: 4268, metrics: 4269 },
	shutdown: 4267,
	// The desk's access matrix (4270–4279).
	deskMatrix: { app: 4270, https: 4271, http: 4272 }
} as const;
