import { describe, expect, it } from 'vitest';
import { provideAllMessages } from '../../messages';
import { reviewLine } from './line';

provideAllMessages();

describe('reviewLine', () => {
	it('[S-46.1] escapes the reviewer’s name and specialty, as the page and the desk’s preview put it in as HTML', () => {
		const line = reviewLine('en', '2026-11-01', {
			hash: '0'.repeat(64),
			name: '<img src=x onerror="alert(1)">',
			specialty: 'GP & "sports" <b>',
			signedAt: new Date('2026-12-01T10:00:00Z')
		});
		expect(line).toBe(
			'Reviewed by &#60;img src=x onerror=&#34;alert(1)&#34;&#62;, GP &#38; &#34;sports&#34; &#60;b&#62;, on 1 December 2026'
		);
	});
});
