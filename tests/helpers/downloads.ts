import { expect } from '@jest/globals';
import { parse as parseCsv } from 'csv-parse/sync';
import request from 'supertest';
import { ADMIN_API } from './admin';
import type { TestStrapi } from './strapi';

/** An admin route's file as sent, its bytes whatever its type; without a credential, anonymous. */
export const adminDownload = (app: TestStrapi, path: string, credential: string | null) => {
  const test = request(app.baseUrl)
    .get(`${ADMIN_API}${path}`)
    .buffer(true)
    .parse((response, callback) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => callback(null, Buffer.concat(chunks)));
    });
  return credential ? test.set('Authorization', `Bearer ${credential}`) : test;
};

/** The rows of a CSV export (header row first), as a spreadsheet would split them. */
export const adminCsvRows = async (app: TestStrapi, path: string, credential: string, delimiter = ';') => {
  const response = await adminDownload(app, path, credential);
  expect(response.status).toBe(200);
  return parseCsv(response.body as Buffer, { bom: true, delimiter }) as string[][];
};
