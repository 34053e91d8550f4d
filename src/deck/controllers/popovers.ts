/**
 * Definitions of glossary terms and the full text of citations, shown on hover, focus or tap.
 * Terms carry their tooltip (built at compile time); a citation's tooltip is made from the
 * references list. A tap on a citation first shows the reference; the tooltip's link (or a
 * second tap) leads to the references slide, whose "返回" button leads back.
 */
export function startPopovers(): void {
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

  document.addEventListener('pointerover', (e) => {
    const t = triggerOf(e.target);
    if (t && (e as PointerEvent).pointerType === 'mouse') show(t);
  });
  document.addEventListener('pointerout', (e) => {
    const t = triggerOf(e.target);
    if (t && (e as PointerEvent).pointerType === 'mouse' && !t.contains(e.relatedTarget as Node)) close();
  });
  document.addEventListener('focusin', (e) => {
    const t = triggerOf(e.target);
    if (t) show(t);
    else if (!(e.target instanceof Element && e.target.closest('.deck-term-tip'))) close();
  });
  document.addEventListener('click', (e) => {
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
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && open) {
      e.stopPropagation();
      close();
    }
  }, true);
  startReturnButton();
}

function tipFor(trigger: HTMLElement): HTMLElement | null {
  const id = trigger.getAttribute('aria-describedby');
  const existing = id ? document.getElementById(id) : null;
  if (existing) return existing;
  const n = trigger.dataset.deckRef;
  const ref = n ? document.getElementById(`ref-${n}`) : null;
  if (!ref) return null;
  const tip = document.createElement('span');
  tip.className = 'deck-term-tip deck-cite-tip';
  tip.id = `cite-tip-${n}-${Math.random().toString(36).slice(2, 8)}`;
  tip.setAttribute('role', 'tooltip');
  tip.hidden = true;
  tip.textContent = ref.textContent?.trim() ?? '';
  const link = document.createElement('a');
  link.href = trigger.getAttribute('href') ?? '#/references';
  link.textContent = ' 查看参考文献 →';
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
function startReturnButton(): void {
  const button = document.createElement('a');
  button.className = 'deck-button deck-return';
  button.hidden = true;
  button.textContent = '← 返回原页';
  document.body.append(button);
  window.addEventListener('hashchange', () => {
    const here = currentSlideId() ?? '';
    const onReferences = here.startsWith('references');
    button.hidden = !(onReferences && returnTo && returnTo !== here);
    if (returnTo) button.href = `#/${returnTo}`;
    if (!onReferences) returnTo = null;
  });
}
