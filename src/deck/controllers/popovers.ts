import { ATTR, REFERENCES_SLIDE_ID } from '../../shared/deck-model.ts';
import { UI } from '../../shared/ui-strings.ts';
import type { DeckTool, ToolFactory } from '../tool.ts';

/**
 * Definitions of glossary terms and the full text of citations, shown on hover, focus or tap.
 * Terms carry their tooltip (built at compile time); a citation's tooltip is made from the
 * references list. A tap on a term shows its definition (a second tap, or a tap elsewhere, puts
 * it away); a tap on a citation first shows the reference, and the tooltip's link (or a second
 * tap) leads to the references slide that lists it, whose "返回" button leads back.
 */
export const popovers: ToolFactory<DeckTool> = ({ bus }) => {
  const listeners: [EventTarget, string, EventListener, boolean][] = [];
  const listen = (target: EventTarget, type: string, fn: EventListener, capture = false): void => {
    target.addEventListener(type, fn, capture);
    listeners.push([target, type, fn, capture]);
  };
  let returnButton: HTMLElement | null = null;
  let stop = (): void => undefined;
  return {
    id: 'deck-popovers',
    init() {
      startPopovers(listen);
      const back = startReturnButton();
      returnButton = back.button;
      stop = bus.on('slide', ({ id }) => back.update(id));
      listen(window, 'hashchange', () => back.update(currentSlideId() ?? ''));
    },
    destroy() {
      stop();
      for (const [target, type, fn, capture] of listeners) target.removeEventListener(type, fn, capture);
      returnButton?.remove();
      document.querySelectorAll('.deck-cite-tip').forEach((tip) => tip.remove());
    },
  };
};

function startPopovers(listen: (target: EventTarget, type: string, fn: EventListener, capture?: boolean) => void): void {
  let open: { trigger: HTMLElement; tip: HTMLElement } | null = null;
  const close = (): void => {
    if (!open) return;
    open.tip.hidden = true;
    open.trigger.setAttribute('aria-expanded', 'false');
    open = null;
  };
  const show = (trigger: HTMLElement): void => {
    const tip = tipFor(trigger);
    if (!tip || open?.tip === tip) return;
    close();
    const screen = document.documentElement.clientWidth;
    tip.hidden = false;
    keepOnScreen(tip, screen);
    trigger.setAttribute('aria-expanded', 'true');
    open = { trigger, tip };
  };
  const triggerOf = (target: EventTarget | null): HTMLElement | null =>
    target instanceof Element ? target.closest<HTMLElement>('button.deck-term, sup.deck-cite a') : null;
  // A tap is pointerdown, then the focus it gives (which shows the tip), then a click: the click
  // acts on what was open when the finger came down, not on what the focus just opened.
  let pressed: { trigger: HTMLElement; wasOpen: boolean } | null = null;

  listen(document, 'pointerdown', (e) => {
    const t = triggerOf(e.target);
    pressed = t ? { trigger: t, wasOpen: open?.trigger === t } : null;
    // A tap or click anywhere else (but in the open tip) puts the tip away.
    if (!t && open && !(e.target instanceof Element && e.target.closest('.deck-term-tip'))) close();
  }, true);
  listen(document, 'pointerover', (e) => {
    const t = triggerOf(e.target);
    if (t && (e as PointerEvent).pointerType === 'mouse') show(t);
  });
  listen(document, 'pointerout', (e) => {
    const t = triggerOf(e.target);
    if (t && (e as PointerEvent).pointerType === 'mouse' && !t.contains((e as PointerEvent).relatedTarget as Node)) close();
  });
  listen(document, 'focusin', (e) => {
    const t = triggerOf(e.target);
    if (t) show(t);
    else if (!(e.target instanceof Element && e.target.closest('.deck-term-tip'))) close();
  });
  listen(document, 'click', (e) => {
    const t = triggerOf(e.target);
    if (!t) return;
    // Opened by this very press (its focus, or a mouse's hover before it), or by a keyboard's Enter.
    const wasOpen = pressed?.trigger === t ? pressed.wasOpen : open?.trigger === t;
    pressed = null;
    if (t.matches('button.deck-term')) {
      if (wasOpen) close();
      else show(t);
      return;
    }
    // A citation: a first tap shows the reference instead of leaving the slide.
    e.preventDefault();
    if (!wasOpen) {
      show(t);
      return;
    }
    followCitation(t);
  });
  listen(document, 'keydown', (e) => {
    if ((e as KeyboardEvent).key === 'Escape' && open) {
      e.stopPropagation();
      close();
    }
  }, true);
}

/**
 * Places a tip so that it stays inside the screen (`screen`: its width, taken before the tip was
 * shown): a tip past the right edge would widen the page, and a phone would then zoom the whole
 * page out. The tip is measured out of the flow first (a fixed box adds nothing to the page's
 * width), then shifted from its anchor by what it would overhang, in its own CSS pixels (a slide
 * is scaled by reveal.js).
 */
function keepOnScreen(tip: HTMLElement, screen: number): void {
  tip.style.removeProperty('--deck-tip-shift');
  tip.style.position = 'fixed';
  const box = tip.getBoundingClientRect();
  const scale = box.width > 0 ? tip.offsetWidth / box.width : 1;
  tip.style.removeProperty('position');
  const anchor = tip.parentElement?.getBoundingClientRect();
  if (!anchor || box.width === 0) return;
  const margin = 8;
  let dx = Math.min(0, screen - margin - (anchor.left + box.width));
  if (anchor.left + dx < margin) dx = margin - anchor.left;
  if (dx !== 0) tip.style.setProperty('--deck-tip-shift', `${Math.round(dx * scale)}px`);
}

/** Where a citation leads: the slide that lists its reference (the references run over several slides). */
function citationTarget(trigger: HTMLElement): string {
  const n = trigger.getAttribute(ATTR.ref);
  const holder = n ? document.getElementById(`ref-${n}`)?.closest('section[id], article[id]') : null;
  return holder ? `#/${holder.id}` : (trigger.getAttribute('href') ?? `#/${REFERENCES_SLIDE_ID}`);
}

function followCitation(trigger: HTMLElement): void {
  rememberReturn(trigger);
  location.hash = citationTarget(trigger);
}

function tipFor(trigger: HTMLElement): HTMLElement | null {
  const id = trigger.getAttribute('aria-describedby');
  const existing = id ? document.getElementById(id) : null;
  if (existing) return existing;
  const n = trigger.getAttribute(ATTR.ref);
  const ref = n ? document.getElementById(`ref-${n}`) : null;
  if (!ref) return null;
  const tip = document.createElement('span');
  tip.className = 'deck-term-tip deck-cite-tip';
  tip.id = `cite-tip-${n}-${Math.random().toString(36).slice(2, 8)}`;
  tip.setAttribute('role', 'tooltip');
  tip.hidden = true;
  tip.textContent = ref.textContent?.trim() ?? '';
  const link = document.createElement('a');
  link.href = citationTarget(trigger);
  link.textContent = UI.popover.seeReferences;
  link.addEventListener('click', () => rememberReturn(trigger));
  tip.append(link);
  trigger.setAttribute('aria-describedby', tip.id);
  trigger.after(tip);
  return tip;
}

let returnTo: string | null = null;
/** The way back leads to the slide the citation is on (in the study view, not always the one the URL names). */
function rememberReturn(trigger: HTMLElement): void {
  returnTo = trigger.closest('section[id], article[id]')?.id ?? currentSlideId();
}

function currentSlideId(): string | null {
  const hash = location.hash.replace(/^#\/?/, '');
  return hash || null;
}

/**
 * On the references, after following a citation: a button back to where the reader was. It goes
 * as soon as the reader is anywhere else (by it, by scrolling on, by any other way); `update`
 * is told each slide the reader comes to (the study view scrolls without a hashchange).
 */
function startReturnButton(): { button: HTMLElement; update(here: string): void } {
  const button = document.createElement('a');
  button.className = 'deck-button deck-return';
  button.hidden = true;
  button.textContent = UI.popover.back;
  document.body.append(button);
  return {
    button,
    update(here) {
      const onReferences = here.startsWith(REFERENCES_SLIDE_ID);
      button.hidden = !(onReferences && returnTo && returnTo !== here);
      if (returnTo) button.href = `#/${returnTo}`;
      if (!onReferences) returnTo = null;
    },
  };
}
