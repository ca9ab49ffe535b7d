// Every worker test file starts with the D1 schema of migrations/ applied (the same files `npm start` applies).

import { applyD1Migrations } from 'cloudflare:test';
import { env } from 'cloudflare:workers';

await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
