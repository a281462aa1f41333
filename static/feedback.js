// Progressive enhancement for the feedback widget (the page itself ships no framework
// JavaScript). A form post goes in the background; the server answers with the page
// in its next state, and only the #feedback section is swapped in. Every state is
// rendered by the server, so this file holds no copy of the widget's logic.
document.addEventListener('submit', async (event) => {
	const form = event.target;
	const section = form instanceof HTMLFormElement ? form.closest('#feedback') : null;
	if (!section) return;
	event.preventDefault();
	const body = new FormData(form, event.submitter);
	section.setAttribute('aria-busy', 'true');
	try {
		// Ask for HTML: SvelteKit answers a form action with JSON when the client accepts it.
		const response = await fetch(form.action, { method: 'POST', body, headers: { accept: 'text/html' } });
		const page = new DOMParser().parseFromString(await response.text(), 'text/html');
		const next = page.querySelector('#feedback');
		if (!next) throw new Error(`no feedback section in the ${response.status} answer`);
		section.replaceWith(next);
		// Move focus to what changed, so screen readers and keyboards follow along.
		(next.querySelector('[role="alert"] a') ?? next.querySelector('h2'))?.focus();
	} catch {
		// Offline or an odd answer: fall back to the plain post, which shows its own page.
		section.removeAttribute('aria-busy');
		if (event.submitter?.name) {
			const choice = Object.assign(document.createElement('input'), {
				type: 'hidden',
				name: event.submitter.name,
				value: event.submitter.value
			});
			form.append(choice);
		}
		HTMLFormElement.prototype.submit.call(form);
	}
});

// The live character count (GOV.UK pattern): the server renders the count and its wording
// as templates; here it follows the typing, counted as the server will count the post.
function updateCount(box) {
	const count = document.getElementById('feedback-comment-count');
	if (!count) return;
	const max = Number(count.dataset.max);
	const length = box.value.replace(/\r?\n/g, '\r\n').length;
	const over = length > max;
	count.textContent = (over ? count.dataset.over : count.dataset.left).replace('{n}', String(Math.abs(max - length)));
	count.classList.toggle('count-over', over);
}
document.addEventListener('input', (event) => {
	if (event.target instanceof HTMLTextAreaElement && event.target.id === 'feedback-comment') updateCount(event.target);
});
// Text typed before this script ran (a slow connection) is counted too.
const typed = document.getElementById('feedback-comment');
if (typed instanceof HTMLTextAreaElement) updateCount(typed);
