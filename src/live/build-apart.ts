import { spawn } from 'node:child_process';
import { deckError } from '../node/errors.ts';

/**
 * Runs `ensureBuilt` (src/export/dist.ts) in a child process and says what it did. The server
 * never loads Vite itself: Vite and its bundler would add some 160 MB to a process that only
 * serves files and messages for the whole lecture.
 */
export function ensureBuiltApart(root: string, distDir: string, mode: 'auto' | 'always' | 'never'): Promise<'built' | 'fresh' | 'as-is'> {
  return new Promise((resolve, reject) => {
    // The same Node flags as this process: tsx's loader, however the server was started.
    const child = spawn(process.execPath, [...process.execArgv, new URL('./ensure-built.ts', import.meta.url).pathname, root, distDir, mode], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    // What the build says on stderr is its warnings, or, if it fails, the error (every content error with its place).
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.once('error', (e) => reject(deckError(`cannot start the build: ${e.message}`, e)));
    child.once('exit', (code) => {
      const said = out.trim().split('\n').at(-1) ?? '';
      if (code === 0 && (said === 'built' || said === 'fresh' || said === 'as-is')) {
        if (err) process.stderr.write(err);
        resolve(said);
      } else reject(new Error(code === 0 ? `[deck] the build said \`${said}\`` : err.trim() || `[deck] the build failed (exit code ${code})`));
    });
  });
}
