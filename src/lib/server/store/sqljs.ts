import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import initSqlJs, { type SqlJsStatic } from 'sql.js';

let loading: Promise<SqlJsStatic> | undefined;

/**
 * Loads the sql.js WebAssembly module once per process. adapter-node keeps sql.js external,
 * so the `.wasm` is found beside the package in node_modules at run time (see STACK.md).
 */
export function loadSqlJs(): Promise<SqlJsStatic> {
	if (!loading) {
		const require = createRequire(import.meta.url);
		const wasmDir = dirname(require.resolve('sql.js/dist/sql-wasm.wasm'));
		loading = initSqlJs({ locateFile: (file: string) => join(wasmDir, file) });
	}
	return loading;
}
