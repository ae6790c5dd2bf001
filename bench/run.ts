// npm run bench: every benchmark of the project, printed as figures.
import { benchAddOn } from './add-on';

for (const line of await benchAddOn()) console.log(line);
