/**
 * A modal overlay (menu, help): a labelled dialog that takes focus, keeps Tab inside, and
 * closes on Esc or a click outside, giving focus back to where it was. While it is open its
 * keys never reach reveal.js.
 */
export class Overlay {
  readonly element: HTMLElement;
  readonly panel: HTMLElement;
  private returnFocus: HTMLElement | null = null;
  private readonly onKey: (e: KeyboardEvent) => void;

  constructor(label: string, className: string, private readonly handleKey: (e: KeyboardEvent) => boolean = () => false) {
    this.element = document.createElement('div');
    this.element.className = `deck-overlay ${className}`;
    this.element.hidden = true;
    this.element.innerHTML = `<div class="deck-overlay-panel" role="dialog" aria-modal="true" aria-label="${label}" tabindex="-1"></div>`;
    this.panel = this.element.firstElementChild as HTMLElement;
    this.element.addEventListener('click', (e) => {
      if (e.target === this.element) this.close();
    });
    this.onKey = (e) => {
      if (this.element.hidden) return;
      if (e.key === 'Escape') this.close();
      else if (e.key === 'Tab') this.trapTab(e);
      else if (!this.handleKey(e)) {
        // Keys typed inside the dialog are the dialog's, not the deck's.
        e.stopImmediatePropagation();
        return;
      }
      e.preventDefault();
      e.stopImmediatePropagation();
    };
  }

  get isOpen(): boolean {
    return !this.element.hidden;
  }

  mount(parent: HTMLElement = document.body): void {
    parent.append(this.element);
    window.addEventListener('keydown', this.onKey, true);
  }

  open(focus?: HTMLElement | null): void {
    this.returnFocus = document.activeElement as HTMLElement | null;
    this.element.hidden = false;
    (focus ?? this.panel).focus();
  }

  close(): void {
    if (this.element.hidden) return;
    this.element.hidden = true;
    this.returnFocus?.focus?.();
  }

  toggle(): void {
    if (this.isOpen) this.close();
    else this.open();
  }

  unmount(): void {
    window.removeEventListener('keydown', this.onKey, true);
    this.element.remove();
  }

  private trapTab(e: KeyboardEvent): void {
    const focusable = [...this.panel.querySelectorAll<HTMLElement>('a[href], button:not([disabled]), input, [tabindex="0"]')];
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) return;
    const active = document.activeElement;
    if (e.shiftKey && (active === first || active === this.panel)) last.focus();
    else if (!e.shiftKey && active === last) first.focus();
    else (e.shiftKey ? focusable[focusable.indexOf(active as HTMLElement) - 1] : focusable[focusable.indexOf(active as HTMLElement) + 1])?.focus();
  }
}
