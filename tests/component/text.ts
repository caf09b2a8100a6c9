/** An element's text as a reader sees it: a line break reads as a space, whitespace runs collapsed, ends trimmed. */
export function text(element: Element | null | undefined): string {
	if (!element) return '';
	const copy = element.cloneNode(true) as Element;
	for (const br of copy.querySelectorAll('br')) br.replaceWith(' ');
	return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
}
