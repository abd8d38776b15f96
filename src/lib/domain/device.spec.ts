import { describe, expect, it } from 'vitest';
import { deviceSummary } from './device';

const ANDROID_CHROME =
	'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36';
const WINDOWS_FIREFOX =
	'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0';
const WINDOWS_CHROME =
	'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36';
const WINDOWS_EDGE = `${WINDOWS_CHROME} Edg/126.0.0.0`;
const IPHONE_SAFARI =
	'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';
const MAC_SAFARI =
	'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15';
const LINUX_CHROME =
	'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36';
const COC_COC =
	'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) coc_coc_browser/124.0.0 Chrome/118.0.0.0 Safari/537.36';
const ZALO_ANDROID =
	'Mozilla/5.0 (Linux; Android 13; SM-A145F Build/TP1A; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/120.0.0.0 Mobile Safari/537.36 Zalo android/12100';

/** What deviceLabel stores: the address, then the user-agent cut at 80 characters. */
const stored = (address: string, agent: string) => `${address} ${agent.slice(0, 80)}`;

describe('deviceSummary', () => {
	it('names the browser and the system', () => {
		expect(deviceSummary(`192.168.1.23 ${ANDROID_CHROME}`)).toBe('Chrome · Android');
		expect(deviceSummary(`192.168.1.40 ${WINDOWS_FIREFOX}`)).toBe('Firefox · Windows');
		expect(deviceSummary(`10.0.0.5 ${WINDOWS_EDGE}`)).toBe('Edge · Windows');
		expect(deviceSummary(`10.0.0.6 ${IPHONE_SAFARI}`)).toBe('Safari · iPhone');
		expect(deviceSummary(`10.0.0.7 ${MAC_SAFARI}`)).toBe('Safari · macOS');
		expect(deviceSummary(`10.0.0.8 ${COC_COC}`)).toBe('Cốc Cốc · Windows');
		expect(deviceSummary(`10.0.0.9 ${ZALO_ANDROID}`)).toBe('Zalo · Android');
		expect(deviceSummary(`fe80::1 ${LINUX_CHROME}`)).toBe('Chrome · Linux');
	});

	it('says when it is the station itself, whose browser is Chromium', () => {
		expect(deviceSummary(`127.0.0.1 ${LINUX_CHROME}`)).toBe('Chromium · Linux (trạm)');
		expect(deviceSummary(`::1 ${LINUX_CHROME}`)).toBe('Chromium · Linux (trạm)');
		expect(deviceSummary(`::ffff:127.0.0.1 ${WINDOWS_FIREFOX}`)).toBe('Firefox · Windows (trạm)');
	});

	it('reads user-agents cut at 80 characters, as older rows hold them', () => {
		expect(stored('10.0.0.1', WINDOWS_CHROME)).not.toContain('Chrome/');
		expect(deviceSummary(stored('10.0.0.1', WINDOWS_CHROME))).toBe('Chrome · Windows');
		expect(deviceSummary(stored('10.0.0.1', ANDROID_CHROME))).toBe('Chrome · Android');
		const headless =
			'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36';
		expect(deviceSummary(stored('127.0.0.1', headless))).toBe('Chromium · Linux (trạm)');
	});

	it('says "Thiết bị khác" for what it does not know, and a dash for nothing', () => {
		expect(deviceSummary('192.168.1.5 May-tinh-phuong/1.0')).toBe('Thiết bị khác');
		expect(deviceSummary('192.168.1.5')).toBe('Thiết bị khác');
		expect(deviceSummary('curl/8.5.0')).toBe('Thiết bị khác');
		expect(deviceSummary('')).toBe('—');
		expect(deviceSummary('   ')).toBe('—');
		expect(deviceSummary(null)).toBe('—');
	});

	it('works without an address in front', () => {
		expect(deviceSummary(WINDOWS_FIREFOX)).toBe('Firefox · Windows');
	});
});
