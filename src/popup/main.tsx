import { render } from 'preact';
import { App } from './app.js';
import { browserConnector } from './connector.js';

render(<App connector={browserConnector()} />, document.getElementById('app')!);
