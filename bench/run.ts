// npm run bench: every benchmark of the project, printed as figures.
import { benchAddOn } from './add-on';
import { benchAnchoring } from './anchoring';
import { benchExtension } from './extension';
import { benchMenuActions } from './menu-actions';
import { benchFlood } from './flood';
import { benchRoom } from './room';
import { benchStorage } from './storage';

for (const line of benchExtension()) console.log(line);
for (const line of await benchStorage()) console.log(line);
for (const line of await benchAddOn()) console.log(line);
for (const line of await benchMenuActions()) console.log(line);
for (const line of await benchFlood()) console.log(line);
for (const line of await benchAnchoring()) console.log(line);
for (const line of await benchRoom()) console.log(line);
