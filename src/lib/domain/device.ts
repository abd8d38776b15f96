/**
 * The access log's "Thiết bị" in words. The log stores `deviceLabel`'s text: the client's
 * address, a space, then the start of its user-agent ("127.0.0.1 Mozilla/5.0 (X11; Linux
 * x86_64) AppleWebKit/537.36 …"). The officer wants "Chrome · Android", not that string.
 *
 * Rows written before the user-agent was kept longer hold only its first 80 characters,
 * which on Windows end before "Chrome/": a cut-off "AppleWebKit/537.36" is taken as Chrome,
 * the only family that still sends it. Never used to decide anything, only to show.
 */

/** The station's own Chromium (the kiosk, or staff signing in at the station) comes from here. */
const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

/** Most specific first: Edge, Cốc Cốc, Opera and the in-app browsers also say "Chrome/". */
const BROWSERS: Array<[RegExp, string]> = [
	[/\bZalo/i, 'Zalo'],
	[/\bFBA[NV]\/|\bFB_IAB\b/, 'Facebook'],
	[/\bcoc_coc_browser\//i, 'Cốc Cốc'],
	[/\bEdg(e|A|iOS)?\//, 'Edge'],
	[/\bOPR\/|\bOpera\b/, 'Opera'],
	[/\bSamsungBrowser\//, 'Samsung Internet'],
	[/\bFirefox\/|\bFxiOS\//, 'Firefox'],
	[/\bHeadlessChrome\/|\bChromium\//, 'Chromium'],
	[/\bChrome\/|\bCriOS\//, 'Chrome'],
	[/\bVersion\/[\d.]+.*\bSafari\/|\bAppleWebKit\/60\d/, 'Safari'],
	[/\bAppleWebKit\/537\.36\b/, 'Chrome']
];

const SYSTEMS: Array<[RegExp, string]> = [
	[/\bAndroid\b/, 'Android'],
	[/\biPhone\b|\biPod\b/, 'iPhone'],
	[/\biPad\b/, 'iPad'],
	[/\bWindows\b/, 'Windows'],
	[/\bCrOS\b/, 'ChromeOS'],
	[/\bMac OS X\b|\bMacintosh\b/, 'macOS'],
	[/\bLinux\b|\bX11\b/, 'Linux']
];

const first = (rules: Array<[RegExp, string]>, text: string) =>
	rules.find(([pattern]) => pattern.test(text))?.[1];

/** Splits the stored text into the address (if it starts with one) and the user-agent. */
function split(device: string): { address: string; agent: string } {
	const [head, ...rest] = device.trim().split(' ');
	const isAddress = /^[\d.]+$|^[\da-f:.]*:[\da-f:.]*$/i.test(head) && head.length > 0;
	return isAddress ? { address: head, agent: rest.join(' ') } : { address: '', agent: device };
}

/**
 * A short name for a device: "Chrome · Android", "Firefox · Windows", "Chromium · Linux
 * (trạm)"; "Thiết bị khác" when neither the browser nor the system is known; "—" when
 * nothing was recorded.
 */
export function deviceSummary(device: string | null | undefined): string {
	if (!device?.trim()) return '—';
	const { address, agent } = split(device);
	const station = LOOPBACK.test(address);
	let browser = first(BROWSERS, agent);
	const system = first(SYSTEMS, agent);
	// The station runs Chromium, whose user-agent says "Chrome" like Google's browser does.
	if (station && browser === 'Chrome' && system === 'Linux') browser = 'Chromium';
	const name = [browser, system].filter(Boolean).join(' · ');
	if (!name) return station ? 'Thiết bị khác (trạm)' : 'Thiết bị khác';
	return station ? `${name} (trạm)` : name;
}
