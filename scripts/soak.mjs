// npm run test:soak: the whole test suite 5 times in a row while stress-ng loads every core; passes only at 5/5.
import { spawn, spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';

const RUNS = Number(process.env.SOAK_RUNS ?? 5);

if (spawnSync('stress-ng', ['--version']).error) {
  console.error('test:soak needs stress-ng (Debian: apt-get install stress-ng).');
  process.exit(2);
}

/** Runs a command to its end with the output shown; resolves to its exit code. */
function run(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit' });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

// Build once (as npm test does), then run the suite under load RUNS times.
if ((await run('npm', ['run', 'typecheck'])) !== 0 || (await run('npm', ['run', 'build'])) !== 0) process.exit(1);
const stress = spawn('stress-ng', ['--cpu', String(availableParallelism()), '--cpu-load', '100', '--quiet'], { stdio: 'ignore' });
const stop = () => stress.kill('SIGTERM');
process.on('SIGINT', () => {
  stop();
  process.exit(130);
});

const results = [];
for (let i = 1; i <= RUNS; i += 1) {
  console.log(`\n── soak run ${i} of ${RUNS} (stress-ng on ${availableParallelism()} cores) ──`);
  const started = Date.now();
  const code = await run('npx', ['vitest', 'run']);
  results.push({ run: i, passed: code === 0, seconds: Math.round((Date.now() - started) / 1000) });
}
stop();
const passed = results.filter((r) => r.passed).length;
for (const r of results) console.log(`run ${r.run}: ${r.passed ? 'passed' : 'FAILED'} in ${r.seconds} s`);
console.log(`soak: ${passed} of ${RUNS} runs passed`);
process.exit(passed === RUNS ? 0 : 1);
