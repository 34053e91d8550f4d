/**
 * Every key of the presentation, in one table: the help overlay lists it, and the keys that
 * are ours are bound here (reveal.js's own bindings for the same key are replaced).
 */
export interface KeyInfo {
  /** What the help overlay shows, e.g. `Ctrl+Shift+F`. */
  keys: string;
  /** In Chinese, what it does. */
  does: string;
  /** Set for our own commands: the key name the bus carries and reveal.js's keyCode. */
  command?: { key: string; keyCode: number };
}

export const KEYS: KeyInfo[] = [
  { keys: '→ / 空格 / N', does: '下一步（先逐条显示，再翻到下一页）' },
  { keys: '← / P', does: '上一步' },
  { keys: '↑ / ↓', does: '同一节内上一页 / 下一页（跳过逐条显示）' },
  { keys: 'Home / End', does: '第一节 / 最后一节' },
  { keys: 'M', does: '目录：列出所有章节和页面，可跳转', command: { key: 'M', keyCode: 77 } },
  { keys: 'S', does: '讲者视图：当前页、下一页、讲稿、计时与进度' },
  { keys: 'L', does: '激光笔：鼠标变成醒目的光点', command: { key: 'L', keyCode: 76 } },
  { keys: 'D', does: '画笔：在当前页上书写（再按 D 或 Esc 退出）', command: { key: 'D', keyCode: 68 } },
  { keys: 'C', does: '清除当前页的笔迹', command: { key: 'C', keyCode: 67 } },
  { keys: 'O / Esc', does: '总览所有页面' },
  { keys: 'B / .', does: '黑屏（再按一次恢复）' },
  { keys: 'F', does: '全屏' },
  { keys: 'G', does: '跳转到指定页码' },
  { keys: 'Ctrl+Shift+F', does: '全文搜索' },
  { keys: 'Alt+单击', does: '放大所点之处（再次 Alt+单击还原）' },
  { keys: '?', does: '显示 / 关闭本帮助', command: { key: '?', keyCode: 191 } },
];
