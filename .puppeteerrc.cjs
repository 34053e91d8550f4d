/**
 * Puppeteer (pulled in by decktape and pa11y-ci) must never download a browser: every tool here
 * drives the system Chromium (`--chrome-path` for decktape, `chromeLaunchConfig.executablePath`
 * in .pa11yci). This keeps `npm ci` offline-safe on any machine, with or without
 * PUPPETEER_SKIP_DOWNLOAD; package.json's allowScripts also denies puppeteer's postinstall.
 */
module.exports = {
  skipDownload: true,
};
