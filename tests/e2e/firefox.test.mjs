import { fileURLToPath } from 'node:url';
import { launchFirefox } from './lib/firefox.mjs';
import { browserSuite } from './lib/suite.mjs';
import { beyondSuite } from './lib/suite-beyond.mjs';
import { hostileSuite } from './lib/suite-hostile.mjs';

const dist = fileURLToPath(new URL('../../dist/firefox', import.meta.url));
browserSuite('firefox', launchFirefox, dist);
beyondSuite('firefox', launchFirefox, dist);
hostileSuite('firefox', launchFirefox, dist);
