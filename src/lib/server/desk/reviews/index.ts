// Sign-offs bound to the served text. The served versions are computed once from the
// content bundled into this build; the latest sign-off of each subject is kept in
// memory (`signOffs`), refreshed after every sign-off and, once the desk has started it,
// every few seconds (other servers may sign).
import { and, desc, eq } from 'drizzle-orm';
import { LANGS, type Lang } from '../../../core/content/schema';
import { reviewPermission, can, type Role } from '../../../core/desk/roles';
import { done, refuse, type Refusal } from '../../../core/desk/outcome';
import { reviewState, signOffHolds, type ReviewState, type SignOff } from '../../../core/desk/review';
import { documentVersion, guideVersion, ruleSetVersion, type Version } from '../../../core/desk/version';
import { library } from '../../content';
import { catalogs } from '../../messages';
import type { Db } from '../../db';
import { deskReview } from '../../db/desk-schema';
import { recordAudit, type Actor } from '../audit';

/** The rule set and hazard log are signed once for both languages. */
export const ALL_LANGS = 'all';
export const RULES = 'rules';
export const HAZARD_LOG = 'hazard-log';

export type Subject = { subject: string; lang: Lang | typeof ALL_LANGS; title: string; updatedOn?: string; version: Version };

const hazardLogFile = Object.values(
	import.meta.glob('/docs/clinical-safety.md', { query: '?raw', import: 'default', eager: true }) as Record<string, string>
)[0];

function servedSubjects(): Subject[] {
	const guides = library.guides.flatMap((guide) =>
		LANGS.map((lang) => ({
			subject: guide.slug,
			lang,
			title: guide.title[lang],
			updatedOn: guide.updatedOn,
			version: guideVersion(library, guide, lang)
		}))
	);
	const clinical: Subject[] = [
		{ subject: RULES, lang: ALL_LANGS, title: 'Self-check rule set', version: ruleSetVersion(library, catalogs) }
	];
	if (hazardLogFile !== undefined)
		clinical.push({
			subject: HAZARD_LOG,
			lang: ALL_LANGS,
			title: 'Hazard log (docs/clinical-safety.md)',
			version: documentVersion(hazardLogFile)
		});
	return [...guides, ...clinical];
}

/** What this build serves: fixed for the life of the process. */
export const served: Subject[] = servedSubjects();
const key = (subject: string, lang: string) => `${subject}/${lang}`;
const servedByKey = new Map(served.map((s) => [key(s.subject, s.lang), s]));
export const findServed = (subject: string, lang: string) => servedByKey.get(key(subject, lang));

/** The latest sign-off of every subject and language. */
async function latestSignOffs(db: Db): Promise<Map<string, SignOff>> {
	const rows = await db
		.selectDistinctOn([deskReview.subject, deskReview.lang], {
			subject: deskReview.subject,
			lang: deskReview.lang,
			hash: deskReview.hash,
			name: deskReview.reviewerName,
			specialty: deskReview.reviewerSpecialty,
			signedAt: deskReview.signedAt
		})
		.from(deskReview)
		.orderBy(deskReview.subject, deskReview.lang, desc(deskReview.signedAt));
	return new Map(rows.map((r) => [key(r.subject, r.lang), r]));
}

/** The latest sign-off of each subject in memory, with the refresh that keeps it current. */
export class SignOffs {
	#latest = new Map<string, SignOff>();
	#listeners = new Set<() => void>();

	get(subject: string, lang: string): SignOff | undefined {
		return this.#latest.get(key(subject, lang));
	}

	/** Reloads the sign-offs; listeners (the review slots) run only when something changed. */
	async refresh(db: Db): Promise<void> {
		const next = await latestSignOffs(db);
		const latest = this.#latest;
		const same =
			next.size === latest.size &&
			[...next].every(([k, v]) => latest.get(k)?.hash === v.hash && latest.get(k)?.signedAt.getTime() === v.signedAt.getTime());
		this.#latest = next;
		if (!same) for (const listener of this.#listeners) listener();
	}

	/** Runs `listener` after every change; returns what stops it. */
	onChange(listener: () => void): () => void {
		this.#listeners.add(listener);
		return () => void this.#listeners.delete(listener);
	}

	/** Refreshes now and every `ms` (another instance may sign); a failed read waits for the next. Returns what stops it. */
	watch(db: () => Promise<Db>, ms: number): () => void {
		const refresh = () =>
			db()
				.then((d) => this.refresh(d))
				.catch(() => {}); // the database being down must not take the reading pages with it
		void refresh();
		const timer = setInterval(refresh, ms).unref();
		return () => clearInterval(timer);
	}
}

/** This process's sign-offs: one per process, as the served versions are. */
export const signOffs = new SignOffs();
export const refreshSignOffs = (db: Db) => signOffs.refresh(db);

/** The sign-off that speaks for the served text, if any. */
export function holdingSignOff(subject: string, lang: string): SignOff | undefined {
	const current = findServed(subject, lang);
	const signOff = signOffs.get(subject, lang);
	return current && signOffHolds(current.version.hash, signOff) ? signOff : undefined;
}

export type SubjectStatus = Subject & { state: ReviewState; latest?: SignOff; clinical: boolean };

export function statuses(now = new Date()): SubjectStatus[] {
	return served.map((s) => {
		const signOff = signOffs.get(s.subject, s.lang);
		return {
			...s,
			latest: signOff,
			state: reviewState(s.version.hash, signOff, now),
			clinical: reviewPermission(s.subject) === 'review-clinical'
		};
	});
}

/** Which rule set answered a self-check, and whether a clinician signed that exact version. */
export function ruleSetStatus(): { version: string; clinicallySignedOff: boolean } {
	const rules = findServed(RULES, ALL_LANGS)!;
	return { version: rules.version.hash.slice(0, 12), clinicallySignedOff: holdingSignOff(RULES, ALL_LANGS) !== undefined };
}

export type GuideReview = { version: string; signedOff: { name: string; specialty: string; on: string } | null };

/** What a guide's JSON says about its review: exactly what its page's review line says (null: awaiting review). */
export function guideReview(slug: string, lang: Lang): GuideReview {
	const guide = findServed(slug, lang)!;
	const signOff = holdingSignOff(slug, lang);
	return {
		version: guide.version.hash.slice(0, 12),
		signedOff: signOff ? { name: signOff.name, specialty: signOff.specialty, on: signOff.signedAt.toISOString().slice(0, 10) } : null
	};
}

/** The text last signed off, for the diff against what is served now. */
export async function signedText(db: Db, subject: string, lang: string): Promise<{ text: string; hash: string } | undefined> {
	const [row] = await db
		.select({ text: deskReview.text, hash: deskReview.hash })
		.from(deskReview)
		.where(and(eq(deskReview.subject, subject), eq(deskReview.lang, lang)))
		.orderBy(desc(deskReview.signedAt))
		.limit(1);
	return row;
}

export type Reviewer = Actor & { name: string; specialty: string; role: Role };

/** Why a sign-off was refused; "other-language" names the language whose version was sent. */
export type ReviewRefusal = Refusal<'not-served' | 'clinician-only' | 'text-changed'> | (Refusal<'other-language'> & { other: Lang });

/**
 * Signs off the version served now. `expectedHash` is the version the reviewer read: if
 * the text changed meanwhile, nothing is signed.
 */
export async function signOff(
	db: Db,
	reviewer: Reviewer,
	subject: string,
	lang: string,
	expectedHash: string,
	note: string
): Promise<{ ok: true; value: undefined } | ReviewRefusal> {
	const current = findServed(subject, lang);
	if (!current) return refuse('subject', 'not-served');
	if (!can(reviewer.role, reviewPermission(subject))) return refuse('subject', 'clinician-only');
	// The other language's text is another page: signing it here would put a name on a page nobody checked.
	const other = served.find((s) => s.subject === subject && s.lang !== lang && s.version.hash === expectedHash);
	if (other && other.lang !== ALL_LANGS) return { ...refuse('hash', 'other-language'), other: other.lang };
	if (current.version.hash !== expectedHash) return refuse('hash', 'text-changed');
	// The sign-off and its audit row commit together or not at all.
	await db.transaction(async (tx) => {
		await tx.insert(deskReview).values({
			subject,
			lang,
			hash: current.version.hash,
			text: current.version.text,
			note,
			reviewerId: reviewer.id,
			reviewerName: reviewer.name,
			reviewerSpecialty: reviewer.specialty,
			reviewerRole: reviewer.role
		});
		await recordAudit(tx, reviewer, 'review.sign-off', key(subject, lang), signOffs.get(subject, lang) ?? null, {
			hash: current.version.hash,
			note
		});
	});
	await refreshSignOffs(db);
	return done(undefined);
}
