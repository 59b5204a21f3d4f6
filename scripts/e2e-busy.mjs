// `npm run test:e2e:busy`: the end-to-end suite (`npm run test:e2e`) while a CPU hog keeps one core
// busy, as on a shared machine. The tests must wait for conditions, never for a time that happens to
// be enough on an idle machine; this is how to find the ones that do.
//
// The hog is a child process that spins; it is killed when the suite ends, fails or is interrupted,
// and it ends by itself if this script dies without the chance to kill it (its parent changes).
import { spawn } from 'node:child_process';
import { loadavg } from 'node:os';

const HOG = `const parent = process.ppid;
for (let i = 1; ; i++) if (i % 50_000_000 === 0 && process.ppid !== parent) process.exit(0);`;

const load = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');
const started = Date.now();
const hog = spawn(process.execPath, ['-e', HOG], { stdio: 'ignore' });
console.log(`[e2e:busy] CPU hog on one core (pid ${hog.pid}); load average ${load()}`);

const stopHog = () => {
  if (hog.exitCode === null && hog.signalCode === null) hog.kill('SIGKILL');
};
process.on('exit', stopHog);

const suite = spawn('npm', ['run', 'test:e2e'], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    stopHog();
    // Ctrl-C reaches the suite too (same process group); a signal sent to this script alone is passed on.
    suite.kill(signal);
  });
}
suite.on('exit', (code, signal) => {
  stopHog();
  const minutes = ((Date.now() - started) / 60_000).toFixed(1);
  console.log(
    `[e2e:busy] ${code === 0 ? 'passed' : `failed (${signal ?? `exit code ${code}`})`} in ${minutes} min; load average ${load()}`,
  );
  process.exit(code ?? 1);
});
