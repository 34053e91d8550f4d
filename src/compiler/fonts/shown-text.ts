import type { MarkdownIt, Token } from 'markdown-it';
import { UI } from '../../shared/ui-strings.ts';
import { htmlPieces } from '../html/dom.ts';
import type { TermTokenMeta } from '../markdown/glossary.ts';
import type { QuizTokenMeta } from '../markdown/quiz.ts';
import { BOLD_TAGS } from './deck-css.ts';
import { addCharacters, type ShownCharacters } from './collect-characters.ts';

/** How to read what tokens show. */
export interface ShownTextOptions {
  /** Classes the deck's CSS sets bold (see deck-css.ts). */
  boldClasses: ReadonlySet<string>;
  /** Count what is shown only on demand too (a term's definition in its tooltip). */
  hidden: boolean;
  /** Parses a term's definition (Markdown inline). */
  md: MarkdownIt;
}

const VOID = new Set(['area', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/**
 * Adds the characters that parsed Markdown shows in the deck font to `into`, the bold ones
 * (headings, strong, table heads, elements of a class the CSS sets bold) to `into.bold` too:
 * text, code, raw HTML's text and attribute values, glossary terms, questions, the labels the
 * compiler adds around blocks, and the text of formulas (`\text{…}`: KaTeX draws the rest
 * with its own fonts).
 */
export function addShownText(tokens: readonly Token[], into: ShownCharacters, options: ShownTextOptions): void {
  const bold: boolean[] = [false];
  const add = (text: string, isBold = bold.at(-1)!): void => addCharacters(text, ...(isBold ? [into.all, into.bold] : [into.all]));
  const open = (tag: string, classes: string): void => {
    bold.push(bold.at(-1)! || BOLD_TAGS.has(tag) || classes.split(/\s+/).some((c) => options.boldClasses.has(c)));
  };
  const close = (): void => {
    if (bold.length > 1) bold.pop();
  };
  const visit = (token: Token): void => {
    switch (token.type) {
      case 'inline':
        token.children?.forEach(visit);
        return;
      case 'text':
      case 'code_inline':
      case 'code_block':
      case 'fence':
        return add(token.content);
      case 'math_inline':
      case 'math_block':
        return add(texText(token.content));
      case 'html_block':
      case 'html_inline':
        for (const piece of htmlPieces(token.content)) {
          if (piece.kind === 'text') add(piece.text);
          else if (piece.kind === 'start') {
            piece.attrs.forEach((a) => add(a.value, false));
            if (!piece.selfClosing && !VOID.has(piece.name)) open(piece.name, piece.attrs.find((a) => a.name === 'class')?.value ?? '');
          } else if (piece.kind === 'end') close();
        }
        return;
      case 'deck_term': {
        const { term } = token.meta as unknown as TermTokenMeta;
        add(term.term, bold.at(-1)! || options.boldClasses.has('deck-term'));
        if (options.hidden) {
          add(term.term, true);
          options.md.parseInline(term.definition, {}).forEach(visit);
          add(term.teaching ? UI.glossary.teaching : UI.glossary.paper);
        }
        return;
      }
      case 'deck_quiz': {
        const { quiz } = token.meta as unknown as QuizTokenMeta;
        // Inside the elements the form puts them in (see markdown/quiz.ts), bold as the CSS sets them.
        const within = (tag: string, classes: string, parts: Token[]): void => {
          open(tag, classes);
          parts.forEach(visit);
          close();
        };
        within('legend', 'deck-quiz-question', [quiz.question]);
        within('span', quiz.kind === 'order' ? 'deck-quiz-step' : 'deck-quiz-option', quiz.options.map((o) => o.inline));
        within('div', 'deck-quiz-explanation', quiz.explanation);
        [UI.quiz.kinds[quiz.kind], UI.quiz.submit, ...(quiz.kind === 'order' ? [UI.quiz.orderHint] : [])].forEach((label) => add(label, true));
        return;
      }
      case 'image':
        token.children?.forEach(visit);
        return;
      case 'container_teaching_open':
        add(UI.blocks.teachingLabel, true);
        break;
      case 'container_discussion_open':
        add(UI.blocks.discussionLabel, true);
        break;
    }
    if (token.nesting === 1) open(token.tag, String(token.attrGet('class') ?? ''));
    else if (token.nesting === -1) close();
  };
  tokens.forEach(visit);
}

// `\text{…}` and its kin: KaTeX draws their content in the page's font.
const TEXT_COMMAND = /\\(?:text(?:bf|it|rm|sf|tt|up|md|normal)?|mbox|hbox)\s*\{/g;

/** The text-mode content of a TeX formula (nested braces kept together). */
export function texText(tex: string): string {
  let out = '';
  for (const m of tex.matchAll(TEXT_COMMAND)) {
    let depth = 1;
    let i = m.index + m[0].length;
    const start = i;
    for (; i < tex.length && depth > 0; i++) {
      if (tex[i] === '\\') i++;
      else if (tex[i] === '{') depth++;
      else if (tex[i] === '}') depth--;
    }
    out += tex.slice(start, i - 1);
  }
  return out;
}
