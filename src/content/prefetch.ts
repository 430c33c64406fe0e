/**
 * Content script at document_start: asks for the settings while the page loads, so the main script (document_idle)
 * finds them there instead of waiting for them after its analysis (see early-settings.ts); and, where highlights
 * are on, tells the background to load the entity model now rather than when the page's analysis asks for names.
 * Nothing else: the page is empty at this point, and anything run here delays its parsing.
 */
import { prefetchSettings } from './early-settings.js';
import { enabledOn } from '../shared/settings.js';
import browser from '../shared/browser.js';
import type { BackgroundProtocol, Envelope } from '../shared/messages.js';

// The envelope by hand: rpc.ts would bring its error wording (i18n) into this script, which must stay small.
const WARM_UP: Envelope<BackgroundProtocol, 'warmUp'> = { nl: 1, type: 'warmUp', args: {} };

prefetchSettings()
  .promise.then((s) => {
    if (s.highlights && enabledOn(s, location.hostname)) return browser.runtime.sendMessage(WARM_UP);
  })
  // No answer is needed; a background that cannot be reached (extension reloading: Chromium may then throw at once
  // instead of rejecting) changes nothing here.
  .catch(() => undefined);
