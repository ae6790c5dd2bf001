// npm start: builds the extension and the add-on and says where they are.
import { execSync } from 'node:child_process';

execSync('npm run build', { stdio: 'inherit' });
console.log('\nBuilt:\n  extension  .output/chrome-mv3/ (load it unpacked in Chrome)\n  add-on     dist/apps-script/ (what clasp pushes)');
