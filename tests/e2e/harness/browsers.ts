// Finds the real browsers the end-to-end tests, the demo and the bench run in, and installs them on a
// fresh Debian machine. Test tools must never download their own browser builds (there is no network
// for that here), so we use the distribution's Chromium and Firefox ESR.
import { execFileSync, spawnSync } from 'node:child_process';
import { accessSync, constants, readFileSync } from 'node:fs';

export type BrowserName = 'chromium' | 'firefox';

export interface FoundBrowser {
  name: BrowserName;
  executablePath: string;
  /** What the browser prints for `--version`, e.g. "Chromium 156.0.8078.79" or "Mozilla Firefox 153.7.0esr". */
  version: string;
}

const CANDIDATES: Record<BrowserName, { env: string; paths: string[]; debianPackage: string }> = {
  // Branded Google Chrome ignores --load-extension since version 137, so only Chromium builds qualify.
  chromium: {
    env: 'CHROMIUM_PATH',
    paths: ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium'],
    debianPackage: 'chromium',
  },
  // Release Firefox refuses unsigned add-ons even for tests only when installed permanently; the
  // BiDi install is temporary and works in ESR and release alike.
  firefox: {
    env: 'FIREFOX_PATH',
    paths: ['/usr/bin/firefox-esr', '/usr/bin/firefox', '/usr/lib/firefox-esr/firefox-esr'],
    debianPackage: 'firefox-esr',
  },
};

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function readVersion(path: string): string {
  const printed = execFileSync(path, ['--version'], { encoding: 'utf8', timeout: 30_000, env: { ...process.env, MOZ_HEADLESS: '1' } });
  // "Chromium 156.0.8078.79 built on Debian GNU/Linux 12 (bookworm)" (through Debian's launcher) → "Chromium 156.0.8078.79"
  return printed.trim().replace(/ built on .*$/, '');
}

/** The browser Debian's /usr/bin/chromium launcher starts. */
const DEBIAN_CHROMIUM_BINARY = '/usr/lib/chromium/chromium';

/**
 * Debian's /usr/bin/chromium is a shell script: it sources /etc/chromium.d/* and execs the real binary
 * with their flags. One of them compares /dev/shm's free space and prints "[: …: unexpected operator" on
 * every launch where /dev/shm is mounted twice (containers: findmnt prints two numbers). Nothing it adds
 * is needed here: its flags (--no-default-browser-check, --disable-dev-shm-usage, --disable-pings, …) are
 * Playwright's defaults or not about tests, the Google API keys serve Google services the tests never
 * reach, and CHROME_WRAPPER and CHROME_DESKTOP are for desktop integration. So the binary is started directly.
 */
function withoutDebianWrapper(path: string): string {
  let head: string;
  try {
    head = readFileSync(path, { encoding: 'latin1' }).slice(0, 4096);
  } catch {
    return path;
  }
  const isDebianWrapper = head.startsWith('#!') && head.includes('/etc/chromium.d/') && head.includes('CHROMIUM_FLAGS');
  return isDebianWrapper && isExecutable(DEBIAN_CHROMIUM_BINARY) ? DEBIAN_CHROMIUM_BINARY : path;
}

function locate(name: BrowserName): string | undefined {
  const { env, paths } = CANDIDATES[name];
  const fromEnv = process.env[env];
  if (fromEnv) {
    if (!isExecutable(fromEnv)) throw new Error(`${env}=${fromEnv} is not an executable file.`);
    return fromEnv;
  }
  const found = paths.find(isExecutable);
  return found && name === 'chromium' ? withoutDebianWrapper(found) : found;
}

function canInstallWithApt(): boolean {
  return process.platform === 'linux' && process.getuid?.() === 0 && isExecutable('/usr/bin/apt-get');
}

function aptInstall(packages: string[]): void {
  console.log(`[browsers] installing ${packages.join(' ')} with apt-get (this machine is a fresh Debian and we are root)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [
    ['update', '-q'],
    ['install', '-y', '-q', '--no-install-recommends', ...packages],
  ]) {
    const result = spawnSync('apt-get', args, { stdio: ['ignore', 'inherit', 'inherit'], env });
    if (result.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed with exit code ${result.status}.`);
  }
}

/**
 * Returns both browsers, installing the missing ones with apt-get when that is possible (root on Debian).
 * Elsewhere, a missing browser is an error that says what to install or which variable to set: the
 * tests never skip a browser silently.
 */
export function ensureBrowsers(names: BrowserName[] = ['chromium', 'firefox']): FoundBrowser[] {
  const missing = names.filter((name) => !locate(name));
  if (missing.length > 0) {
    if (!canInstallWithApt()) {
      const help = missing
        .map(
          (name) =>
            `  - ${name}: install Debian's "${CANDIDATES[name].debianPackage}" package (or your system's), or set ${CANDIDATES[name].env}=/path/to/binary`,
        )
        .join('\n');
      throw new Error(`The end-to-end tests need real browsers and could not find:\n${help}\nThey will not run without them.`);
    }
    aptInstall(missing.map((name) => CANDIDATES[name].debianPackage));
  }
  return names.map((name) => {
    const executablePath = locate(name);
    if (!executablePath) throw new Error(`${name} is still missing after installing ${CANDIDATES[name].debianPackage}.`);
    return { name, executablePath, version: readVersion(executablePath) };
  });
}
