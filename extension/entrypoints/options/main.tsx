// Options entry: mounts the settings form.
import { language } from '../../lib/i18n';
import { render } from 'preact';
import { OptionsApp } from '../../components/OptionsApp';

document.documentElement.lang = language;
render(<OptionsApp />, document.getElementById('app')!);
