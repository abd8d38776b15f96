/**
 * Which QR decoder the camera uses.
 *
 * html5-qrcode's own decoder (a JavaScript port of ZXing) cannot read about one card in
 * thirty, on any frame: for some codes it takes a patch of data for a finder pattern. That was
 * measured on 300 random card codes drawn as clean QR images (10 missed, at every size), and
 * it is why the camera tests sometimes waited in vain. ZXing-C++ read all of them. It is
 * compiled to WebAssembly and offered as the standard `BarcodeDetector` by the
 * `barcode-detector` ponyfill. html5-qrcode uses a `BarcodeDetector` when one is there.
 *
 * Phones whose browser has a native detector that reads QR keep theirs. Elsewhere (Chromium
 * on the kiosk's Debian has none) the ponyfill is installed, and its .wasm is served by this
 * server, never a CDN. If the WebAssembly cannot load, html5-qrcode's own decoder is still
 * there: the answer is then `false`.
 */
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';

type Detector = { getSupportedFormats(): Promise<readonly string[]> };
type WithDetector = { BarcodeDetector?: Detector };

let ready: Promise<boolean> | undefined;

/** Makes sure `window.BarcodeDetector` reads QR codes; loads the decoder once per page. */
export function ensureQrDetector(): Promise<boolean> {
	ready ??= install().catch((error: unknown) => {
		console.warn('QR detector unavailable, html5-qrcode decodes on its own:', error);
		ready = undefined;
		return false;
	});
	return ready;
}

async function install(): Promise<boolean> {
	const host = window as unknown as WithDetector;
	if (host.BarcodeDetector && (await readsQr(host.BarcodeDetector))) return true;
	const { BarcodeDetector, prepareZXingModule } = await import('barcode-detector/ponyfill');
	await prepareZXingModule({
		overrides: {
			locateFile: (path: string, prefix: string) =>
				path.endsWith('.wasm') ? wasmUrl : prefix + path
		},
		fireImmediately: true
	});
	host.BarcodeDetector = BarcodeDetector;
	return true;
}

async function readsQr(detector: Detector): Promise<boolean> {
	try {
		return (await detector.getSupportedFormats()).includes('qr_code');
	} catch {
		return false;
	}
}
