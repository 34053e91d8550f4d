import { LIVE_TOKEN, readStored, writeStored } from '../storage.ts';

/**
 * The lecturer's token, taken from the address at once (`?live=<token>` becomes `?live`: the
 * projector shows the address bar) and kept in this tab's sessionStorage, where a reload finds
 * it. Null when neither has one. Runs before anything else reads the address.
 */
export function takeLecturerToken(): string | null {
  const params = new URLSearchParams(location.search);
  const given = params.get('live');
  if (!given) return readStored(LIVE_TOKEN).token ?? null;
  writeStored(LIVE_TOKEN, { token: given });
  params.set('live', '');
  const search = params.toString().replace(/=(?=&|$)/g, '');
  history.replaceState(history.state, '', `${location.pathname}?${search}${location.hash}`);
  return given;
}
