import { expect, test } from '@playwright/test';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { get } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** GET over HTTPS trusting only our own CA, as a phone with the CA installed would. */
function httpsGet(url: string, ca: Buffer): Promise<{ status: number; body: string }> {
	return new Promise((resolve, reject) => {
		get(url, { ca }, (res) => {
			let body = '';
			res.on('data', (chunk) => (body += chunk));
			res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
		}).on('error', reject);
	});
}

test('make-certificate.sh makes a CA and a certificate the server serves HTTPS with', async () => {
	const dir = mkdtempSync(join(tmpdir(), 'ths-tls-'));
	const out = join(dir, 'tls');
	execFileSync('bash', ['kiosk/make-certificate.sh', out, 'localhost', '127.0.0.1']);
	const ca = readFileSync(join(out, 'ca.crt'));
	const san = execFileSync('openssl', [
		'x509',
		'-in',
		join(out, 'server.crt'),
		'-noout',
		'-ext',
		'subjectAltName'
	]).toString();
	expect(san).toContain('IP Address:127.0.0.1');
	expect(san).toContain('DNS:localhost');

	// E2E_HTTPS_PORT moves it beside another checkout's run.
	const port = process.env.E2E_HTTPS_PORT ?? '4314';
	const child = spawn(process.execPath, ['kiosk/server.js'], {
		env: {
			...process.env,
			PORT: port,
			HOST: '127.0.0.1',
			DATA_DIR: join(dir, 'data'),
			SEED: 'none',
			TLS_CERT: join(out, 'server.crt'),
			TLS_KEY: join(out, 'server.key')
		},
		stdio: 'ignore'
	});
	try {
		let answer: { status: number; body: string } | undefined;
		for (let i = 0; i < 300 && !answer; i++) {
			answer = await httpsGet(`https://127.0.0.1:${port}/api/health`, ca).catch(async () => {
				await new Promise((r) => setTimeout(r, 100));
				return undefined;
			});
		}
		expect(answer?.status).toBe(200);
		// A second run keeps the CA (phones that trust it keep working) and renews the rest.
		execFileSync('bash', ['kiosk/make-certificate.sh', out, 'localhost', '127.0.0.1']);
		expect(readFileSync(join(out, 'ca.crt')).equals(ca)).toBe(true);
		// Without our CA the connection is refused: the certificate is not a public one.
		await expect(
			httpsGet(`https://127.0.0.1:${port}/api/health`, Buffer.from(''))
		).rejects.toThrow();
	} finally {
		child.kill('SIGTERM');
	}
});
