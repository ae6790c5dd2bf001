// Popup entry: mounts the page overview.
import { language } from '../../lib/i18n';
import { render } from 'preact';
import { PopupApp } from '../../components/PopupApp';

document.documentElement.lang = language;
render(<PopupApp />, document.getElementById('app')!);
