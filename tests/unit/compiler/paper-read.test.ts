import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ErrorSink, formatContentError } from '../../../src/compiler/errors.ts';
import { PAPER_FILE, readPaper, type PaperDocument } from '../../../src/compiler/paper/read-paper.ts';

const ROOT = join(import.meta.dirname, '../../..');
const SOURCE = readFileSync(join(ROOT, PAPER_FILE), 'utf8');

function read(source: string): { doc: PaperDocument; errors: string[] } {
  const sink = new ErrorSink();
  const doc = readPaper(source, PAPER_FILE, sink);
  return { doc, errors: sink.errors.map(formatContentError) };
}

const { doc, errors } = read(SOURCE);

/** Every piece of text the document holds, in no particular order. */
function allText(d: PaperDocument): string[] {
  const f = d.front;
  return [
    d.title,
    ...d.authors,
    ...[f.abstract, f.keywords, f.classification, f.documentCode, f.authorNotes, f.funding].flatMap((x) => (x ? [`[${x.label}] ${x.text}`] : [])),
    ...d.body.map((b) => b.text),
    ...(d.references ? [d.references.heading.text, ...d.references.entries.map((e) => e.text)] : []),
    ...(d.english ? [d.english.title, d.english.authors, ...[d.english.abstract, d.english.keywords].flatMap((x) => (x ? [x.label, x.text] : []))] : []),
    ...(d.editor ? [d.editor.label, d.editor.text] : []),
  ];
}

/** Han characters with their counts. */
function hanCounts(texts: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of texts) for (const c of t.match(/\p{Script=Han}/gu) ?? []) counts.set(c, (counts.get(c) ?? 0) + 1);
  return counts;
}

describe('the paper, read from assets/paper/paper.txt', () => {
  it('reads without a problem', () => {
    expect(errors).toEqual([]);
  });

  it('has 45 body paragraphs, ¶1–¶45 with anchors p-1…p-45 in the order of the cleaned text (links to #p-N depend on this count: change it only with the slides’ sources)', () => {
    expect(doc.paragraphs).toHaveLength(45);
    expect(doc.paragraphs.map((p) => p.id)).toEqual(Array.from({ length: 45 }, (_, i) => `p-${i + 1}`));
    expect(doc.paragraphs.map((p) => p.n)).toEqual(Array.from({ length: 45 }, (_, i) => i + 1));
  });

  it('gives each anchor the same paragraph as before: #p-N is a link from slides and notes, so a change here needs their sources checked', () => {
    // The first 12 characters of ¶1…¶45.
    expect(doc.paragraphs.map((p) => p.text.slice(0, 12))).toEqual([
      '2023 年 9 月，习', '实现共同富裕，是中华民族', '第一，新质生产力的发展为', '新质生产力以“新动能”赋', '新质生产力以“新产业”赋',
      '新质生产力以“新模式”赋', '第二，实现共同富裕为新质', '共同富裕蕴含的“富裕性”', '共同富裕蕴含的“共同性”', '“富裕性”与“共同性”的',
      '第三，新质生产力的发展与', '二者的价值基点都是坚持以', '二者的本质要求都是坚持和', '二者的目标指向都是不断推', '习近平指出，要“着力打通',
      '第一，科技发展不平衡伴随', '部分地区科技基础条件薄弱', '部分人群科技能力素养不够', '第二，数智发展进程中可能', '部分群体精神需求“浅层化',
      '部分群体个性发展“单一化', '第三，生产方式改善过程中', '新兴岗位对劳动者能力提出', '新兴行业对劳动者就业门槛', '第四，新质生产力可能会受',
      '一方面，如果缺乏对资本的', '另一方面，如果缺乏对资本', '新时代实现新质生产力有效', '第一，弥合科技发展的不平', '弥合科技“接入”发展不平',
      '弥合科技“应用”发展不平', '弥合科技“收入”发展不平', '第二，促进人的全面发展，', '坚持思想指引，以习近平文', '坚持价值引领，以社会主义',
      '坚持道德滋养，提升人民思', '第三，培养高素质劳动者，', '要在培养劳动者创新意识上', '要在培养劳动者劳动能力上', '要在强化劳动者担当奉献上',
      '第四，引导资本健康发展，', '规范和引导资本健康发展。', '不断完善基本分配制度。在', '加快健全社会保障制度。要', '综上所述，在扎实推动共同',
    ]);
  });

  it('splits the body into the introduction (¶1), the three sections (¶2–14, ¶15–27, ¶28–44) and the conclusion (¶45)', () => {
    const parts = doc.paragraphs.map((p) => p.part);
    const count = (part: string): number => parts.filter((p) => p === part).length;
    expect({ intro: count('intro'), s1: count('section-1'), s2: count('section-2'), s3: count('section-3'), conclusion: count('conclusion') }).toEqual({ intro: 1, s1: 13, s2: 13, s3: 17, conclusion: 1 });
    expect(doc.paragraphs.find((p) => p.part === 'section-2')!.n).toBe(15);
    expect(doc.paragraphs.find((p) => p.part === 'section-3')!.n).toBe(28);
    expect(doc.paragraphs.at(-1)!.text.startsWith('综上所述')).toBe(true);
  });

  it('keeps the paper’s headings, the three numbered sections as siblings (the source’s `###` for the third is an artefact)', () => {
    const headings = doc.body.filter((b) => b.kind === 'heading');
    expect(headings.map((h) => [h.level, h.text, h.id])).toEqual([
      [2, '一、新质生产力赋能共同富裕的内在逻辑', 'sec-1'],
      [2, '二、新质生产力赋能共同富裕的难点问题', 'sec-2'],
      [2, '三、新质生产力赋能共同富裕的推进路径', 'sec-3'],
    ]);
    expect(doc.title).toBe('新质生产力赋能共同富裕的内在逻辑与推进路径');
    expect(doc.authors).toEqual(['燕连福', '牛刚刚']);
  });

  it('reads the front matter: abstract, keywords, classification and document code, author notes, and the funding note the PDF put inside the introduction', () => {
    const f = doc.front;
    expect(f.abstract?.label).toBe('摘 要');
    expect(f.abstract?.text).toMatch(/^新质生产力代表着先进生产力发展的新方向，.*完善共同富裕的共享机制。$/);
    expect(f.keywords?.items).toEqual(['新质生产力', '共同富裕', '高质量发展', '中国式现代化']);
    expect([f.classification?.text, f.documentCode?.text]).toEqual(['D616', 'A']);
    expect(f.authorNotes?.text).toMatch(/^燕连福，西安交通大学马克思主义学院院长.*（陕西 西安 710049）。$/);
    expect(f.funding?.text).toBe('国家社会科学基金专项项目“中国式现代化的独特优势及其拓展路径研究”（2023LJRC01）阶段性成果。');
    expect(doc.paragraphs.some((p) => p.text.includes('基金'))).toBe(false);
  });

  it('keeps the reference list, the English block and the editor’s line', () => {
    expect(doc.references?.entries.map((e) => e.n)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(doc.references?.entries[10]?.text).toBe('习近平. 在全国劳动模范和先进工作者表彰大会上的讲话 [M]. 北京: 人民出版社, 2020.');
    expect(doc.english?.title).toBe('New Quality Productivity to Promote Common Prosperity Inherent Logic and Advancing Path');
    expect(doc.english?.authors).toBe('Yan Lianfu Niu Ganggang');
    expect(doc.english?.abstract?.text).toMatch(/^The new quality productivity represents .* sharing mechanism of common prosperity\.$/);
    expect(doc.english?.keywords?.text).toBe('new quality productivity, common prosperity, high-quality development, Chinese modernization');
    expect(doc.editor).toMatchObject({ label: '责任编辑', text: '徐小梅' });
  });

  it('reads every reference marker, with its page where it names one', () => {
    const markers = doc.paragraphs.flatMap((p) => p.inlines.filter((i) => i.kind === 'ref').map((i) => ({ ...i, p: p.n })));
    expect(markers).toHaveLength(SOURCE.split('<sup>').length - 1);
    expect(markers.slice(0, 4)).toEqual([
      { kind: 'ref', n: 1, page: null, p: 1 },
      { kind: 'ref', n: 2, page: null, p: 1 },
      { kind: 'ref', n: 3, page: null, p: 1 },
      { kind: 'ref', n: 4, page: 'P9', p: 3 },
    ]);
    expect(markers.find((m) => m.n === 6)?.page).toBe('P782-783');
  });

  it('loses nothing: every Han character of the source is in the document, as often as in the source', () => {
    const source = hanCounts([SOURCE]);
    const read = hanCounts(allText(doc));
    expect(Object.fromEntries(read)).toEqual(Object.fromEntries(source));
  });

  it('loses nothing: every line of the source (markup, labels, spaces and punctuation width aside) is in the document', () => {
    const fold = (t: string): string =>
      t
        .split('<sup>').map((part, i) => (i === 0 ? part : part.slice(part.indexOf('</sup>') + 6))).join('')
        .replace(/^#+\s*|\*\*|\[[^\]]*\]/gm, '')
        .replace(/\s+/g, '')
        .replace(/[，；：（）？！]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
    const documentText = fold(allText(doc).join('\n'));
    const missing = SOURCE.split('\n').map((l, i) => ({ line: i + 1, text: fold(l) })).filter((l) => l.text && !documentText.includes(l.text));
    expect(missing).toEqual([]);
  });

  it('leaves no half-width , ; : ( ) ? ! in the Chinese text of the body and front matter', () => {
    const chinese = [...doc.paragraphs.map((p) => p.text), doc.front.abstract!.text, doc.front.authorNotes!.text, doc.front.funding!.text];
    expect(chinese.filter((t) => /[,;:()?!]/.test(t))).toEqual([]);
  });
});
