import { ATTR, REFERENCES_SLIDE_ID } from '../../shared/deck-model.ts';
import { UI } from '../../shared/ui-strings.ts';
import type { DeckTool, ToolFactory } from '../tool.ts';

/**
 * Definitions of glossary terms and the full text of citations, shown on hover, focus or tap.
 * Terms carry their tooltip (built at compile time); a citation's tooltip is made from the
 * references list. A tap on a citation first shows the reference; the tooltip's link (or a
 * second tap) leads to the references slide, whose "返回" button leads back.
 */
export const popovers: ToolFactory<DeckTool> = () => {
  const listeners: [EventTarget, string, EventListener, boolean][] = [];
  const listen = (target: EventTarget, type: string, fn: EventListener, capture = false): void => {
    target.addEventListener(type, fn, capture);
    listeners.push([target, type, fn, capture]);
  };
  let returnButton: HTMLElement | null = null;
  return {
    id: 'deck-popovers',
    init() {
      returnButton = startPopovers(listen);
    },
    destroy() {
      for (const [target, type, fn, capture] of listeners) target.removeEventListener(type, fn, capture);
      returnButton?.remove();
      document.querySelectorAll('.deck-cite-tip').forEach((tip) => tip.remove());
    },
  };
};

function startPopovers(listen: (target: EventTarget, type: string, fn: EventListener, capture?: boolean) => void): HTMLElement {
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
    tip.hidden = false;
    trigger.setAttribute('aria-expanded', 'true');
    open = { trigger, tip };
  };
  const triggerOf = (target: EventTarget | null): HTMLElement | null =>
    target instanceof Element ? target.closest<HTMLElement>('button.deck-term, sup.deck-cite a') : null;

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
    if (t.matches('button.deck-term')) {
      if (open?.trigger === t) close();
      else show(t);
      return;
    }
    // A citation: a first tap on a touch screen shows the reference instead of leaving the slide.
    if (open?.trigger !== t) {
      e.preventDefault();
      show(t);
      return;
    }
    rememberReturn();
  });
  listen(document, 'keydown', (e) => {
    if ((e as KeyboardEvent).key === 'Escape' && open) {
      e.stopPropagation();
      close();
    }
  }, true);
  return startReturnButton(listen);
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
  link.href = trigger.getAttribute('href') ?? `#/${REFERENCES_SLIDE_ID}`;
  link.textContent = UI.popover.seeReferences;
  link.addEventListener('click', rememberReturn);
  tip.append(link);
  trigger.setAttribute('aria-describedby', tip.id);
  trigger.after(tip);
  return tip;
}

let returnTo: string | null = null;
function rememberReturn(): void {
  returnTo = currentSlideId();
}

function currentSlideId(): string | null {
  const hash = location.hash.replace(/^#\/?/, '');
  return hash || null;
}

/** On the references slide, after following a citation: a button back to where the reader was. */
function startReturnButton(listen: (target: EventTarget, type: string, fn: EventListener) => void): HTMLElement {
  const button = document.createElement('a');
  button.className = 'deck-button deck-return';
  button.hidden = true;
  button.textContent = UI.popover.back;
  document.body.append(button);
  listen(window, 'hashchange', () => {
    const here = currentSlideId() ?? '';
    const onReferences = here.startsWith(REFERENCES_SLIDE_ID);
    button.hidden = !(onReferences && returnTo && returnTo !== here);
    if (returnTo) button.href = `#/${returnTo}`;
    if (!onReferences) returnTo = null;
  });
  return button;
}
