import { allSlides } from '../../shared/deck-model.ts';
import type { LecturerState, MovePayload, StudentState } from '../../shared/live-protocol.ts';
import { UI } from '../../shared/ui-strings.ts';
import { whenReady, type ToolFactory } from '../tool.ts';
import { connectLecturer } from './connect.ts';
import { connectionBanner } from './connection-banner.ts';
import { goTo } from './go-to.ts';
import { joinOverlay } from './join-overlay.ts';
import { lecturerPolls } from './lecturer-polls.ts';

const MOVES = ['slidechanged', 'fragmentshown', 'fragmenthidden'] as const;

/**
 * The lecturer's page of a live lecture (`?live=<token>`): every slide and step change moves the
 * class; the deck's position wins after a (re)connect, except on a page opened without a slide
 * (the printed link) in a lecture already under way, which goes where the class is. `J` shows
 * the join overlay, `Q` / `R` run the poll of the slide; the speaker view hears the class on the bus.
 */
export const lecturerLive =
  (token: string | null): ToolFactory =>
  ({ bus, manifest }) => {
    // Read before reveal.js writes its own hash: did the lecturer open a particular slide?
    const openedAtSlide = /^#\/./.test(location.hash);
    const stops: (() => void)[] = [];
    let close = (): void => undefined;
    return {
      id: 'deck-live-lecturer',
      init(deck) {
        const banner = connectionBanner();
        stops.push(() => banner.destroy());
        if (!token) return banner.say(UI.live.connection.noToken);
        const live = connectLecturer(token);
        banner.watch(live);
        const polls = lecturerPolls(live, manifest);
        const join = joinOverlay(deck.getRevealElement()?.parentElement ?? document.body);
        stops.push(() => polls.destroy(), () => join.destroy());
        close = () => live.close();

        const here = (): MovePayload | null => {
          const slide = deck.getCurrentSlide();
          return slide?.id ? { slideId: slide.id, step: (deck.getIndices().f ?? -1) + 1 } : null;
        };
        const move = (): void => {
          const position = here();
          if (position && live.connection === 'connected') void live.send('move', position);
        };
        const publish = (): void =>
          bus.emit('live', { connection: live.connection, lectureId: live.view.lectureId, students: live.view.students, token });
        let firstState = true;
        const onState = (s: StudentState | LecturerState): void => {
          const resumeClass = firstState && !openedAtSlide && !(s.position.slideId === allSlides(manifest)[0]?.id && s.position.step === 0);
          firstState = false;
          whenReady(deck, () => {
            if (resumeClass && goTo(deck, s.position.slideId, s.position.step)) return;
            const position = here();
            if (position && (position.slideId !== s.position.slideId || position.step !== s.position.step)) move();
          });
        };

        for (const event of MOVES) deck.on(event, move);
        stops.push(() => MOVES.forEach((event) => deck.off(event, move)));
        stops.push(
          live.on('state', onState),
          live.onView((view) => {
            polls.render(view);
            join.students(view.students);
            publish();
          }),
          live.onConnection(publish),
          bus.on('command', ({ key }) => {
            if (key === 'J') join.toggle();
            else if (key === 'Q' || key === 'R') polls.key(key, deck.getCurrentSlide() ?? null);
          }),
        );
        polls.render(live.view);
      },
      destroy() {
        stops.splice(0).forEach((stop) => stop());
        close();
      },
    };
  };
