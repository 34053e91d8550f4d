import { CONNECT_SRC } from '../compiler/html/content-policy.ts';

/** What the built pages write before their policy (html/content-policy.ts: withContentPolicy). */
const POLICY_META = '<meta http-equiv="Content-Security-Policy" content="';

/** A Host header that names a host (a name, IPv4 or [IPv6]) and maybe a port, nothing else. */
const HOST = /^(?:[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/**
 * A built page as the live server serves it: its policy's `connect-src` names the live channel's
 * WebSocket on the host the browser asked for (`ws://` and, behind a TLS proxy, `wss://`), beside
 * the page's own origin. CSP 3 counts a same-host WebSocket as `'self'`, but Safari before 16 does
 * not, and socket.io does not fall back from a refused WebSocket to polling: a student's older
 * iPhone would never join. Only the pages this server serves are widened; the built files, and
 * every static host's copy of them, keep `connect-src 'self'`. A page without the policy, or a
 * Host header that is not a plain host, is served as built.
 */
export function withLiveChannel(html: string, host: string | undefined): string {
  if (!host || !HOST.test(host)) return html;
  const start = html.indexOf(POLICY_META);
  if (start < 0) return html;
  const from = start + POLICY_META.length;
  const end = html.indexOf('"', from);
  if (end < 0) return html;
  const directives = html.slice(from, end).split('; ');
  const at = directives.indexOf(CONNECT_SRC);
  if (at < 0) return html;
  directives[at] = `${CONNECT_SRC} ws://${host} wss://${host}`;
  return html.slice(0, from) + directives.join('; ') + html.slice(end);
}
