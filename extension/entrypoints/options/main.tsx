// Options entry: mounts the settings form.
import { render } from 'preact';
import { OptionsApp } from '../../components/OptionsApp';

render(<OptionsApp />, document.getElementById('app')!);
