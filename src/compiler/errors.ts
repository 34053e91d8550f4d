/** One problem in the deck's content, with its place. */
export interface ContentError {
  /** Path from the project root, e.g. `slides/02-logic.md`. */
  file: string;
  /** 1-based line in that file. */
  line: number;
  /** What is wrong, e.g. `unknown citation [@12]`. */
  problem: string;
  /** How to fix it. */
  fix: string;
}

/** The one shape every content error is printed in: `[deck] file:line problem. fix` */
export function formatContentError(e: ContentError): string {
  const fix = e.fix ? ` ${e.fix}` : '';
  return `[deck] ${e.file}:${e.line} ${e.problem}.${fix}`;
}

/** Thrown by the build when the content has errors; carries every one of them. */
export class DeckContentError extends Error {
  readonly errors: readonly ContentError[];
  constructor(errors: readonly ContentError[]) {
    super(`${errors.length} content error${errors.length === 1 ? '' : 's'}:\n${errors.map(formatContentError).join('\n')}`);
    this.name = 'DeckContentError';
    this.errors = errors;
  }
}

/** Collects content errors while a file is compiled. */
export class ErrorSink {
  readonly errors: ContentError[] = [];
  add(file: string, line: number, problem: string, fix: string): void {
    this.errors.push({ file, line, problem, fix });
  }
}
