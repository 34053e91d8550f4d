import type { ConnectionState, LiveClient } from '../../live/client.ts';
import { UI } from '../../shared/ui-strings.ts';

/** A banner at the top of the page, present while the live classroom is not connected. */
export interface ConnectionBanner {
  /** Says `text` (a problem before there is a connection, e.g. no token). */
  say(text: string): void;
  /** Follows a connection: 「正在重新连接…」 while it is lost, why when refused, nothing while connected. */
  watch(client: LiveClient): void;
  destroy(): void;
}

/**
 * The connection's state is also on `<html data-deck-live-connection>`, for the styles (the
 * first `connecting` shows only if it lasts) and for tests.
 */
export function connectionBanner(parent: HTMLElement = document.body): ConnectionBanner {
  const banner = document.createElement('p');
  banner.className = 'deck-live-banner';
  banner.setAttribute('role', 'status');
  banner.hidden = true;
  parent.append(banner);
  let stop = (): void => undefined;
  const show = (state: ConnectionState, client: LiveClient): void => {
    document.documentElement.dataset.deckLiveConnection = state;
    const C = UI.live.connection;
    const text =
      state === 'connected'
        ? ''
        : state === 'refused'
          ? client.refusal?.code === 'bad-token'
            ? C.badToken
            : C.refused
          : state === 'closed'
            ? C.closed
            : state === 'reconnecting'
              ? C.reconnecting
              : C.connecting;
    banner.textContent = text;
    banner.dataset.deckLiveState = state;
    banner.hidden = text === '';
  };
  return {
    say(text) {
      banner.textContent = text;
      banner.dataset.deckLiveState = 'refused';
      banner.hidden = false;
    },
    watch(client) {
      stop();
      stop = client.onConnection((state) => show(state, client));
      show(client.connection, client);
    },
    destroy() {
      stop();
      banner.remove();
      delete document.documentElement.dataset.deckLiveConnection;
    },
  };
}
