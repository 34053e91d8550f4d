import type { CDPSession } from 'playwright-core';
import { throttling } from 'lighthouse/core/config/constants.js';

/**
 * Lighthouse's mobile profile as DevTools applies it ("devtools" throttling, not its simulation):
 * slow 4G (150 ms RTT × 3.75 request latency, 1.6 Mbit/s × 0.9 down, 750 kbit/s × 0.9 up) and a
 * 4× CPU slowdown. The numbers are Lighthouse's own, so the two stay in step.
 */
export const PHONE_THROTTLING = {
  latencyMs: throttling.mobileSlow4G.requestLatencyMs,
  downloadKbps: throttling.mobileSlow4G.downloadThroughputKbps,
  uploadKbps: throttling.mobileSlow4G.uploadThroughputKbps,
  cpuSlowdown: throttling.mobileSlow4G.cpuSlowdownMultiplier,
};

/** What a bench run applies to a page: the network and CPU of a mid-range phone, or the CPU alone. */
export type Throttling = 'phone' | 'cpu';

/** Applies `what` to the page behind `cdp` (before it navigates: the first request is throttled too). */
export async function throttle(cdp: CDPSession, what: Throttling): Promise<void> {
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: PHONE_THROTTLING.cpuSlowdown });
  if (what === 'cpu') return;
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: PHONE_THROTTLING.latencyMs,
    // The protocol takes bytes per second.
    downloadThroughput: (PHONE_THROTTLING.downloadKbps * 1024) / 8,
    uploadThroughput: (PHONE_THROTTLING.uploadKbps * 1024) / 8,
  });
}

/** How the throttling reads in the report. */
export function describeThrottling(): string {
  const t = PHONE_THROTTLING;
  return `DevTools protocol: ${t.cpuSlowdown}× CPU slowdown; network ${Math.round(t.latencyMs)} ms latency, ${Math.round(t.downloadKbps)} kbit/s down, ${Math.round(t.uploadKbps)} kbit/s up (Lighthouse's mobileSlow4G, as DevTools applies it)`;
}
