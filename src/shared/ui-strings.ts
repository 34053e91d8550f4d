/**
 * Every word the deck's interface shows, in one table per language (the deck's content is in
 * slides/). The compiler writes its labels from here, the browser code shows only these, and
 * the font subsetter takes the interface's characters from here (see src/compiler/fonts/).
 *
 * Shared by compiler (Node) and deck (browser): nothing here may import from either side.
 */

/** The languages the interface is written in; `lang` in slides/deck.yml must be one of them. */
export const UI_LANGS = ['zh-CN'] as const;
export type UiLang = (typeof UI_LANGS)[number];

const ZH_CN = {
  quiz: {
    kinds: { single: '单选题', multiple: '多选题（可选多项）', order: '排序题' },
    orderHint: '用 ↑ ↓ 按钮排出正确顺序：',
    moveUp: '上移',
    moveDown: '下移',
    submit: '提交答案',
    malformed: '题目格式错误',
  },
  blocks: {
    teaching: '教学补充',
    teachingLabel: '教学补充 · 非原文',
    discussion: '讨论题（教学补充）',
    discussionLabel: '讨论 · 教学补充',
  },
  glossary: {
    /** The mark after a definition: whose words it is. */
    paper: '原文',
    teaching: '教学补充',
    /** The link from a glossary entry to the slide where the term is first used. */
    seeSlide: (title: string): string => `见「${title}」`,
    /** Above the glossary page's list: what its one mark means, and what an unmarked entry is. */
    legend: '标（教学补充）的释义是本讲所加的解释；未加标注的释义引自论文或论文所引文献，并注明在论文中的位置。',
  },
  citation: {
    /** The accessible name of a citation marker. */
    label: (full: string): string => `参考文献${full}`,
    /** Between a reference and its page, in the full text of a citation. */
    pageSeparator: '，',
  },
  diagram: {
    textVersion: '查看文字版',
    /** Before an entry of the text version reached by an arrow / a plain line. */
    arrow: '→',
    line: '—',
    /** Around an arrow's label in the text version. */
    labelOpen: '（',
    labelClose: '）',
    error: (message: string): string => `图表错误：${message}`,
    /** A printed diagram's name for the tagged PDF (/Alt): its title and description. */
    printedLabel: (title: string, description: string): string => [title, description].filter(Boolean).join('：'),
    /** Its caption in the handout and the study guide. */
    caption: (title: string, description: string): string => `图：${[title, description].filter(Boolean).join('。')}`,
  },
  math: {
    error: (tex: string): string => `公式错误：${tex}`,
  },
  study: {
    /** Where the reader is: part, place in the part, place in the deck. */
    place: (section: string, inSection: number, sectionSize: number, inDeck: number, deckSize: number): string =>
      `${section} · ${inSection}/${sectionSize} · 全讲${inDeck}/${deckSize}`,
    toPresent: '演示模式',
    contents: '目录',
    notes: '讲解',
    /** A question's notes hold its answer: they stay folded until the reader asks. */
    notesWithAnswer: '讲解（含答案，答题后再看）',
  },
  keys: {
    next: { keys: '→ / 空格 / N', does: '下一步（先逐条显示，再翻到下一页）' },
    previous: { keys: '← / P', does: '上一步' },
    upDown: { keys: '↑ / ↓', does: '同一节内上一页 / 下一页（跳过逐条显示）' },
    homeEnd: { keys: 'Home / End', does: '第一页 / 最后一页' },
    menu: { keys: 'M', does: '目录：列出所有章节和页面，可跳转' },
    speaker: { keys: 'S', does: '讲者视图：当前页、下一页、讲稿、计时与进度' },
    laser: { keys: 'L', does: '激光笔：鼠标变成醒目的光点' },
    pen: { keys: 'D', does: '画笔：在当前页上书写（再按 D 或 Esc 退出）' },
    clear: { keys: 'C', does: '清除当前页的笔迹' },
    overview: { keys: 'O / Esc', does: '总览所有页面' },
    blackout: { keys: 'B / .', does: '黑屏（再按一次恢复）' },
    fullscreen: { keys: 'F', does: '全屏' },
    jump: { keys: 'G', does: '跳转到指定页码' },
    search: { keys: 'Ctrl+Shift+F', does: '全文搜索' },
    /** Zoom takes the platform's modifier (see deck/zoom-key.ts): `Ctrl+单击`. */
    zoom: {
      keys: (modifier: string): string => `${modifier}+单击`,
      does: (modifier: string): string => `放大所点之处（再次${modifier}+单击还原）`,
    },
    /** Modifier keys as their keyboards name them. */
    modifiers: { ctrl: 'Ctrl', alt: 'Alt', option: 'Option' },
    help: { keys: '?', does: '显示 / 关闭本帮助' },
    /** Only in a live lecture (npm run live), on the lecturer's page. */
    join: { keys: 'J', does: '课堂互动：显示 / 关闭加入课堂的二维码和网址' },
    poll: { keys: 'Q', does: '课堂互动：开始 / 结束本页题目的投票' },
    reveal: { keys: 'R', does: '课堂互动：公布本页题目的答案与解析' },
  },
  help: {
    label: '快捷键帮助',
    title: '快捷键',
    keyColumn: '按键',
    doesColumn: '作用',
    buttons: '每项功能也可用屏幕左下角的按钮操作。',
    close: '关闭',
  },
  toolbar: {
    label: '演示工具',
    toStudy: '阅读模式',
    menu: '目录',
    pen: '画笔',
    laser: '激光笔',
    overview: '总览',
    blackout: '黑屏',
    fullscreen: '全屏',
    search: '搜索',
    help: '帮助',
    /** Only in a live lecture: the join overlay. */
    join: '加入课堂',
    /** Where the lecture is: the part's short title and the place in it. */
    place: (section: string, inSection: number, sectionSize: number): string => `${section} · ${inSection}/${sectionSize}`,
  },
  menu: {
    title: '目录',
    nav: '章节与页面',
    print: '打印：',
    handout: '讲义（A4，每页三张）',
    studyGuide: '学习指南（含讲解）',
    slidesPdf: '幻灯片 PDF',
    /** Between the printable pages' links. */
    separator: ' · ',
    /** The one-file deck has no printable pages of its own: the slides print from the browser. */
    slidesPdfOneFile: '幻灯片 PDF（用浏览器打印）',
    /** Before the link to the paper's reading view. */
    read: '原文：',
    paper: '论文原文（每段标出讲解它的幻灯片）',
  },
  pen: {
    label: '画笔',
    colors: { red: '红', blue: '蓝', green: '绿', black: '黑' },
    colorLabel: (name: string): string => `${name}色笔`,
    eraser: '橡皮',
    undo: '撤销',
    clear: '清除（C）',
    exit: '退出（D）',
  },
  /** A section's opening slide (compiler/markdown/slide-layout.ts). */
  opener: {
    /** Above the heading of a numbered part (一、…). */
    part: (numeral: string): string => `第${numeral}部分`,
    /** Above the heading of the part before the numbered ones. */
    lead: '本讲开篇',
    /** The parts of the lecture at the slide's foot, this one marked. */
    track: '本讲各部分',
  },
  pacing: {
    onTime: '进度正常',
    ahead: (time: string): string => `提前${time}`,
    behind: (time: string): string => `落后${time}`,
  },
  speaker: {
    label: '讲者视图',
    title: (deck: string): string => `讲者视图 · ${deck}`,
    clockLabel: '现在时间',
    elapsed: (time: string): string => `已讲${time}`,
    restartClock: '重新计时',
    /** `::: timing` in a cue: the plan shown, section by section. */
    timing: (plan: string, minutes: number): string => `「${plan}」各部分用时（共${minutes}分钟）：`,
    sectionTime: (section: string, minutes: string, slides: number): string => `${section}：约${minutes}分钟（${slides}页）`,
    pacing: (slide: string, start: string, total: number, verdict: string): string => `本页约${slide} · 应在第${start}讲到此页 · 全讲${total}分钟 · ${verdict}`,
    current: '当前',
    next: '下一步',
    notes: '讲稿',
    stepNotes: (step: number): string => `第${step}步`,
    cue: '讲者提示',
    noNotes: '本页没有讲稿。',
    noPresentation: '讲者视图要从演示中按 S 打开。',
    place: (n: number, total: number, section: string, title: string): string => `第${n}/${total}页 · ${section} · ${title}`,
    prev: '← 上一步',
    forward: '下一步 →',
  },
  resume: {
    label: '继续上次的位置',
    lastRead: (n: number): string => `上次读到第${n}页：`,
    resume: '继续上次的位置',
    restart: '从头开始',
  },
  aria: {
    previous: '上一页',
    next: '下一页',
    up: '本节上一页',
    down: '本节下一页',
    skipToStudy: '阅读模式：全文按章节排列（适合屏幕阅读器）',
    deck: '幻灯片演示',
    slide: '幻灯片',
    slideLabel: (n: number, total: number, title: string): string => `第${n}/${total}页：${title}`,
    resumePresenting: '继续演示',
    /** reveal.js's box of `G` (a page number or a slide id) and its search box (Enter finds the next match). */
    jumpToSlide: '输入页码跳转',
    searchSlides: '搜索幻灯片，回车找下一处',
    announce: (n: number, total: number, section: string, title: string): string => `第${n}/${total}页，${section}：${title}`,
  },
  quizFeedback: {
    choose: '请先选择答案。',
    right: '回答正确！',
    partly: '还不完全对：正确答案已标出，请看下面的解析。',
    wrong: '不对：正确答案已标出，请看下面的解析。',
    wrongOrder: '不对：已按正确顺序排好，请看下面的解析。',
    /** After each right option, once the answer is shown. */
    rightLabel: '正确答案',
    moved: (step: string, n: number): string => `「${step}」移到第${n}位`,
    scores: { part: '部分', answered: '已答', right: '答对' },
  },
  storage: {
    notSaved: '此浏览器不允许保存进度（隐私模式或存储已满）：本次访问中的答题与位置仍然有效，关闭页面后不会保留。',
    dismiss: '知道了',
  },
  popover: {
    seeReferences: ' 查看参考文献 →',
    back: '← 返回原页',
  },
  cover: {
    paper: '论文',
    keywords: '关键词：',
    /** Between keywords, and between an author and the affiliation (an ideographic space). */
    separator: '　',
    /** Between authors' names. */
    authorSeparator: '、',
    citation: (authors: string, title: string): string => `${authors}：《${title}》`,
    fields: ['姓名', '班级', '日期'],
  },
  print: {
    /** The screen-only bar of a printable page: `<what>：按 Ctrl+P（Mac：⌘+P）打印…`, keys set as keys. */
    banner: { press: '：按 ', mac: '（Mac：', macKey: '⌘', after: '）打印，或在打印对话框里选「另存为 PDF」。纸张 A4，纵向。' },
    print: '打印…',
    back: '返回幻灯片',
    slideRef: (n: number): string => `（幻灯片${n}）`,
    page: { before: '第', middle: '页 / 共', after: '页' },
  },
  handout: {
    kind: '课堂讲义',
    title: '讲义（A4，每页三张幻灯片）',
    link: '讲义',
    intro: '每页三张幻灯片，右侧横线处记笔记。',
    introPractice: '最后是自测练习，答案与解析在最后一页。',
    contents: '内容',
    slideRange: (first: number, last: number): string => (first === last ? `幻灯片${first}` : `幻灯片${first}–${last}`),
    continued: (section: string): string => `${section}（续）`,
    running: (deck: string): string => `${deck} · 讲义`,
  },
  studyGuide: {
    kind: '学习指南',
    title: '学习指南（A4，幻灯片与讲解）',
    link: '学习指南',
    intro: '按幻灯片顺序整理：每张幻灯片之后是它的讲解，可作为论文的导读与复习提纲。',
  },
  worksheet: {
    kinds: {
      single: { label: '单选题', how: '勾选一项' },
      multiple: { label: '多选题', how: '勾选所有正确项' },
      order: { label: '排序题', how: '在方框里填写顺序1、2、3……' },
    },
    kindNote: (label: string, how: string): string => `（${label}，${how}）`,
    title: '自测练习',
    intro: '学完本讲后独立作答，再翻到最后一页核对答案与解析。',
    other: '其他',
    answersTitle: '答案与解析',
    rightOrder: '正确顺序：',
    answer: '答案：',
    /** Between the letters of the right options. */
    letterSeparator: '、',
  },
  paper: {
    pageTitle: (paper: string): string => `${paper} · 论文原文`,
    citedBy: '引用处：',
    paragraph: (n: number): string => `第${n}段`,
    pilcrow: '¶',
    noSuchParagraph: (count: number, n: number): string => `论文正文只有¶1–¶${count}，没有¶${n}。`,
    /** One paragraph, and a run of them (「¶12」, 「¶12–13」), as slides and notices name them. */
    one: (n: number): string => `¶${n}`,
    run: (from: number, to: number): string => `¶${from}–${to}`,
    /** Between runs: 「¶3、¶5–7」. */
    runSeparator: '、',
    highlighted: (runs: string): string => `已标出${runs}`,
    /** A slide's link to the paragraphs it teaches: 「原文¶12–13」, 「原文¶3、¶5–7」. */
    sourceLink: (runs: string): string => `原文${runs}`,
    /** The same for more than three runs, counted: 「原文¶3、¶7等12段」. */
    sourceLinkMany: (runs: string, count: number): string => `原文${runs}等${count}段`,
    /** The tooltip of that link. */
    sourceTitle: '在论文原文中查看本页讲解的段落',
    marks: { taught: '已讲解', 'left-out': '有意略过', untaught: '未讲解' },
    taughtBy: '本段讲解：',
    /** Between slide titles. */
    separator: '、',
    reason: (reason: string): string => `理由：${reason}`,
    coverage: (all: number, taught: number, leftOut: number, untaught: number): string =>
      `讲解覆盖：正文${all}段，已讲解${taught}段，有意略过${leftOut}段，未讲解${untaught}段。`,
    back: '← 返回幻灯片',
    kind: '论文原文（按段编号 ¶1、¶2 …，可按 Ctrl+P 打印为 A4）',
    coverageButton: '讲解覆盖',
    searchLabel: '在论文中查找',
    search: '查找',
    previousHit: '上一处（Shift+Enter）',
    nextHit: '下一处（Enter）',
    previousKey: '↑',
    nextKey: '↓',
    hit: (k: number, n: number): string => `第${k}/${n}处`,
    noHit: '没有找到',
  },
  /** The lecture plans (deck.yml `plans`): which the presentation shows, and the slides it leaves out. */
  plans: {
    label: '课时计划',
    /** The one plan of a deck whose deck.yml declares none. */
    oneLecture: '整堂课',
    /** `?plan=all`, in the choices. */
    all: '全部幻灯片（排练用）',
    shown: (plan: string, slides: number): string => `本次演示：${plan}，共${slides}页`,
    /** After `shown`, when no one chose it: deck.yml's default. */
    byDefault: '（默认）',
    change: '换用：',
    outside: {
      label: '不在本课时计划中的页面',
      note: (plan: string): string => `这一页不在「${plan}」中，学习模式和讲义里都有。`,
      openAll: '在全部幻灯片中打开',
      close: '关闭',
    },
  },
  restLoad: {
    title: '其余幻灯片未能加载',
    explain: '这份讲稿只显示了第一页：其余幻灯片所在的文件没有取到，或服务器返回了别的页面。',
    fix: '请刷新重试；若仍如此，请用不改写地址的静态服务器（例如 npx serve dist，不加 -s），或打开单文件版 out/deck.html。',
    retry: '重新加载',
    otherDocument: '服务器返回的不是这份幻灯片文件',
    /** Between the reasons, when both tries failed differently. */
    between: '；',
  },
  /**
   * The two widgets (`<growth-explorer>`, `<cake-explorer>`) and their charts. Numbers come in
   * formatted (percentages, 万/亿, fixed decimals): these only put words around them.
   */
  widgets: {
    /** Shared by both charts (chart.ts). */
    chart: {
      /** Large numbers the Chinese way: 2.233万, 7.5亿, 1.2万亿. */
      units: { wan: '万', yi: '亿', wanYi: '万亿' },
      /** Beyond 万亿: 6.4×10^19 (the deck font has no superscript digits beyond ¹²³⁴). */
      powerOfTen: (mantissa: string, exponent: string): string => `${mantissa}×10^${exponent}`,
      /** The exponents 1–4 as superscript digits, in order: the only ones the deck font has. */
      superscripts: '¹²³⁴',
    },
    growth: {
      /** The preset buttons; `spoken` is what a screen reader says where the label uses symbols. */
      presets: {
        rateRise: { label: '增速5%→6%', spoken: '增长率从百分之5提高到百分之6' },
        powerVsExponential: { label: 't² 对 1.07^t', spoken: 't 的平方对1.07的t次方' },
        sevenPercent: { label: '年增7%' },
        tenPercent: { label: '年增10%' },
      },
      presetGroup: '预设',
      logAxis: '对数纵轴',
      /** Each slider: its label, the value beside it (`text`) and what a screen reader says (`valuetext`). */
      sliders: {
        horizon: {
          label: 't 年数',
          text: (years: number): string => `${years}年`,
          valuetext: (years: number): string => `画到第${years}年`,
        },
        b: { label: 'b 年增量', valuetext: (b: string): string => `线性增长每年增加${b}` },
        k: { label: 'k 幂指数', valuetext: (k: number): string => `幂函数的指数 k 等于${k}` },
        r: { label: 'r 增长率', valuetext: (rate: string): string => `复利每年增长${rate}` },
        baseRate: { label: 'r 原增速', valuetext: (rate: string): string => `原来每年增长${rate}` },
        rise: {
          label: '增速提高',
          valuetext: (points: number, rate: string): string => `增长率提高${points}个百分点，到每年${rate}`,
        },
      },
      /** The curves' names: in the chart's direct labels and the formula table. */
      curves: { linear: '线性', power: '幂函数', compound: '复利', base: '原增速', faster: '提速后', gap: '差距' },
      /** The formula table's heads. */
      table: { curve: '曲线', formula: '公式', valueAt: (t: number): string => `t = ${t}时` },
      /** KaTeX lines under the table. */
      tex: {
        higher: (faster: string, base: string, years: number, percent: string): string =>
          `\\text{高出：}\\ (${faster}/${base})^{${years}} - 1 \\approx ${percent}`,
        doubling: (factor: string, years: string): string => `\\text{翻一番：}\\ \\ln 2 \\,/\\, \\ln ${factor} \\approx ${years}\\ \\text{年}`,
      },
      /** The live result under the chart, one sentence. `power` is the exponent as a superscript. */
      summary: {
        why: (power: string, factor: string): string => `幂函数每年只乘以 (1+1/t)${power}，这个倍数越来越接近1；复利每年都乘以${factor}。`,
        noGrowth: '没有增长时，复利追不上幂函数。',
        always: (start: string, power: string): string => `复利从第1年起一直高于幂函数：起点${start}足够大，t${power}追不上。`,
        beyond: (year: number, horizon: number, why: string): string =>
          `第${year}年起，复利超过幂函数（在${horizon}年之外，拉长年数即可看到）：${why}`,
        crosses: (year: number, why: string): string => `第${year}年起，复利超过幂函数并始终领先：${why}`,
        rates: (horizon: number, faster: string, base: string, higher: string, gap: string, doublingBefore: string, doublingAfter: string): string =>
          `第${horizon}年，${faster}比${base}高出${higher}，差距${gap}；` +
          `差距每年增长超过${faster}，比两条曲线都快；翻一番从${doublingBefore}年缩短到${doublingAfter}年。`,
      },
      /** The chart: axis titles, labels in the plot, and its accessible description. */
      figure: {
        xAxis: 't（年）',
        yAxis: 'y',
        yAxisLog: 'y（对数刻度，每格 ×10）',
        /** The gap at the horizon, in the plot: whole where it fits, else short. */
        gap: (horizon: number, gap: string, higher: string): string => `第${horizon}年差距${gap}，高出${higher}`,
        gapShort: (gap: string): string => `差距${gap}`,
        crossing: (year: number): string => `第${year}年起复利领先`,
        /** Added to the description when the y axis is logarithmic. */
        logNote: '，纵轴为对数刻度',
        rates: (horizon: number, logNote: string, base: string, baseEnd: string, faster: string, fasterEnd: string, gap: string, higher: string): string =>
          `两种增长率的折线图，t 从0到${horizon}年${logNote}：` +
          `每年${base}增长到${baseEnd}，每年${faster}增长到${fasterEnd}，差距${gap}，高出${higher}`,
        kinds: (horizon: number, logNote: string, ends: string, crossing: string): string =>
          `三种增长的折线图，t 从0到${horizon}年${logNote}：${ends}${crossing}`,
        /** One curve's end in the `kinds` description, joined by `endSeparator`. */
        end: (name: string, end: string): string => `${name}增长到${end}`,
        endSeparator: '，',
        kindsCrossing: (year: number): string => `；第${year}年起复利超过幂函数`,
      },
      /** The static figure that stands for the widget in print. */
      print: {
        rates: (start: string, base: string, faster: string, horizon: number): string =>
          `图：同一起点${start}分别按每年${base}和${faster}增长，${horizon}年间的两条路径，阴影为两者的差距（默认设置）。`,
        kinds: (horizon: number): string => `图：线性、幂函数与复利三种增长，t 从0到${horizon}年（默认设置）。`,
        onScreen: '在屏幕上这是互动图：可拖动滑块、切换预设，比较不同的增长。',
      },
    },
    cake: {
      rules: {
        equal: { label: '平均分', explain: '每户分得同样多' },
        progressive: { label: '累进分', explain: '离最高收入越远，分得越多' },
      },
      rulesLabel: '分享规则',
      sliders: {
        growth: { label: '做大蛋糕：每轮增长', valuetext: (percent: string): string => `每轮蛋糕增长${percent}` },
        share: { label: '分好蛋糕：拿出增量的', valuetext: (percent: string): string => `拿出增量的${percent}分享` },
      },
      replay: (rounds: number): string => `逐轮播放${rounds}轮`,
      /** The Gini coefficient before and after one round, as KaTeX. */
      giniTex: (before: string, after: string): string => `G:\\ ${before} \\to ${after}\\ \\text{（一轮后）}`,
      summary: (before: string, after: string, rounds: number, matthew: string, share: string, rule: string, explain: string, shared: string): string =>
        `一轮后基尼系数${before} → ${after}。${rounds}轮后：增量只按已有收入（加上运气）分配，` +
        `差距逐轮累积（马太效应），基尼系数${matthew}；拿出增量的${share}${rule}` +
        `（${explain}），基尼系数${shared}。`,
      lorenz: {
        xAxis: '家庭（从最穷起）',
        yAxis: '收入累计占比',
        equal: '完全平等',
        start: (gini: string): string => `起点 G=${gini}`,
        after: (gini: string): string => `一轮后 G=${gini}`,
        label: (households: number, start: string, after: string, poorestBefore: string, poorestAfter: string): string =>
          `洛伦兹曲线：${households}户家庭，起点基尼系数${start}，` +
          `一轮后${after}；最穷的一半家庭的收入占比从${poorestBefore}变为${poorestAfter}`,
      },
      run: {
        xAxis: '轮次',
        yAxis: '基尼系数',
        matthew: '马太',
        shared: '分享',
        label: (rounds: number, from: string, to: string, share: string, shared: string): string =>
          `基尼系数随轮次变化的折线图，共${rounds}轮：只按已有收入分（马太效应）从${from}到` +
          `${to}；拿出增量的${share}分享，到${shared}`,
      },
      /** The static figure that stands for the widget in print. */
      print: {
        caption: (households: number, growth: string, share: string, rule: string, rounds: number): string =>
          `图：${households}户家庭，每轮增长${growth}，拿出增量的${share}${rule}：` +
          `一轮后的洛伦兹曲线（左）与${rounds}轮间基尼系数的变化（右）（默认设置）。`,
        onScreen: '在屏幕上这是互动图：可调节增长与分享、切换分享规则、逐轮播放。',
        /** The two charts' descriptions, as one. */
        label: (lorenz: string, run: string): string => `${lorenz}。${run}`,
      },
    },
  },
  /** The live classroom (npm run live): the lecturer's projector and speaker view, the students' pages. */
  live: {
    connection: {
      connecting: '正在连接课堂…',
      reconnecting: '正在重新连接…',
      refused: '无法加入课堂：服务器拒绝了连接。',
      badToken: '讲者口令不对：请用 npm run live 打印的讲者链接重新打开。',
      noToken: '没有讲者口令：请用 npm run live 打印的讲者链接打开。',
      closed: '课堂已结束。',
    },
    follow: {
      label: '课堂互动',
      following: '正在跟随老师',
      free: '自由浏览',
      freeNow: '自由浏览中',
      back: '回到老师这里',
      /** While the student browses alone: where the lecturer is. */
      freeAt: (n: number): string => `自由浏览中 · 老师在第${n}页`,
    },
    /** A question on a student's page. */
    answer: {
      waiting: '老师开始投票后即可作答。',
      submitted: '已提交。老师结束投票前，可以改选后再提交。',
      sending: '正在提交…',
      closed: '投票已结束，你的答案已提交。',
      closedNone: '投票已结束，你没有作答。',
      none: '你没有作答：正确答案已标出，请看下面的解析。',
      offline: '没有连上课堂，答案未提交：请稍后再提交。',
      refused: '答案未被接受：投票可能已经结束。',
    },
    /** A question on the projector. */
    poll: {
      label: '课堂投票',
      open: '开始投票',
      reopen: '继续投票',
      close: '结束投票',
      reveal: '公布答案',
      status: { idle: '尚未投票', open: '投票中', closed: '投票已结束', revealed: '已公布答案' },
      answered: (n: number): string => `${n}人作答`,
      count: (n: number, percent: number): string => `${n}人 · ${percent}%`,
      inPlace: (n: number, percent: number): string => `${n}人放对 · ${percent}%`,
      allRight: (n: number, percent: number): string => `全部答对${n}人（${percent}%）`,
      mistake: (order: string, n: number): string => `最常见的错误顺序：${order}（${n}人）`,
      /** Between the steps of an order in the line above. */
      then: ' → ',
      failed: '没有连上课堂：请稍后再试。',
    },
    join: {
      label: '加入课堂',
      title: '扫码加入课堂',
      how: '用手机扫描二维码，或在浏览器中输入：',
      qr: (url: string): string => `加入课堂的二维码：${url}`,
      students: (n: number): string => `已加入${n}人`,
      localOnly: '这是本机地址，学生的手机打不开：请用 npm run live 打印的讲者链接（局域网地址）打开。',
      close: '关闭',
    },
    speaker: {
      students: (n: number): string => `在线学生${n}人`,
      download: '下载结果（CSV）',
      downloadFailed: '下载失败：请确认课堂服务器仍在运行。',
    },
  },
  restDocument: {
    title: (deck: string): string => `${deck} · 其余幻灯片`,
    intro: '：第一张之后的幻灯片（演示请打开这个链接）。',
  },
};

/** The interface's strings (one table per language, all of the same shape). */
export type UiStrings = typeof ZH_CN;

/** The interface's tables by language. */
export const UI_TABLES: Record<UiLang, UiStrings> = { 'zh-CN': ZH_CN };

/** The interface in the deck's language (the deck is built for one language: `lang` in deck.yml). */
export const UI: UiStrings = ZH_CN;

/**
 * Every string of the interface, for the font subset: functions (which take only strings and
 * numbers) are called with a sample argument, so the words around their arguments are included too.
 */
export function uiText(strings: object = UI): string[] {
  const out: string[] = [];
  const visit = (value: unknown): void => {
    if (typeof value === 'string') out.push(value);
    else if (typeof value === 'function') out.push(String((value as (...args: string[]) => unknown)(...Array<string>(value.length).fill('0'))));
    else if (value && typeof value === 'object') Object.values(value).forEach(visit);
  };
  visit(strings);
  return out;
}
