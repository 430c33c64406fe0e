/**
 * Content script at document_start: asks for the settings while the page loads, so the main script (document_idle)
 * finds them there instead of waiting for them after its analysis (see early-settings.ts). Nothing else: the page
 * is empty at this point, and anything run here delays its parsing.
 */
import { prefetchSettings } from './early-settings.js';

prefetchSettings();
