// Side panel entry: mounts the post's workspace for the tab given as ?tab=<id>, else the active tab.
import { render } from 'preact';
import { SidePanelApp } from '../../components/SidePanelApp';
import { language } from '../../lib/i18n';
import { TOOLBAR_CSS } from '../../components/TagToolbar';

document.documentElement.lang = language;
const style = document.createElement('style');
style.textContent = TOOLBAR_CSS;
document.head.append(style);
const tab = Number(new URLSearchParams(location.search).get('tab'));
render(<SidePanelApp fixedTab={Number.isInteger(tab) && tab > 0 ? tab : null} />, document.getElementById('app')!);
