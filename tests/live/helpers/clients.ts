import { connectLive, type LiveClient } from '../../../src/live/client.ts';
import { createStudentId } from '../../../src/shared/live-protocol.ts';
import { TEST_TOKEN } from './processes.ts';

/** Waits until `condition` holds (checked every 20 ms); fails with `what` after `timeoutMs`. */
export async function until(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A lecturer client (the test token), connected. */
export async function lecturer(origin: string, token = TEST_TOKEN): Promise<LiveClient> {
  const client = connectLive({ url: origin, auth: { role: 'lecturer', token }, transports: ['websocket'] });
  await until(() => client.view.position !== null, 'the lecturer to get the state');
  return client;
}

/** `n` student clients, each with its own id, connected and caught up. */
export async function students(origin: string, n: number, ids: string[] = []): Promise<LiveClient[]> {
  const clients = Array.from({ length: n }, (_, i) => connectLive({ url: origin, auth: { role: 'student', studentId: ids[i] ?? createStudentId() }, transports: ['websocket'] }));
  await until(() => clients.every((c) => c.view.position !== null), `${n} students to get the state`);
  return clients;
}

/** True when every client's view is at this slide and step. */
export function allAt(clients: readonly LiveClient[], slideId: string, step: number): boolean {
  return clients.every((c) => c.view.position?.slideId === slideId && c.view.position.step === step);
}
