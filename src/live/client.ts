/**
 * The live classroom's client, for the deck in the browser and for Node (tests, bench): a typed
 * wrapper over socket.io-client. Imports nothing from Node or the server.
 */
import { io, type Socket } from 'socket.io-client';
import {
  LIVE_SOCKET_PATH,
  type ClientToServerEvents,
  type CommandName,
  type CommandPayloads,
  type LiveAuth,
  type Reply,
  type Role,
  type ServerToClientEvents,
} from '../shared/live-protocol.ts';
import { LiveViewKeeper, type LiveView } from './live-view.ts';

/**
 * `connecting` (first time), `connected`, `reconnecting` (lost; socket.io retries by itself:
 * show 「正在重新连接…」), `refused` (the server said no, e.g. a wrong token: see `refusal`),
 * `closed` (by `close()` or by the server).
 */
export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'refused' | 'closed';

export interface LiveClientOptions {
  auth: LiveAuth;
  /** The server's origin. @default the page's own (the live server serves the deck) */
  url?: string;
  /** @default ['websocket', 'polling']: WebSocket first, long-polling where a network blocks it */
  transports?: ('websocket' | 'polling')[];
  /** How long `send` waits for the server's answer. @default 5000 */
  ackTimeoutMs?: number;
}

/** A connection to the live classroom as lecturer or student. */
export interface LiveClient {
  readonly role: Role;
  readonly connection: ConnectionState;
  /** Why the connection was refused, while `connection` is `refused`. */
  readonly refusal: { code: string; message: string } | null;
  /** The lecture as known from the server's events (position, polls, tallies, count). */
  readonly view: LiveView;
  /** Hears every change of `connection`; returns an unsubscribe function. */
  onConnection(listener: (state: ConnectionState) => void): () => void;
  /** Hears every change of `view` (after the event that changed it). */
  onView(listener: (view: LiveView) => void): () => void;
  /** Hears one server event as it arrives (stale ones included; `view` has them sorted out). */
  on<E extends keyof ServerToClientEvents>(event: E, listener: ServerToClientEvents[E]): () => void;
  /** Sends a command; resolves with the server's answer, or `offline` / `timeout`. Never rejects. */
  send<C extends CommandName>(command: C, payload: CommandPayloads[C]): Promise<Reply<C>>;
  /** Disconnects for good. */
  close(): void;
  /** The socket.io socket underneath (tests use it to send what the protocol forbids). */
  readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
}

/** Connects to the live classroom (socket.io reconnects by itself; each connect gets the state again). */
export function connectLive(options: LiveClientOptions): LiveClient {
  const socketOptions = {
    path: LIVE_SOCKET_PATH,
    auth: { ...options.auth },
    transports: options.transports ?? ['websocket', 'polling'],
    // Each client its own connection (socket.io would otherwise share one per URL).
    forceNew: true,
    reconnectionDelay: 500,
    reconnectionDelayMax: 3000,
  };
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = options.url === undefined ? io(socketOptions) : io(options.url, socketOptions);
  const keeper = new LiveViewKeeper();
  const connectionListeners = new Set<(state: ConnectionState) => void>();
  const viewListeners = new Set<(view: LiveView) => void>();
  let connection: ConnectionState = 'connecting';
  let refusal: { code: string; message: string } | null = null;
  const setConnection = (state: ConnectionState): void => {
    if (state === connection) return;
    connection = state;
    for (const l of connectionListeners) l(state);
  };
  const changed = (didChange: boolean): void => {
    if (didChange) for (const l of viewListeners) l(keeper.view);
  };

  socket.on('connect', () => {
    refusal = null;
    keeper.connected();
    setConnection('connected');
  });
  socket.on('disconnect', (reason) => {
    setConnection(reason === 'io client disconnect' || reason === 'io server disconnect' ? 'closed' : 'reconnecting');
  });
  socket.on('connect_error', (e: Error & { data?: { code?: string } }) => {
    // A refusal by the server's handshake ends socket.io's retries (`active` is false).
    if (!socket.active) {
      refusal = { code: e.data?.code ?? 'refused', message: e.message };
      setConnection('refused');
    } else if (connection !== 'connecting') setConnection('reconnecting');
  });
  socket.on('state', (s) => changed(keeper.state(s)));
  socket.on('move', (p) => changed(keeper.move(p)));
  socket.on('poll', (p) => changed(keeper.poll(p)));
  socket.on('tally', (t) => changed(keeper.tally(t)));
  socket.on('students', (c) => changed(keeper.students(c.count)));

  const ackTimeout = options.ackTimeoutMs ?? 5000;
  return {
    role: options.auth.role,
    get connection() {
      return connection;
    },
    get refusal() {
      return refusal;
    },
    get view() {
      return keeper.view;
    },
    onConnection(listener) {
      connectionListeners.add(listener);
      return () => connectionListeners.delete(listener);
    },
    onView(listener) {
      viewListeners.add(listener);
      return () => viewListeners.delete(listener);
    },
    on(event, listener) {
      // socket.io's typed `on` cannot see that each listener matches its own event here.
      const untyped = socket as unknown as { on(e: string, l: unknown): void; off(e: string, l: unknown): void };
      untyped.on(event, listener);
      return () => untyped.off(event, listener);
    },
    async send(command, payload) {
      // Nothing is queued while offline: a stale move replayed later would jump the class back.
      if (!socket.connected) return { ok: false, error: 'offline', message: 'not connected to the live server' };
      try {
        const emit = socket.timeout(ackTimeout) as unknown as { emitWithAck(e: string, p: unknown): Promise<Reply<typeof command>> };
        const reply = await emit.emitWithAck(command, payload);
        if (reply.ok && command === 'answer') changed(keeper.answered((payload as CommandPayloads['answer']).quizId, (reply as { answer: number[] }).answer));
        return reply;
      } catch {
        return { ok: false, error: 'timeout', message: `no answer from the live server in ${ackTimeout / 1000} s` };
      }
    },
    close() {
      socket.disconnect();
      setConnection('closed');
    },
    socket,
  };
}
