// `npm start`: builds the app when there is no build yet or its sources changed since, then
// runs it through kiosk/server.js. The demo ward is seeded into an empty DATA_DIR on first start.
import { spawn, spawnSync } from 'node:child_process';
import { buildNeeded } from './build-stale.js';

const reason = buildNeeded();
if (reason) {
	console.log(`${reason}: building (about a minute)…`);
	const built = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
	if (built.status !== 0) process.exit(built.status ?? 1);
}
const server = spawn(process.execPath, ['kiosk/server.js'], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
