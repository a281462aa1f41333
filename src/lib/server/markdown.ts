// Markdown from content/ becomes HTML through a maintained parser, then a sanitiser,
// so even a careless content edit cannot put a script on a page.
import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

const marked = new Marked({ gfm: true, breaks: false, async: false });

const allowed: sanitizeHtml.IOptions = {
	allowedTags: ['p', 'ul', 'ol', 'li', 'strong', 'em', 'a', 'br', 'code', 'blockquote', 'h3', 'h4'],
	allowedAttributes: { a: ['href'] },
	// tel: so the emergency numbers are one tap away on a phone
	allowedSchemes: ['https', 'mailto', 'tel'],
	allowProtocolRelative: false
};

export function renderMarkdown(markdown: string): string {
	return sanitizeHtml(marked.parse(markdown) as string, allowed);
}

/** One Markdown sentence as inline HTML: the paragraph around it dropped. */
export const renderInline = (markdown: string) => renderMarkdown(markdown).replace(/^<p>|<\/p>\s*$/g, '');
