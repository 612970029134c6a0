import { fileURLToPath } from 'node:url';
import { launchChromium } from './lib/chromium.mjs';
import { browserSuite } from './lib/suite.mjs';
import { beyondSuite } from './lib/suite-beyond.mjs';

browserSuite('chromium', launchChromium, fileURLToPath(new URL('../../dist/chrome', import.meta.url)));
beyondSuite('chromium', launchChromium, fileURLToPath(new URL('../../dist/chrome', import.meta.url)));
