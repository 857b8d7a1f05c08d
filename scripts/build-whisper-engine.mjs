// Builds whisper.cpp (the smart-whisper addon) with the CPU's vector instructions. The package's
// own install step builds without them, which runs several times slower, so it is not approved
// in package.json; this postinstall builds it once, with the right flags, and remembers them.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
let packageDir;
try {
  packageDir = path.dirname(require.resolve('smart-whisper/package.json'));
} catch {
  process.exit(0); // not installed (e.g. a production install of another workspace)
}

const cpu = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
const has = (flag) => new RegExp(`\\b${flag}\\b`).test(cpu);
// x86-64 with AVX2/FMA/F16C (every server CPU since about 2013); otherwise a portable build.
// WHISPER_CFLAGS overrides, e.g. when an image is built on one machine and run on another.
const flags =
  process.env.WHISPER_CFLAGS ??
  (has('avx2') && has('fma') && has('f16c') ? '-O3 -mavx2 -mfma -mf16c' : '-O3');
const marker = path.join(packageDir, 'build', 'healthcare-build-flags');
const addon = path.join(packageDir, 'build', 'Release', 'smart-whisper.node');
if (existsSync(addon) && existsSync(marker) && readFileSync(marker, 'utf8') === flags) process.exit(0);

const nodeGyp = process.env.npm_config_node_gyp ?? require.resolve('node-gyp/bin/node-gyp.js');
console.log(
  `Building the speech-to-text engine (whisper.cpp) with "${flags}"; this takes about half a minute.`,
);
const result = spawnSync(process.execPath, [nodeGyp, 'rebuild'], {
  cwd: packageDir,
  stdio: ['ignore', 'ignore', 'inherit'],
  env: { ...process.env, CFLAGS: flags, CXXFLAGS: flags },
});
if (result.status !== 0) {
  console.error(
    'Building whisper.cpp failed: the embedded speech-to-text engine is unavailable (configure STT_PROVIDER).',
  );
  process.exit(0); // the rest of the product still works, and the encounter will say why
}
writeFileSync(marker, flags);
