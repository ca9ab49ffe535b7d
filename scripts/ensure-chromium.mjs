// Before `npm test`: the studio's browser tests drive Debian's chromium. Install it when missing and we can.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (existsSync(CHROMIUM)) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (isRoot && existsSync('/usr/bin/apt-get')) {
  console.log(`[storycard] ${CHROMIUM} is missing: installing Debian's chromium for the studio's browser tests…`);
  const apt = (args) =>
    execFileSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  apt(['update']);
  apt(['install', '-y', '--no-install-recommends', 'chromium']);
  process.exit(0);
}
console.error(
  `[storycard] the studio's browser tests need Chromium at ${CHROMIUM}.\n` +
    '  Debian/Ubuntu: sudo apt-get install chromium    (or set CHROMIUM_PATH to another Chromium/Chrome binary)',
);
process.exit(1);
