import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lanAddress } from '../../src/live/lan-address.ts';
import { fixtureDist } from './helpers/fixture-deck.ts';
import { runCli, startServerProcess, TEST_TOKEN, type ServerProcess } from './helpers/processes.ts';

let dist: ReturnType<typeof fixtureDist>;
let server: ServerProcess | null = null;

beforeAll(() => {
  dist = fixtureDist();
});
afterAll(async () => {
  await server?.stop('SIGKILL');
  dist?.remove();
});

describe('npm run live', () => {
  it('prints the lecture id, the lecturer’s and the students’ URLs on this network, and a QR code', async () => {
    // Default host (0.0.0.0): the URLs name the machine's LAN address.
    server = await startServerProcess({ dist: dist.dir, out: dist.out, host: '' });
    const out = server.output();
    const base = `http://${lanAddress()}:${server.port}/`;
    expect(out).toMatch(/^lecture: \d{4}-\d\d-\d\d-\d{4}-[a-z0-9]{4} \(new\)$/m);
    expect(out.split('\n')).toContain(`lecturer: ${base}?live=${TEST_TOKEN}`);
    expect(out.split('\n')).toContain(`students: ${base}?join`);
    // The QR code: rows of block characters after the students' line.
    await server.waitForOutput(/students: .*\n(.*[▀▄█][▀▄█ ]{20,}.*\n){10,}/);
    expect((await fetch(`http://127.0.0.1:${server.port}/?join`)).status).toBe(200);
  });

  it('stops cleanly on SIGINT, with the results file written', async () => {
    const code = await server!.stop('SIGINT');
    expect(code).toBe(0);
    expect(server!.output()).toMatch(/SIGINT: stopping\n.*stopped; results in /);
    const file = join(dist.out, `${server!.lectureId}.json`);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ format: 'live-results/1', lectureId: server!.lectureId, polls: [] });
    server = null;
  });

  it('makes a random token when none is given, printed only in the lecturer’s URL', async () => {
    const run = await startServerProcess({ dist: dist.dir, out: dist.out, token: null });
    await run.stop('SIGKILL');
    const token = /^lecturer: \S+\?live=([A-Za-z0-9_-]+)$/m.exec(run.output())?.[1] ?? '';
    expect(token).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(token).not.toBe(TEST_TOKEN);
    expect(run.output().split(token).length).toBe(2);
  });

  it('says what is missing when the deck model is not there', async () => {
    const broken = fixtureDist();
    rmSync(join(broken.dir, 'deck.json'));
    const run = await runCli(['--no-build', '--dist', broken.dir, '--out', broken.out, '--port', '0']);
    expect(run.code).toBe(1);
    expect(run.output).toMatch(/^\[deck\] .*deck\.json does not exist: the live server needs the deck model the build writes there/m);
    expect(run.output).not.toMatch(/\n\s+at /);
    broken.remove();
  });

  it('refuses to resume a lecture it has no results for, naming those it has', async () => {
    const run = await runCli(['--no-build', '--dist', dist.dir, '--out', dist.out, '--port', '0', '--resume', '2020-01-01-0000-zzzz']);
    expect(run.code).toBe(1);
    expect(run.output).toMatch(/cannot resume lecture 2020-01-01-0000-zzzz: .*2020-01-01-0000-zzzz\.json does not exist\. Lectures saved here: \d{4}-/);
  });

  it('prints its usage', async () => {
    const run = await runCli(['--help']);
    expect(run.code).toBe(0);
    expect(run.output).toContain('usage: npm run live -- [options]');
  });
});
