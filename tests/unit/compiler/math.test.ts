import { describe, expect, it } from 'vitest';
import { render } from '../helpers.ts';

describe('math: $…$ and $$…$$ are KaTeX, rendered at build time', () => {
  it('renders inline math as KaTeX HTML with MathML for screen readers', () => {
    const { html, errors } = render('增长 $y=a(1+r)^t$ 的含义');
    expect(errors).toEqual([]);
    expect(html).toContain('class="katex"');
    expect(html).toContain('<math');
    expect(html).toContain('增长 ');
  });

  it('renders display math in its own block', () => {
    const { html, errors } = render('$$\n\\lim_{t\\to\\infty} \\frac{t^k}{(1+r)^t} = 0\n$$');
    expect(errors).toEqual([]);
    expect(html).toContain('class="deck-math-display"');
    expect(html).toContain('katex-display');
  });

  it('leaves $ inside inline code and code blocks literal', () => {
    const { html } = render('`$x$` and\n\n```\n$$y$$\n```');
    expect(html).not.toContain('katex');
    expect(html).toContain('<code>$x$</code>');
    expect(html).toContain('$$y$$');
  });

  it('keeps an escaped dollar and prices like $5 and $6 as text', () => {
    const { html } = render('\\$x\\$ costs $5 or $ 6');
    expect(html).not.toContain('katex');
  });

  it('reports a formula KaTeX cannot parse with its file line, and shows an error box', () => {
    const { html, errors } = render('第一行\n\n公式 $\\frac{1}{$ 错误', 10);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^slides\/test\.md:13 formula KaTeX cannot parse: .*\\frac\{1\}\{/);
    expect(html).toContain('class="deck-error"');
  });

  it('reports the line inside a display formula where KaTeX stopped', () => {
    const { errors } = render('$$\na + b\n\\badcommand{x}\n$$');
    expect(errors[0]).toMatch(/^slides\/test\.md:3 formula KaTeX cannot parse/);
  });

  it('reports display math that is never closed', () => {
    const { errors } = render('$$\nx^2');
    expect(errors.some((e) => e.includes('display math `$$` is not closed'))).toBe(true);
  });
});
