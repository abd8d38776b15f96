import { errorTitle } from '../../domain/error-page';

const TITLE = errorTitle(403);

/**
 * The page a signed-in person gets from the access table for a page their role may not open
 * (an old link, a shared bookmark). The table refuses before any page code runs, so this is a
 * small document of its own rather than the app's error page, with the same words and the
 * same ways on. It used to be one line of plain text, tiny and monospaced on a phone.
 */
export function forbiddenPage(): Response {
	const html = `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${TITLE} — Trạm Học Số</title>
<link rel="icon" href="/favicon.svg">
<style>
body { margin: 0; font-family: 'Be Vietnam Pro', 'Noto Sans', 'DejaVu Sans', sans-serif; font-size: 24px; line-height: 1.45; color: #111; background: #fff; }
main { max-width: 48rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.6rem; margin: 0.3rem 0; }
p.ways { display: flex; flex-wrap: wrap; gap: 0.75rem; }
a { display: inline-flex; align-items: center; min-height: 3rem; padding: 0 1rem; border: 2px solid #0b3d2e; border-radius: 14px; font-weight: 700; text-decoration: none; color: #0b3d2e; }
a.primary { background: #0b3d2e; color: #fff; }
a:focus-visible { outline: 4px solid #1a4fd6; outline-offset: 3px; }
</style>
</head>
<body>
<main data-status="403">
<h1>${TITLE}</h1>
<p>Tài khoản này không có quyền mở trang này.</p>
<p class="ways"><a class="primary" href="/dang-nhap">Về trang làm việc</a><a href="/">Về trang chủ của trạm</a></p>
</main>
</body>
</html>
`;
	return new Response(html, {
		status: 403,
		headers: {
			'content-type': 'text/html; charset=utf-8',
			// Nothing runs here; only its own inline style and the icon load.
			'content-security-policy':
				"default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; frame-ancestors 'none'"
		}
	});
}
