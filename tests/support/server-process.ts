import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A built server of its own, for tests that kill and restart it (crash, offline queue).
 * The shared server from playwright.config.ts is never killed.
 */
export class ServerProcess {
	private child: ChildProcess | undefined;
	readonly dataDir: string;
	readonly url: string;

	constructor(
		readonly port: number,
		dataDir?: string,
		private env: Record<string, string> = {}
	) {
		this.dataDir = dataDir ?? mkdtempSync(join(tmpdir(), 'ths-proc-'));
		this.url = `http://127.0.0.1:${port}`;
	}

	async start(): Promise<void> {
		this.child = spawn(process.execPath, ['kiosk/server.js'], {
			env: {
				...process.env,
				PORT: String(this.port),
				HOST: '127.0.0.1',
				DATA_DIR: this.dataDir,
				DEMO_PASSWORD: 'hatu2026',
				DEMO_PIN: '246810',
				...this.env
			},
			stdio: ['ignore', 'pipe', 'pipe']
		});
		// Never leave a server behind when the test process ends, whatever happened.
		const child = this.child;
		process.once('exit', () => child.kill('SIGKILL'));
		this.child.stdout?.resume();
		this.child.stderr?.resume();
		const deadline = Date.now() + 60_000;
		while (Date.now() < deadline) {
			try {
				if ((await fetch(`${this.url}/api/health`)).ok) return;
			} catch {
				// not listening yet
			}
			await new Promise((r) => setTimeout(r, 100));
		}
		throw new Error(`server on ${this.url} did not start`);
	}

	/** kill -9: no final snapshot, no flush; only what was fsync'd survives. */
	kill(): Promise<void> {
		return this.stop('SIGKILL');
	}

	stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
		const child = this.child;
		if (!child || child.exitCode !== null) return Promise.resolve();
		return new Promise((resolve) => {
			child.once('exit', () => resolve());
			child.kill(signal);
		});
	}
}
