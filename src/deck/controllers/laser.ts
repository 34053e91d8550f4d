import type { ToolFactory } from '../tool.ts';

/** The laser pointer (`L`): the cursor becomes a bright red dot the room can follow on a projector. */
export const laser: ToolFactory = ({ bus }) => {
  let dot: HTMLElement | null = null;
  let active = false;
  const move = (e: PointerEvent): void => {
    if (!dot) return;
    dot.style.transform = `translate(${e.clientX}px, ${e.clientY}px)`;
    dot.hidden = false;
  };
  const set = (on: boolean): void => {
    active = on;
    document.documentElement.classList.toggle('deck-laser-on', on);
    if (on) window.addEventListener('pointermove', move);
    else {
      window.removeEventListener('pointermove', move);
      if (dot) dot.hidden = true;
    }
  };
  let stop = (): void => undefined;
  return {
    id: 'deck-laser',
    init() {
      dot = document.createElement('div');
      dot.className = 'deck-laser';
      dot.hidden = true;
      dot.setAttribute('aria-hidden', 'true');
      document.body.append(dot);
      stop = bus.on('command', ({ key }) => {
        if (key === 'L') set(!active);
        if (key === 'D' && active) set(false);
      });
    },
    destroy() {
      stop();
      set(false);
      dot?.remove();
    },
  };
};
