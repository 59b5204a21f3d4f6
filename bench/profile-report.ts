// Where the extension's time goes, from the CPU profiles a bench run saved (BENCH_PROFILES=dir):
// `npx tsx bench/profile-report.ts dir/with-*.cpuprofile` prints each function's self and inclusive
// time within the extension's samples; `--under name:line` prints only the samples under that function.
// Build with BENCH_READABLE=1 for function names and line numbers of the unminified content script.
import { readFileSync } from 'node:fs';
import { STALL_MS, indexProfile, type CpuProfile, type CpuProfileNode } from './profile.ts';

const args = process.argv.slice(2);
const underAt = args.indexOf('--under');
const under = underAt >= 0 ? args[underAt + 1] : undefined;
const files = underAt < 0 ? args : args.filter((_, i) => i !== underAt && i !== underAt + 1);
const top = Number(process.env.TOP ?? 40);

const isExtension = (n: CpuProfileNode): boolean => n.callFrame.url.startsWith('chrome-extension://');
const nameOf = (n: CpuProfileNode): string =>
  `${n.callFrame.functionName || '(anonymous)'}${isExtension(n) ? `:${(n.callFrame.lineNumber ?? 0) + 1}` : ''}`;

const self = new Map<string, number>();
const inclusive = new Map<string, number>();
let total = 0;
for (const file of files) {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const { byId, parent } = indexProfile(profile);
  const samples = profile.samples ?? [];
  for (let i = 0; i < samples.length; i++) {
    const ms = (profile.timeDeltas?.[i + 1] ?? 0) / 1000;
    if (ms > STALL_MS) continue;
    const stack: CpuProfileNode[] = [];
    for (let n = byId.get(samples[i]!); n; n = byId.get(parent.get(n.id) ?? -1)) stack.push(n);
    if (!stack.some(isExtension) || (under !== undefined && !stack.some((n) => nameOf(n) === under))) continue;
    total += ms;
    const leaf = nameOf(stack[0]!);
    self.set(leaf, (self.get(leaf) ?? 0) + ms);
    for (const name of new Set(stack.map(nameOf))) inclusive.set(name, (inclusive.get(name) ?? 0) + ms);
  }
}

const print = (title: string, times: Map<string, number>): void => {
  console.log(`--- ${title}`);
  for (const [name, ms] of [...times].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${ms.toFixed(1).padStart(8)} ms ${((100 * ms) / total).toFixed(1).padStart(5)} %  ${name}`);
  }
};
console.log(`extension samples${under ? ` under ${under}` : ''}: ${total.toFixed(1)} ms in ${files.length} profiles`);
print('self', self);
print('inclusive', inclusive);
