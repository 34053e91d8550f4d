import { networkInterfaces } from 'node:os';

/** The address students on the same network reach this machine at: the first non-internal IPv4, else 127.0.0.1. */
export function lanAddress(interfaces = networkInterfaces()): string {
  for (const list of Object.values(interfaces)) {
    const found = list?.find((a) => a.family === 'IPv4' && !a.internal);
    if (found) return found.address;
  }
  return '127.0.0.1';
}
