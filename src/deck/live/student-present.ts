import type { RevealApi } from 'reveal.js';
import { whenReady, type ToolFactory } from '../tool.ts';
import { connectStudent } from './connect.ts';
import { goTo } from './go-to.ts';
import { startStudent, type FollowSurface } from './student.ts';

const MOVES = ['slidechanged', 'fragmentshown', 'fragmenthidden'] as const;

/** reveal.js's slides as a student's surface: the lecturer's moves go through reveal.js; any other move is the student's own. */
function slidesSurface(deck: RevealApi): FollowSurface {
  let applying = false;
  return {
    show(slideId, step) {
      // reveal.js sends its events during slide(): those are ours, not the student's.
      applying = true;
      try {
        goTo(deck, slideId, step);
      } finally {
        applying = false;
      }
    },
    release: () => undefined,
    onOwnMove(listener) {
      const heard = (): void => {
        if (!applying) listener();
      };
      for (const event of MOVES) deck.on(event, heard);
      return () => MOVES.forEach((event) => deck.off(event, heard));
    },
  };
}

/** A student's page on a laptop (`?join`, a wide screen): the slides themselves follow the lecturer. */
export const studentLive: ToolFactory = ({ manifest }) => {
  let stop = (): void => undefined;
  return {
    id: 'deck-live-student',
    init(deck) {
      whenReady(deck, () => {
        const client = connectStudent();
        const student = startStudent(client, slidesSurface(deck), manifest);
        stop = () => {
          student.destroy();
          client.close();
        };
      });
    },
    destroy() {
      stop();
    },
  };
};
