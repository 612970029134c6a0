import { fileURLToPath } from 'node:url';
import { launchChromium } from './lib/chromium.mjs';
import { browserSuite } from './lib/suite.mjs';
import { beyondSuite } from './lib/suite-beyond.mjs';
import { hostileSuite } from './lib/suite-hostile.mjs';

const dist = fileURLToPath(new URL('../../dist/chrome', import.meta.url));
browserSuite('chromium', launchChromium, dist);
beyondSuite('chromium', launchChromium, dist);
hostileSuite('chromium', launchChromium, dist);
