import { connectLive, type LiveClient } from '../../live/client.ts';
import { createStudentId } from '../../shared/live-protocol.ts';
import { LIVE_STUDENT, readStored, writeStored } from '../storage.ts';

/** The lecturer's connection (same origin: the live server serves the deck). */
export function connectLecturer(token: string): LiveClient {
  return connectLive({ auth: { role: 'lecturer', token } });
}

/**
 * A student's connection, with the anonymous id this browser keeps (made the first time): the
 * server knows a reloaded page, or a second tab, as the same student, with the same answers.
 */
export function connectStudent(): LiveClient {
  let studentId = readStored(LIVE_STUDENT).id;
  if (!studentId) {
    studentId = createStudentId();
    writeStored(LIVE_STUDENT, { id: studentId });
  }
  return connectLive({ auth: { role: 'student', studentId } });
}
