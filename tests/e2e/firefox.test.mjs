import { fileURLToPath } from 'node:url';
import { launchFirefox } from './lib/firefox.mjs';
import { browserSuite } from './lib/suite.mjs';
import { beyondSuite } from './lib/suite-beyond.mjs';

browserSuite('firefox', launchFirefox, fileURLToPath(new URL('../../dist/firefox', import.meta.url)));
beyondSuite('firefox', launchFirefox, fileURLToPath(new URL('../../dist/firefox', import.meta.url)));
