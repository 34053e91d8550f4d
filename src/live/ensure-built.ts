/**
 * Child process of build-apart.ts: `ensure-built.ts <root> <dist> <auto|always|never>` runs
 * ensureBuilt and prints what it did as its last line; on failure, the message and exit 1.
 */
import { ensureBuilt } from '../export/dist.ts';

const [root, distDir, mode] = process.argv.slice(2);
try {
  if (!root || !distDir || (mode !== 'auto' && mode !== 'always' && mode !== 'never')) throw new Error('usage: ensure-built.ts <root> <dist> <auto|always|never>');
  console.log(await ensureBuilt(root, distDir, mode));
} catch (e) {
  console.error(e instanceof Error ? e.message : String(e));
  process.exitCode = 1;
}
