import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const ponyfill = vi.hoisted(() => ({
	prepareZXingModule: vi.fn(async (_options: unknown) => ({})),
	BarcodeDetector: class {
		static async getSupportedFormats(): Promise<string[]> {
			return ['qr_code'];
		}
	}
}));
vi.mock('barcode-detector/ponyfill', () => ponyfill);

type Host = { BarcodeDetector?: unknown };
const host: Host = {};

/** Each test gets a fresh module: the decoder is loaded once per page. */
async function fresh() {
	vi.resetModules();
	return (await import('./qr-detector')).ensureQrDetector;
}

describe('the camera’s QR decoder', () => {
	beforeEach(() => {
		delete host.BarcodeDetector;
		vi.stubGlobal('window', host);
		ponyfill.prepareZXingModule.mockClear();
		ponyfill.prepareZXingModule.mockImplementation(async () => ({}));
	});
	afterEach(() => vi.unstubAllGlobals());

	it('keeps a phone’s own detector when it reads QR codes', async () => {
		const native = { getSupportedFormats: async () => ['ean_13', 'qr_code'] };
		host.BarcodeDetector = native;
		expect(await (await fresh())()).toBe(true);
		expect(host.BarcodeDetector).toBe(native);
		expect(ponyfill.prepareZXingModule).not.toHaveBeenCalled();
	});

	it('installs ZXing-C++ where there is no detector, with its .wasm from this server', async () => {
		expect(await (await fresh())()).toBe(true);
		expect(host.BarcodeDetector).toBe(ponyfill.BarcodeDetector);
		const options = ponyfill.prepareZXingModule.mock.calls[0][0] as {
			overrides: { locateFile: (path: string, prefix: string) => string };
		};
		const url = options.overrides.locateFile('zxing_reader.wasm', 'https://cdn.example/');
		expect(url).not.toMatch(/^https?:/);
		expect(url).toContain('zxing_reader');
	});

	it('replaces a detector that cannot read QR codes', async () => {
		host.BarcodeDetector = { getSupportedFormats: async () => [] };
		expect(await (await fresh())()).toBe(true);
		expect(host.BarcodeDetector).toBe(ponyfill.BarcodeDetector);
	});

	it('falls back to html5-qrcode’s own decoder when the WebAssembly fails, and tries again later', async () => {
		vi.spyOn(console, 'warn').mockImplementation(() => {});
		ponyfill.prepareZXingModule.mockRejectedValueOnce(new Error('wasm blocked'));
		const ensure = await fresh();
		expect(await ensure()).toBe(false);
		expect(host.BarcodeDetector).toBeUndefined();
		expect(await ensure()).toBe(true);
		expect(ponyfill.prepareZXingModule).toHaveBeenCalledTimes(2);
	});

	it('loads the decoder once for all the cameras of a page', async () => {
		const ensure = await fresh();
		await Promise.all([ensure(), ensure()]);
		await ensure();
		expect(ponyfill.prepareZXingModule).toHaveBeenCalledTimes(1);
	});
});
