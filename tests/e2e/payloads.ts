/**
 * XSS payloads for the security suites. Each one that could run sets `window.__xss` (the canary the browser
 * checks) or opens a dialog (which `newPage` turns into a test failure). All fit the 60-character display-name limit
 * except LONG_PAYLOAD, which is made for fields and URLs that take long text.
 */
export const XSS_PAYLOADS: readonly string[] = [
	'<script>window.__xss=1</script>',
	'<script>alert(1)</script>',
	'<img src=x onerror="window.__xss=1">',
	'<img src=x onerror=alert(1)>',
	'<svg onload="window.__xss=1">',
	'<svg><script>window.__xss=1</script></svg>',
	'<iframe srcdoc="<script>parent.__xss=1</script>">',
	'<a href="javascript:window.__xss=1">x</a>',
	'javascript:window.__xss=1',
	'"><script>window.__xss=1</script>',
	"'><img src=x onerror=window.__xss=1>",
	'" onmouseover="window.__xss=1" x="',
	'" autofocus onfocus="window.__xss=1" x="',
	'</title><script>window.__xss=1</script>',
	'</textarea><script>window.__xss=1</script>',
	'<details open ontoggle=window.__xss=1>',
	'<body onload=window.__xss=1>',
	'<input autofocus onfocus=window.__xss=1>',
	'<object data="javascript:window.__xss=1">',
	'<base href="https://evil.example/">',
	'<meta http-equiv="refresh" content="0;url=https://evil.example">',
	'<math><style><img src=x onerror=window.__xss=1>',
	'<!--<img src="--><img src=x onerror=window.__xss=1//">',
	'<scr<script>ipt>window.__xss=1</script>',
	'${window.__xss=1}',
	'{@html "<img src=x onerror=window.__xss=1>"}',
	'{window.__xss=1}',
	'\\u003cscript\\u003ewindow.__xss=1\\u003c/script\\u003e',
	'%3Cscript%3Ewindow.__xss=1%3C%2Fscript%3E',
	'&lt;script&gt;window.__xss=1&lt;/script&gt;',
	'\u202e<script>window.__xss=1</script>',
	'=HYPERLINK("https://evil.example","x")',
	"+cmd|' /C calc'!A0",
	'-2+3+cmd|x',
	'@SUM(1+1)*cmd|x',
	'</script><script>window.__xss=1</script>'
];

/** A long string with a payload at the end (120 characters: the title and organisation limit). */
export const LONG_PAYLOAD =
	'A'.repeat(120 - '<img src=x onerror=window.__xss=1>'.length) + '<img src=x onerror=window.__xss=1>';
