import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CLEANUP_TIMEOUT_MS, Interrupts, removePartialOutput, trackPartial, type InterruptHost, type StopSignal } from '../../../src/node/interrupt.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'deck-interrupt-'));
});
afterEach(() => {
  vi.useRealTimers();
  removePartialOutput();
  rmSync(dir, { recursive: true, force: true });
});

/** A process that records what is done to it; `signal()` delivers a signal to the listeners. */
function fakeHost() {
  const listeners = new Map<StopSignal, (() => void)[]>();
  const host = {
    printed: [] as string[],
    exits: [] as number[],
    on: (s: StopSignal, l: () => void) => void listeners.set(s, [...(listeners.get(s) ?? []), l]),
    off: (s: StopSignal, l: () => void) => void listeners.set(s, (listeners.get(s) ?? []).filter((x) => x !== l)),
    exit: (code: number) => void host.exits.push(code),
    print: (line: string) => void host.printed.push(line),
    signal: (s: StopSignal) => (listeners.get(s) ?? []).forEach((l) => l()),
    count: (s: StopSignal) => (listeners.get(s) ?? []).length,
  };
  return host satisfies InterruptHost & object;
}

describe('partial output', () => {
  it('is removed, file or folder, until its owner says it is whole', () => {
    const file = join(dir, '.slides.pdf.tmp-1');
    const folder = join(dir, '.png.tmp-1');
    const whole = join(dir, 'handout.pdf');
    writeFileSync(file, 'half');
    mkdirSync(folder);
    writeFileSync(join(folder, '001-title.png'), 'x');
    writeFileSync(whole, 'whole');
    trackPartial(file);
    trackPartial(folder);
    trackPartial(whole)();
    removePartialOutput();
    expect([existsSync(file), existsSync(folder), existsSync(whole)]).toEqual([false, false, true]);
  });
});

describe('Interrupts', () => {
  it('on Ctrl+C: removes partial output, says nothing was written, closes what it was given, exits 130', async () => {
    const host = fakeHost();
    const interrupts = new Interrupts(host);
    interrupts.install();
    const partial = join(dir, '.png.tmp-1');
    mkdirSync(partial);
    trackPartial(partial);
    const closed: string[] = [];
    interrupts.onInterrupt(async () => void closed.push('browser'));
    interrupts.onInterrupt(() => void closed.push('server'));
    const unregistered = interrupts.onInterrupt(() => void closed.push('never'));
    unregistered();
    await interrupts.stop('SIGINT');
    expect(interrupts.interrupted).toBe('SIGINT');
    expect(existsSync(partial)).toBe(false);
    expect(closed.sort()).toEqual(['browser', 'server']);
    expect(host.printed).toEqual(['[deck] interrupted: nothing written']);
    expect(host.exits).toEqual([130]);
  });

  it('says what was written; SIGTERM exits 143', async () => {
    const host = fakeHost();
    const interrupts = new Interrupts(host);
    interrupts.wrote('out/slides.pdf');
    interrupts.wrote('out/handout.pdf');
    await interrupts.stop('SIGTERM');
    expect(host.printed).toEqual(['[deck] interrupted: wrote out/slides.pdf, out/handout.pdf']);
    expect(host.exits).toEqual([143]);
  });

  it('listens for SIGINT and SIGTERM once installed, and no more once uninstalled', async () => {
    const host = fakeHost();
    const interrupts = new Interrupts(host);
    const uninstall = interrupts.install();
    expect([host.count('SIGINT'), host.count('SIGTERM')]).toEqual([1, 1]);
    host.signal('SIGTERM');
    await vi.waitFor(() => expect(host.exits).toEqual([143]));
    uninstall();
    expect([host.count('SIGINT'), host.count('SIGTERM')]).toEqual([0, 0]);
  });

  it('a cleanup that fails or hangs does not keep the process: it exits after the timeout', async () => {
    vi.useFakeTimers();
    const host = fakeHost();
    const interrupts = new Interrupts(host);
    interrupts.onInterrupt(() => Promise.reject(new Error('Target page, context or browser has been closed')));
    interrupts.onInterrupt(() => new Promise(() => undefined));
    const stopping = interrupts.stop('SIGINT');
    await vi.advanceTimersByTimeAsync(CLEANUP_TIMEOUT_MS);
    await stopping;
    expect(host.printed).toEqual(['[deck] interrupted: nothing written']);
    expect(host.exits).toEqual([130]);
  });

  it('a second Ctrl+C while cleaning up exits at once', async () => {
    const host = fakeHost();
    const interrupts = new Interrupts(host);
    interrupts.onInterrupt(() => new Promise(() => undefined));
    void interrupts.stop('SIGINT');
    await interrupts.stop('SIGINT');
    expect(host.exits).toEqual([130]);
    expect(host.printed).toHaveLength(1);
  });
});
