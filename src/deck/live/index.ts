import '../styles/live.css';
import type { LiveRole } from '../mode.ts';
import type { ToolFactory } from '../tool.ts';
import { lecturerLive } from './lecturer.ts';
import { studentLive } from './student-present.ts';

export { startLiveStudy } from './student-study.ts';

/**
 * The live classroom in the browser, loaded (with socket.io-client) only by a page opened with
 * `?join` or `?live` (see main.ts): the static deck never fetches it.
 */
export function liveTools(role: LiveRole, token: string | null): ToolFactory<{ id: string }>[] {
  return role === 'lecturer' ? [lecturerLive(token)] : [studentLive];
}
