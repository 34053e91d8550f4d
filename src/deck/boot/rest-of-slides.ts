import { ATTR, REST_GROUP_MARK, REST_LINK_ID } from '../../shared/deck-model.ts';

/**
 * The built index.html carries only the first slide; the others are in a static document of
 * their own (`<link rel="next" id="deck-rest">`), fetched now and merged in a group at a time
 * (no long task): the first group's other slides into the first group. Without the link (the
 * dev server, the one-file deck) every slide is in the page already.
 */
export async function restOfSlides(): Promise<void> {
  const link = document.getElementById(REST_LINK_ID) as HTMLLinkElement | null;
  const slides = document.querySelector('.reveal .slides');
  if (!link || !slides) return;
  try {
    const response = await fetch(link.href);
    if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
    const [, ...groups] = (await response.text()).split(REST_GROUP_MARK);
    for (const markup of groups) {
      const template = document.createElement('template');
      template.innerHTML = markup;
      for (const group of [...template.content.children].filter((el): el is HTMLElement => el.matches(`section[${ATTR.section}]`))) {
        const same = [...slides.children].find((s) => s.getAttribute(ATTR.section) === group.getAttribute(ATTR.section));
        if (same) same.append(...group.children);
        else slides.append(group);
      }
      await new Promise((r) => setTimeout(r, 0));
    }
  } catch (e) {
    console.error(`[deck] the slides after the first could not be loaded from ${link.href}: ${e instanceof Error ? e.message : String(e)}`);
  }
}
