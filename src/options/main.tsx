import { render } from 'preact';
import { Options } from './app.js';
import { t } from '../shared/i18n.js';

document.title = t('optTitle');
document.documentElement.lang = navigator.language || 'en';
render(<Options />, document.getElementById('app')!);
