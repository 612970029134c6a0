import { fileURLToPath } from 'node:url';
import { launchFirefox } from './lib/firefox.mjs';
import { browserSuite } from './lib/suite.mjs';
import { hostileSuite } from './lib/suite-hostile.mjs';

browserSuite('firefox', launchFirefox, fileURLToPath(new URL('../../dist/firefox', import.meta.url)));
hostileSuite('firefox', launchFirefox, fileURLToPath(new URL('../../dist/firefox', import.meta.url)));
