import './speaker.css';
import { ALL_PLANS, ATTR, placeOf, type DeckManifest } from '../../shared/deck-model.ts';
import { escapeHtml } from '../../shared/html.ts';
import { RESULTS_CSV_PATH } from '../../shared/live-protocol.ts';
import { UI } from '../../shared/ui-strings.ts';
import { clock, lectureMinutes, pacingOn, planLecture, sectionTimes, type PlannedSlide } from '../pacing/plan.ts';
import { isPresenterState, sameOrigin, type LiveSummary, type PresenterState, type SpeakerMessage } from './protocol.ts';

/** The query of the speaker view's two previews: the deck as reveal.js's receiver, without chrome or motion. */
const PREVIEW_QUERY = 'receiver&postMessageEvents=true&controls=false&progress=false&slideNumber=false&transition=none&backgroundTransition=none';

/** With no word from the presentation for this long, the speaker view says again that it is there (the presentation may have reloaded). */
const QUIET_MS = 2000;

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
  const view = layout(manifest);
  document.querySelector('.reveal')?.replaceWith(view.root);
  // The previews show the presentation's plan: reveal.js's indices count only its slides.
  let plan = '';
  let lecture: PlannedSlide[] = [];
  const showPlan = (id: string): void => {
    if (id === plan) return;
    plan = id;
    lecture = planLecture(manifest, id);
    view.plan.value = id;
    const previewUrl = `${location.pathname}?${PREVIEW_QUERY}&plan=${encodeURIComponent(id)}`;
    view.current.src = previewUrl;
    view.next.src = previewUrl;
  };
  showPlan(manifest.meta.defaultPlan);

  let last: PresenterState | null = null;
  let heardAt = 0;
  const send = (message: SpeakerMessage): void => window.opener?.postMessage(message, sameOrigin());
  const show = (s: PresenterState): void => {
    last = s;
    heardAt = Date.now();
    showPlan(s.plan);
    const state = JSON.stringify({ method: 'setState', args: [s.state] });
    view.current.contentWindow?.postMessage(state, '*');
    view.next.contentWindow?.postMessage(state, '*');
    view.next.contentWindow?.postMessage(JSON.stringify({ method: 'next' }), '*');
    const place = placeOf(manifest, s.slideId, s.plan);
    view.place.textContent = place ? UI.speaker.place(place.inDeck, place.deckSize, place.sectionTitle, place.title) : '';
    view.notes.replaceChildren(...notesOf(slides, s.slideId, s.step));
    fillTiming(view.notes, manifest, s.plan);
    showLive(view, s.live);
    tick();
  };
  const tick = (): void => {
    view.clock.textContent = new Intl.DateTimeFormat(manifest.meta.lang, { hour: '2-digit', minute: '2-digit' }).format(new Date());
    const elapsed = last?.startedAt ? (Date.now() - last.startedAt) / 60000 : 0;
    view.elapsed.textContent = UI.speaker.elapsed(clock(elapsed));
    if (window.opener && Date.now() - heardAt > QUIET_MS) {
      heardAt = Date.now();
      send({ from: 'deck-speaker', kind: 'ready' });
    }
    const status = last ? pacingOn(lecture, last.slideId, elapsed) : null;
    if (!status) return;
    const { planned, ahead } = status;
    view.pacing.dataset.deckAhead = String(Math.round(ahead * 60));
    view.pacing.dataset.deckPace = ahead < -0.5 ? 'behind' : ahead > 0.5 ? 'ahead' : 'on';
    view.pacing.textContent = UI.speaker.pacing(
      clock(planned.minutes),
      clock(planned.start),
      lectureMinutes(manifest, plan),
      Math.abs(ahead) < 0.5 ? UI.pacing.onTime : ahead > 0 ? UI.pacing.ahead(clock(ahead)) : UI.pacing.behind(clock(ahead)),
    );
  };

  window.addEventListener('message', (e) => {
    if (e.source === window.opener && isPresenterState(e.data)) show(e.data);
    // A preview whose deck has just started has missed the last state: give it again.
    else if ((e.source === view.current.contentWindow || e.source === view.next.contentWindow) && isRevealReady(e.data) && last) show(last);
  });
  view.prev.addEventListener('click', () => send({ from: 'deck-speaker', kind: 'command', command: 'prev' }));
  view.forward.addEventListener('click', () => send({ from: 'deck-speaker', kind: 'command', command: 'next' }));
  view.restart.addEventListener('click', () => send({ from: 'deck-speaker', kind: 'command', command: 'restart-clock' }));
  view.plan.addEventListener('change', () => send({ from: 'deck-speaker', kind: 'plan', plan: view.plan.value }));
  view.download.addEventListener('click', () => {
    if (last?.live) void downloadResults(last.live, view.liveNote);
  });
  window.addEventListener('keydown', (e) => {
    if (e.target instanceof HTMLButtonElement && (e.key === ' ' || e.key === 'Enter')) return;
    if (e.target instanceof HTMLSelectElement) return;
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

/** reveal.js's `ready` event, as a deck with `postMessageEvents` posts it to the window around it. */
function isRevealReady(data: unknown): boolean {
  if (typeof data !== 'string') return false;
  try {
    const message = JSON.parse(data) as { namespace?: unknown; eventName?: unknown };
    return message.namespace === 'reveal' && message.eventName === 'ready';
  } catch {
    return false;
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

/** A cue's `::: timing`: each section's minutes in the plan shown, never minutes written by hand. */
function fillTiming(notes: HTMLElement, manifest: DeckManifest, plan: string): void {
  const title = manifest.meta.plans.find((p) => p.id === plan)?.title ?? UI.plans.all;
  for (const box of notes.querySelectorAll(`[${ATTR.timing}]`)) {
    const heading = document.createElement('p');
    heading.textContent = UI.speaker.timing(title, lectureMinutes(manifest, plan));
    const list = document.createElement('ul');
    for (const s of sectionTimes(manifest, plan)) {
      const item = document.createElement('li');
      item.textContent = UI.speaker.sectionTime(s.title, String(Math.round(s.minutes * 10) / 10), s.slides);
      list.append(item);
    }
    box.replaceChildren(heading, list);
  }
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
  plan: HTMLSelectElement;
  prev: HTMLButtonElement;
  forward: HTMLButtonElement;
  restart: HTMLButtonElement;
  live: HTMLElement;
  download: HTMLButtonElement;
  liveNote: HTMLElement;
}

function layout(manifest: DeckManifest): SpeakerLayout {
  const S = UI.speaker;
  const plans = [...manifest.meta.plans.map((p) => [p.id, p.title]), [ALL_PLANS, UI.plans.all]];
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
      <label class="deck-speaker-plan">${UI.plans.label}
        <select>${plans.map(([id, title]) => `<option value="${escapeHtml(id!)}">${escapeHtml(title!)}</option>`).join('')}</select>
      </label>
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
    plan: q('.deck-speaker-plan select'),
    prev: q('[data-prev]'),
    forward: q('[data-next]'),
    restart: q('[data-restart]'),
    live: q('.deck-speaker-live'),
    download: q('[data-download]'),
    liveNote: q('.deck-speaker-live-note'),
  };
}
