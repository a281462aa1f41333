// The app's own Prometheus metrics. server.js serves them on METRICS_PORT with the
// request metrics: both use prom-client's one default registry in this process.
import client from 'prom-client';

function counter(name: string, help: string, labelNames: string[] = []): client.Counter {
	// A module loaded twice (Vite's dev server reloads) must not register a metric twice.
	return (client.register.getSingleMetric(name) as client.Counter | undefined) ?? new client.Counter({ name, help, labelNames });
}

export const votesTotal = counter('feedback_votes_total', 'Feedback votes stored, by answer', ['helpful']);
export const databaseErrorsTotal = counter('database_errors_total', 'Database work that failed because the database could not be reached');
