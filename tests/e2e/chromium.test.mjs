import { fileURLToPath } from 'node:url';
import { launchChromium } from './lib/chromium.mjs';
import { browserSuite } from './lib/suite.mjs';
import { hostileSuite } from './lib/suite-hostile.mjs';

browserSuite('chromium', launchChromium, fileURLToPath(new URL('../../dist/chrome', import.meta.url)));
hostileSuite('chromium', launchChromium, fileURLToPath(new URL('../../dist/chrome', import.meta.url)));
