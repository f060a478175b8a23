import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { loadConfig } from '@tetrad/core';
import { createApp } from '../apps/api/src/create-app';
import { renderSchema, schemaFilePath } from '../apps/api/src/schema-file';

/** Boots the API on a throwaway in-memory database and writes schema.graphql. */
async function writeSchema(): Promise<void> {
  const app = await createApp(loadConfig({ NODE_ENV: 'test', DATA_DIR: 'memory://', LOG_LEVEL: 'silent' }));
  await app.init();
  const path = schemaFilePath();
  writeFileSync(path, renderSchema(app));
  await app.close();
  process.stdout.write(`Wrote ${path}\n`);
}

void writeSchema();
