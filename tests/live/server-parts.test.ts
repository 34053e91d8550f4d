import { afterEach, describe, expect, it, vi } from 'vitest';
import { withContentPolicy } from '../../src/compiler/html/content-policy.ts';
import { coalesce } from '../../src/live/coalesce.ts';
import { htmlToText } from '../../src/live/html-text.ts';
import { lanAddress } from '../../src/live/lan-address.ts';
import { withLiveChannel } from '../../src/live/live-policy.ts';
import { isLectureId, newLectureId } from '../../src/live/lecture-id.ts';
import { RefusalLog } from '../../src/live/log.ts';
import { parseLiveArgs } from '../../src/live/options.ts';
import { TokenBucket } from '../../src/live/rate-limit.ts';
import { newToken, tokensMatch, voterKey } from '../../src/live/secrets.ts';
import { WriteQueue } from '../../src/live/write-queue.ts';

describe('TokenBucket', () => {
  it('lets a burst through, then the rate, never more', () => {
    const bucket = new TokenBucket(20, 20, 0);
    const taken = Array.from({ length: 1000 }, () => bucket.take(0)).filter(Boolean).length;
    expect(taken).toBe(20);
    expect(bucket.take(10)).toBe(false);
    expect(bucket.take(50)).toBe(true); // 50 ms later: one more
    // After a quiet spell, a steady 1,000 a second for a second gets the burst and the rate through.
    let passed = 0;
    for (let t = 1000; t < 2000; t++) if (bucket.take(t)) passed++;
    expect(passed).toBeGreaterThanOrEqual(38);
    expect(passed).toBeLessThanOrEqual(40);
  });
});

describe('RefusalLog', () => {
  afterEach(() => void vi.useRealTimers());

  it('logs the first refusal at once and the rest a second later, counted', () => {
    vi.useFakeTimers();
    const lines: string[] = [];
    const log = new RefusalLog('student abc', (l) => lines.push(l));
    for (let i = 0; i < 1000; i++) log.refused('`answer` (rate-limited)');
    expect(lines).toEqual(['refused `answer` (rate-limited) from student abc']);
    vi.advanceTimersByTime(1000);
    expect(lines[1]).toBe('refused 999 more messages from student abc in the second after');
    log.refused('`move` (forbidden)');
    log.refused('`move` (forbidden)');
    log.flush();
    expect(lines.slice(2)).toEqual(['refused `move` (forbidden) from student abc', 'refused 1 more messages from student abc in the second after']);
  });
});

describe('WriteQueue', () => {
  it('groups requests made during a write into one more write, and waits for it', async () => {
    const writes: number[] = [];
    let state = 0;
    let release: () => void = () => undefined;
    const queue = new WriteQueue(async () => {
      const seen = state;
      await new Promise<void>((r) => (release = r));
      writes.push(seen);
    }, () => undefined);
    state = 1;
    const first = queue.request();
    state = 2;
    const second = queue.request();
    state = 3;
    const third = queue.request();
    expect(second).toBe(third);
    release();
    await first;
    expect(writes).toEqual([1]);
    await new Promise((r) => setTimeout(r, 0));
    release();
    await third;
    // The second write saw the state after both later requests.
    expect(writes).toEqual([1, 3]);
  });

  it('goes on after a failed write, reporting it', async () => {
    const errors: unknown[] = [];
    let fail = true;
    const queue = new WriteQueue(async () => {
      if (fail) throw new Error('disk full');
    }, (e) => errors.push(e));
    await queue.request();
    fail = false;
    await queue.request();
    expect(errors).toHaveLength(1);
  });
});

describe('coalesce', () => {
  it('runs once for a burst of pokes, and again for pokes during a run', async () => {
    let runs = 0;
    const c = coalesce(async () => void runs++, 5, () => undefined);
    for (let i = 0; i < 100; i++) c.poke();
    await c.flush();
    expect(runs).toBe(1);
    c.poke();
    await c.flush();
    expect(runs).toBe(2);
    c.stop();
    c.poke();
    await c.flush();
    expect(runs).toBe(2);
  });
});

describe('secrets', () => {
  it('makes URL-safe tokens and compares them', () => {
    const token = newToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(tokensMatch(token, token)).toBe(true);
    expect(tokensMatch(`${token}x`, token)).toBe(false);
    expect(tokensMatch('', token)).toBe(false);
  });

  it('keys a student’s answers by a hash that differs per lecture and never holds the id', () => {
    const a = voterKey('L1', 'student-id-0123456789');
    expect(a).not.toContain('student');
    expect(a).toBe(voterKey('L1', 'student-id-0123456789'));
    expect(a).not.toBe(voterKey('L2', 'student-id-0123456789'));
  });
});

describe('lecture ids', () => {
  it('are the local date and time with a random suffix', () => {
    const id = newLectureId(new Date(2026, 11, 1, 15, 30));
    expect(id).toMatch(/^2026-12-01-1530-[a-z0-9]{4}$/);
    expect(isLectureId(id)).toBe(true);
    expect(isLectureId('../../etc/passwd')).toBe(false);
  });
});

describe('parseLiveArgs', () => {
  const parse = (...argv: string[]) => parseLiveArgs(argv, '/home/me', '/repo');

  it('has the issue’s defaults', () => {
    expect(parse()).toEqual({ port: 5174, host: '0.0.0.0', token: null, resume: null, redis: null, build: 'auto', distDir: '/repo/dist', deckFile: '/repo/dist/deck.json', resultsDir: '/repo/out/live', help: false });
  });

  it('reads every option', () => {
    expect(parse('--port', '0', '--resume', '2026-12-01-1530-k3f9', '--redis', 'redis://127.0.0.1:6379', '--no-build', '--dist', 'd', '--out', 'o', '--token', 'a'.repeat(16))).toMatchObject({
      port: 0, resume: '2026-12-01-1530-k3f9', redis: 'redis://127.0.0.1:6379', build: 'never', distDir: '/home/me/d', deckFile: '/home/me/d/deck.json', resultsDir: '/home/me/o', token: 'a'.repeat(16),
    });
  });

  it.each([
    [['--port', 'http'], /--port takes a port number/],
    [['--port', '70000'], /--port takes a port number/],
    [['--token', 'short'], /--token needs 16 to 128/],
    [['--resume', '../x'], /--resume takes a lecture id/],
    [['--redis', 'localhost:6379'], /--redis takes a redis:\/\/ URL/],
    [['--build', '--no-build'], /contradict/],
    [['--colour'], /Unknown option '--colour'/],
  ])('refuses %j', (argv, message) => {
    expect(() => parse(...argv)).toThrow(message);
  });
});

describe('helpers', () => {
  it('finds the first non-internal IPv4 address, else 127.0.0.1', () => {
    const v4 = (address: string, internal: boolean) => ({ address, internal, family: 'IPv4' as const, netmask: '', mac: '', cidr: null });
    expect(lanAddress({ lo: [v4('127.0.0.1', true)], eth0: [{ ...v4('fe80::1', false), family: 'IPv6' as const, scopeid: 0 }, v4('192.168.1.20', false)] })).toBe('192.168.1.20');
    expect(lanAddress({ lo: [v4('127.0.0.1', true)] })).toBe('127.0.0.1');
  });

  it('turns a question’s HTML into text', () => {
    expect(htmlToText('<p>共同富裕蕴含的“共同性”，要求 <span class="deck-term">形成</span> &amp; &#36;1 &lt;x&gt;</p>')).toBe('共同富裕蕴含的“共同性”，要求 形成 & $1 <x>');
  });

  it('names the live channel in a served page\u2019s connect-src, and nothing else', () => {
    const built = withContentPolicy('<!doctype html><html><head><meta charset="utf-8"><title>x</title><script>1</script></head></html>');
    const policy = (html: string): string[] => /content="([^"]*)"/.exec(html)![1]!.split('; ');
    const served = withLiveChannel(built, '192.168.1.20:5174');
    expect(policy(served).find((d) => d.startsWith('connect-src'))).toBe("connect-src 'self' ws://192.168.1.20:5174 wss://192.168.1.20:5174");
    expect(policy(served).filter((d) => !d.startsWith('connect-src'))).toEqual(policy(built).filter((d) => !d.startsWith('connect-src')));
    expect(served.replace(/ ws:\S+ wss:\S+(?=;)/, '')).toBe(built);
    expect(withLiveChannel(built, '[::1]:5174')).toContain('ws://[::1]:5174 wss://[::1]:5174;');
    // A Host header that is not a plain host, or a page without the policy: as built.
    for (const host of [undefined, '', 'a b', 'x" onload="y', 'host/path', "'self'"]) expect(withLiveChannel(built, host)).toBe(built);
    expect(withLiveChannel('<p>no policy</p>', '127.0.0.1:5174')).toBe('<p>no policy</p>');
  });
});
