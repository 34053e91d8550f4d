/**
 * Stands in for Mermaid in the one-file deck, whose diagrams are all drawn at build time: the
 * in-browser fallback is never needed there, and Mermaid would add megabytes to the file.
 */
export default {
  initialize(): void {},
  render(): Promise<never> {
    return Promise.reject(new Error('[deck] this one-file deck has no Mermaid: its diagrams are drawn when it is built'));
  },
};
