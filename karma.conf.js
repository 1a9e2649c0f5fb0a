// Every in-browser test runs in headless Chromium AND Firefox ESR, on the browsers' own
// RTCPeerConnection, getUserMedia and MediaRecorder, with fake camera and microphone.
import { executablePath, CHROMIUM_FLAGS, FIREFOX_PREFS } from './test/browsers-config.js';

process.env.CHROME_BIN = executablePath('chromium');
process.env.FIREFOX_BIN = executablePath('firefox');

const wanted = (process.env.BROWSERS || 'chromium,firefox').split(',').map((s) => s.trim());
// SPECS=glob[,glob] runs only those test files (while working on one surface).
const specs = process.env.SPECS ? process.env.SPECS.split(',') : ['test/browser/**/*.test.js'];
// CHROMIUM_EXTRA_FLAGS='--force-fieldtrials=WebRTC-NoSdpMangleUfrag/Enabled/' runs Chromium with a field trial.
const chromiumExtra = (process.env.CHROMIUM_EXTRA_FLAGS || '').split(' ').filter(Boolean);

export default function (config) {
  config.set({
    frameworks: ['mocha', 'chai'],
    files: [
      'test/browser/setup.js',
      'dist/webrtc-legacy.js',
      // The replacement table the browser bundles leave out, for warnings and report() (README).
      'dist/webrtc-legacy.members.js',
      'test/browser/helpers.js',
      'test/browser/**/helpers.js',
      ...specs,
      // Source maps, and the per-era scripts the entry-point tests load in frames.
      { pattern: 'dist/**/*', included: false, served: true },
    ],
    client: { mocha: { timeout: 20000, reporter: 'html' }, captureConsole: !!process.env.KARMA_CONSOLE },
    reporters: ['mocha-lite'],
    plugins: ['karma-mocha', 'karma-chai', 'karma-chrome-launcher', 'karma-firefox-launcher', { 'reporter:mocha-lite': ['type', MochaLite] }],
    customLaunchers: {
      ChromiumFake: { base: 'ChromeHeadless', flags: [...CHROMIUM_FLAGS, ...chromiumExtra] },
      FirefoxFake: { base: 'FirefoxHeadless', prefs: FIREFOX_PREFS },
    },
    browsers: [wanted.includes('chromium') && 'ChromiumFake', wanted.includes('firefox') && 'FirefoxFake'].filter(Boolean),
    singleRun: true,
    // One browser at a time: two browsers making calls at once on a two-core CI machine made Chromium
    // stall a call now and then (an open problem of its own, tracked apart); the suites stay whole.
    concurrency: 1,
    captureTimeout: 120000,
    browserNoActivityTimeout: 120000,
    browserDisconnectTimeout: 30000,
    browserDisconnectTolerance: 1,
    logLevel: config.LOG_WARN,
  });
}

/** One line per test, prefixed by the browser, and failures in full: readable in a CI log. */
function MochaLite(baseReporterDecorator) {
  baseReporterDecorator(this);
  const out = (s) => process.stdout.write(`${s}\n`);
  this.onBrowserLog = (browser, log, type) => out(`  [${browser.name.split(' ')[0]} ${type}] ${log}`);
  this.specSuccess = (browser, r) => out(`  ✓ [${browser.name.split(' ')[0]}] ${[...r.suite, r.description].join(' › ')}`);
  this.specSkipped = (browser, r) => out(`  - [${browser.name.split(' ')[0]}] ${[...r.suite, r.description].join(' › ')} (skipped)`);
  this.specFailure = (browser, r) => {
    out(`  ✗ [${browser.name.split(' ')[0]}] ${[...r.suite, r.description].join(' › ')}`);
    for (const l of r.log) out(`      ${String(l).split('\n').slice(0, 8).join('\n      ')}`);
  };
  this.onRunComplete = () => {};
}
MochaLite.$inject = ['baseReporterDecorator'];
