import { render } from 'preact';
import { LibraryApp } from './app.js';
import { Library } from '../shared/library-db.js';
import { t } from '../shared/i18n.js';

document.title = t('libTitle');
render(<LibraryApp library={new Library()} />, document.getElementById('app')!);
