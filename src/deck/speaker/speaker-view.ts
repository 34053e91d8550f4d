import './speaker.css';
import { ATTR, placeOf, type DeckManifest } from '../../shared/deck-model.ts';
import { RESULTS_CSV_PATH } from '../../shared/live-protocol.ts';
import { UI } from '../../shared/ui-strings.ts';
import { clock, pacingOn, planLecture } from '../pacing/plan.ts';
import { isPresenterState, sameOrigin, type LiveSummary, type PresenterState, type SpeakerMessage } from './protocol.ts';

/** The query of the speaker view's two previews: the deck as reveal.js's receiver, without chrome or motion. */
const PREVIEW_QUERY = 'receiver&controls=false&progress=false&slideNumber=false&transition=none&backgroundTransition=none';

/**
 * The speaker view (`?view=speaker`, opened by the presentation's `S`): the current slide and
 * the next step side by side, the notes in large type with the current step's own notes and the
 * lecturer's cue, the clock, the time since the lecture began and the pacing against the plan —
 * all in the deck's language and font. It follows the presentation (speaker/protocol.ts) and
 * reads the notes from its own copy of the slides; its buttons and keys move the presentation.
 * In a live lecture it shows how many students are connected and downloads the polls' results.
 */
export function startSpeakerView(manifest: DeckManifest): void {
  const slides = document.querySelector<HTMLElement>('.reveal .slides');
  document.documentElement.classList.add('deck-speaker-mode');
  const plan = planLecture(manifest);
  const view = layout();
  document.querySelector('.reveal')?.replaceWith(view.root);
  const previewUrl = (): string => `${location.pathname}?${PREVIEW_QUERY}`;
  view.current.src = previewUrl();
  view.next.src = previewUrl();

  let last: PresenterState | null = null;
  const send = (message: SpeakerMessage): void => window.opener?.postMessage(message, sameOrigin());
  const show = (s: PresenterState): void => {
    last = s;
    const state = JSON.stringify({ method: 'setState', args: [s.state] });
    view.current.contentWindow?.postMessage(state, '*');
    view.next.contentWindow?.postMessage(state, '*');
    view.next.contentWindow?.postMessage(JSON.stringify({ method: 'next' }), '*');
    const place = placeOf(manifest, s.slideId);
    view.place.textContent = place ? UI.speaker.place(place.inDeck, place.deckSize, place.sectionTitle, place.title) : '';
    view.notes.replaceChildren(...notesOf(slides, s.slideId, s.step));
    showLive(view, s.live);
    tick();
  };
  const tick = (): void => {
    view.clock.textContent = new Intl.DateTimeFormat(manifest.meta.lang, { hour: '2-digit', minute: '2-digit' }).format(new Date());
    const elapsed = last?.startedAt ? (Date.now() - last.startedAt) / 60000 : 0;
    view.elapsed.textContent = UI.speaker.elapsed(clock(elapsed));
    const status = last ? pacingOn(plan, last.slideId, elapsed) : null;
    if (!status) return;
    const { planned, ahead } = status;
    view.pacing.dataset.deckAhead = String(Math.round(ahead * 60));
    view.pacing.dataset.deckPace = ahead < -0.5 ? 'behind' : ahead > 0.5 ? 'ahead' : 'on';
    view.pacing.textContent = UI.speaker.pacing(
      clock(planned.minutes),
      clock(planned.start),
      manifest.meta.minutes,
      Math.abs(ahead) < 0.5 ? UI.pacing.onTime : ahead > 0 ? UI.pacing.ahead(clock(ahead)) : UI.pacing.behind(clock(ahead)),
    );
  };

  window.addEventListener('message', (e) => {
    if (e.source === window.opener && isPresenterState(e.data)) show(e.data);
  });
  // A preview that has just loaded has missed the last state: give it again.
  for (const frame of [view.current, view.next]) frame.addEventListener('load', () => last && show(last));
  view.prev.addEventListener('click', () => send({ from: 'deck-speaker', kind: 'command', command: 'prev' }));
  view.forward.addEventListener('click', () => send({ from: 'deck-speaker', kind: 'command', command: 'next' }));
  view.restart.addEventListener('click', () => send({ from: 'deck-speaker', kind: 'command', command: 'restart-clock' }));
  view.download.addEventListener('click', () => {
    if (last?.live) void downloadResults(last.live, view.liveNote);
  });
  window.addEventListener('keydown', (e) => {
    if (e.target instanceof HTMLButtonElement && (e.key === ' ' || e.key === 'Enter')) return;
    const command = ['ArrowRight', 'ArrowDown', ' ', 'PageDown', 'n', 'N'].includes(e.key) ? 'next' : ['ArrowLeft', 'ArrowUp', 'PageUp', 'p', 'P'].includes(e.key) ? 'prev' : null;
    if (!command) return;
    e.preventDefault();
    send({ from: 'deck-speaker', kind: 'command', command });
  });
  setInterval(tick, 1000);
  tick();
  if (!window.opener) view.notes.textContent = UI.speaker.noPresentation;
  send({ from: 'deck-speaker', kind: 'ready' });
  document.title = UI.speaker.title(manifest.meta.title);
}

/** The live lecture's line in the bar: students connected, or the connection's trouble. */
function showLive(view: SpeakerLayout, live: LiveSummary | undefined): void {
  view.live.hidden = !live;
  view.download.hidden = !live?.lectureId;
  if (!live) return;
  view.live.dataset.deckLiveConnection = live.connection;
  view.live.textContent = live.connection === 'connected' ? UI.live.speaker.students(live.students ?? 0) : live.connection === 'refused' ? UI.live.connection.refused : UI.live.connection.reconnecting;
}

/** Downloads every poll's tallies (the server's CSV, lecturer only) as `<lectureId>.csv`. */
async function downloadResults(live: LiveSummary, note: HTMLElement): Promise<void> {
  note.textContent = '';
  try {
    const response = await fetch(RESULTS_CSV_PATH, { headers: { Authorization: `Bearer ${live.token}` }, cache: 'no-store' });
    if (!response.ok) throw new Error(`${response.status}`);
    const url = URL.createObjectURL(await response.blob());
    const a = document.createElement('a');
    a.href = url;
    a.download = `${live.lectureId ?? 'live'}.csv`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  } catch {
    note.textContent = UI.live.speaker.downloadFailed;
  }
}

/** The notes of a slide as the speaker reads them: the current step's own notes first, then the slide's, the cue last. */
function notesOf(slides: HTMLElement | null, slideId: string, step: number): Node[] {
  const slide = slides?.querySelector(`section[id="${CSS.escape(slideId)}"]`);
  if (!slide) return [];
  const out: Node[] = [];
  const stepNotes = slide.querySelector(`aside.notes[${ATTR.step}="${step}"]`);
  if (stepNotes) out.push(labelled(UI.speaker.stepNotes(step), stepNotes, 'deck-speaker-step-notes'));
  const notes = [...slide.querySelectorAll(':scope > aside.notes')];
  for (const aside of notes) {
    const copy = aside.cloneNode(true) as HTMLElement;
    const cue = copy.querySelector(`[${ATTR.cue}]`);
    cue?.remove();
    out.push(labelled(UI.speaker.notes, copy, 'deck-speaker-slide-notes'));
    if (cue) out.push(labelled(UI.speaker.cue, cue, 'deck-speaker-cue'));
  }
  if (out.length === 0) out.push(document.createTextNode(UI.speaker.noNotes));
  return out;
}

function labelled(label: string, content: Element, className: string): HTMLElement {
  const box = document.createElement('section');
  box.className = className;
  const head = document.createElement('h2');
  head.textContent = label;
  const body = document.createElement('div');
  body.innerHTML = content.innerHTML;
  box.append(head, body);
  return box;
}

/** The speaker view's parts. */
interface SpeakerLayout {
  root: HTMLElement;
  current: HTMLIFrameElement;
  next: HTMLIFrameElement;
  notes: HTMLElement;
  place: HTMLElement;
  clock: HTMLElement;
  elapsed: HTMLElement;
  pacing: HTMLElement;
  prev: HTMLButtonElement;
  forward: HTMLButtonElement;
  restart: HTMLButtonElement;
  live: HTMLElement;
  download: HTMLButtonElement;
  liveNote: HTMLElement;
}

function layout(): SpeakerLayout {
  const S = UI.speaker;
  const root = document.createElement('main');
  root.className = 'deck-speaker';
  root.setAttribute('aria-label', S.label);
  root.innerHTML = `
    <header class="deck-speaker-bar">
      <p class="deck-speaker-clock" aria-label="${S.clockLabel}"></p>
      <p class="deck-speaker-elapsed" aria-live="off"></p>
      <button type="button" class="deck-button deck-button-quiet" data-restart>${S.restartClock}</button>
      <p class="deck-speaker-pacing" role="status"></p>
      <p class="deck-speaker-live" aria-live="polite" hidden></p>
      <button type="button" class="deck-button deck-button-quiet" data-download hidden>${UI.live.speaker.download}</button>
      <p class="deck-speaker-live-note" role="alert"></p>
    </header>
    <section class="deck-speaker-current" aria-label="${S.current}">
      <h2>${S.current}</h2>
      <iframe title="${S.current}" tabindex="-1"></iframe>
      <p class="deck-speaker-place"></p>
    </section>
    <section class="deck-speaker-next" aria-label="${S.next}">
      <h2>${S.next}</h2>
      <iframe title="${S.next}" tabindex="-1"></iframe>
    </section>
    <div class="deck-speaker-notes" tabindex="0" aria-label="${S.notes}"></div>
    <footer class="deck-speaker-moves">
      <button type="button" class="deck-button" data-prev>${S.prev}</button>
      <button type="button" class="deck-button" data-next>${S.forward}</button>
    </footer>`;
  const q = <T extends HTMLElement>(selector: string): T => root.querySelector<T>(selector)!;
  const frames = root.querySelectorAll('iframe');
  return {
    root,
    current: frames[0]!,
    next: frames[1]!,
    notes: q('.deck-speaker-notes'),
    place: q('.deck-speaker-place'),
    clock: q('.deck-speaker-clock'),
    elapsed: q('.deck-speaker-elapsed'),
    pacing: q('.deck-speaker-pacing'),
    prev: q('[data-prev]'),
    forward: q('[data-next]'),
    restart: q('[data-restart]'),
    live: q('.deck-speaker-live'),
    download: q('[data-download]'),
    liveNote: q('.deck-speaker-live-note'),
  };
}
