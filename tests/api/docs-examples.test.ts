import fs from 'fs';
import path from 'path';
import request from 'supertest';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { createApiToken } from '../helpers/auth';
import { createClient, createContact, createOffer, linkToClient, linkToOffer } from '../helpers/offers';
import { useStrapi } from '../helpers/strapi';

/**
 * Runs every `curl` example of docs/*.md against a real Strapi, so that an example a reader copies
 * keeps working: a renamed field, route or parameter fails here instead of in a reader's terminal.
 */

const DOCS_DIR = path.join(__dirname, '..', '..', 'docs');
// the value docs/api.md gives `$API`; an example may also spell it out (docs/documents.md)
const DOCUMENTED_API = 'http://localhost:1337/api';
const SHELL_LANGUAGES = new Set(['bash', 'sh', 'shell', 'zsh', 'console']);
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
type Method = (typeof METHODS)[number];

type CurlExample = {
  file: string;
  line: number;
  method: Method;
  /** with shell variables left as `${NAME}` markers: their values exist only once Strapi runs */
  url: string;
  headers: [string, string][];
  body?: string;
  /** the status the docs state next to the example (`answers 204`), if any */
  expectedStatus?: number;
};

type Words = { words: string[]; comments: string[] };

/**
 * Splits one shell command into words as a POSIX shell would for these examples: single quotes are
 * literal, double quotes and bare words honour `\` escapes and `$NAME`, `\` + newline continues
 * the command. Returns null while the text is unfinished (open quote, trailing `\`), which is how
 * the caller knows to take in the next line.
 */
const splitWords = (text: string): Words | null => {
  const words: string[] = [];
  const comments: string[] = [];
  let current = '';
  let inWord = false;
  let index = 0;
  const append = (part: string) => {
    current += part;
    inWord = true;
  };
  // kept as a marker rather than expanded: the token and base URL are only known in beforeAll
  const readVariable = () => {
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(index + 1))?.[0];
    if (!name) {
      append('$');
      index += 1;
      return;
    }
    append(`\${${name}}`);
    index += 1 + name.length;
  };
  while (index < text.length) {
    const char = text[index];
    if (char === '\\') {
      if (index + 1 >= text.length) return null;
      if (text[index + 1] !== '\n') append(text[index + 1]);
      index += 2;
    } else if (char === "'") {
      const end = text.indexOf("'", index + 1);
      if (end < 0) return null;
      append(text.slice(index + 1, end));
      index = end + 1;
    } else if (char === '"') {
      inWord = true;
      index += 1;
      for (;;) {
        if (index >= text.length) return null;
        const inner = text[index];
        if (inner === '"') break;
        if (inner === '\\' && '$`"\\\n'.includes(text[index + 1] ?? '')) {
          if (text[index + 1] !== '\n') append(text[index + 1]);
          index += 2;
        } else if (inner === '$') {
          readVariable();
        } else {
          append(inner);
          index += 1;
        }
      }
      index += 1;
    } else if (char === '$') {
      readVariable();
    } else if (/\s/.test(char)) {
      if (inWord) words.push(current);
      current = '';
      inWord = false;
      index += 1;
    } else if (char === '#' && !inWord) {
      const end = text.indexOf('\n', index);
      comments.push(text.slice(index, end < 0 ? text.length : end));
      index = end < 0 ? text.length : end;
    } else {
      append(char);
      index += 1;
    }
  }
  if (inWord) words.push(current);
  return { words, comments };
};

const EXPECTED_STATUS = /\banswers (\d{3})\b/;

/** Reads curl's arguments; an option these examples do not use fails loudly instead of being dropped. */
const parseCurl = (file: string, line: number, words: string[], comments: string[]): CurlExample => {
  const headers: [string, string][] = [];
  let method: string | undefined;
  let body: string | undefined;
  let url: string | undefined;
  for (let index = 1; index < words.length; index += 1) {
    const word = words[index];
    const value = () => {
      index += 1;
      if (index >= words.length) throw new Error(`${file}:${line}: ${word} has no value`);
      return words[index];
    };
    if (word === '-X' || word === '--request') method = value();
    else if (word === '-H' || word === '--header') {
      const header = value();
      const colon = header.indexOf(':');
      headers.push([header.slice(0, colon).trim(), header.slice(colon + 1).trim()]);
    } else if (['-d', '--data', '--data-raw', '--data-binary'].includes(word)) body = value();
    else if (word.startsWith('-')) throw new Error(`${file}:${line}: curl option ${word} is not understood`);
    else if (url === undefined) url = word;
    else throw new Error(`${file}:${line}: a second URL ${word}`);
  }
  if (!url) throw new Error(`${file}:${line}: curl without a URL`);
  // curl's own default: a body without -X is a POST
  const lowered = (method ?? (body === undefined ? 'GET' : 'POST')).toLowerCase();
  const known = METHODS.find((candidate) => candidate === lowered);
  if (!known) throw new Error(`${file}:${line}: method ${method} is not supported`);
  const stated = comments.map((comment) => EXPECTED_STATUS.exec(comment)?.[1]).find(Boolean);
  return {
    file,
    line,
    method: known,
    url,
    headers,
    body,
    expectedStatus: stated ? Number(stated) : undefined,
  };
};

/** Every curl command of the shell code blocks of one Markdown file, in document order. */
const extractExamples = (file: string, markdown: string): CurlExample[] => {
  const lines = markdown.split('\n');
  const examples: CurlExample[] = [];
  let inShell = false;
  let inFence = false;
  // the comment lines right above a command: where the docs state what it answers
  let leadingComments: string[] = [];
  for (let index = 0; index < lines.length; index += 1) {
    const trimmed = lines[index].trim();
    const fence = /^```(\S*)/.exec(trimmed);
    if (fence) {
      inShell = !inFence && SHELL_LANGUAGES.has(fence[1]);
      inFence = !inFence;
      leadingComments = [];
      continue;
    }
    if (!inShell) continue;
    if (trimmed.startsWith('#')) {
      leadingComments.push(trimmed);
      continue;
    }
    if (!/^curl\s/.test(trimmed)) {
      leadingComments = [];
      continue;
    }
    const start = index;
    let text = trimmed;
    let words = splitWords(text);
    while (!words) {
      index += 1;
      if (index >= lines.length || lines[index].trim().startsWith('```')) {
        throw new Error(`${file}:${start + 1}: unfinished curl command`);
      }
      text += `\n${lines[index]}`;
      words = splitWords(text);
    }
    examples.push(parseCurl(file, start + 1, words.words, [...leadingComments, ...words.comments]));
    leadingComments = [];
  }
  return examples;
};

const examples = fs
  .readdirSync(DOCS_DIR)
  .filter((name) => name.endsWith('.md'))
  .sort()
  .flatMap((name) => extractExamples(`docs/${name}`, fs.readFileSync(path.join(DOCS_DIR, name), 'utf8')));

const app = useStrapi();

type Kind = 'contact' | 'client' | 'offer' | 'clientLink' | 'offerLink';
// the path segment that names each kind's collection, for ids whose placeholder does not say
const COLLECTIONS: Record<string, Kind> = {
  contacts: 'contact',
  clients: 'client',
  offers: 'offer',
  'client-contacts': 'clientLink',
  'offer-contacts': 'offerLink',
};
const PREFIXES: Record<string, Kind> = { CONTACT: 'contact', CLIENT: 'client', OFFER: 'offer' };
const PLACEHOLDER = /\b(?:([A-Z]+)_)?DOCUMENT_ID\b/g;
// a documentId written out in an example (Strapi's are 24 lower-case letters and digits)
const LITERAL_DOCUMENT_ID = /^[a-z0-9]{24}$/;

let variables: Record<string, string>;
let fixtures: Record<Kind, string>;

beforeAll(async () => {
  const { strapi } = app;
  variables = {
    API: `${app.baseUrl}/api`,
    TOKEN: await createApiToken(strapi, 'full-access'),
    READ_ONLY_TOKEN: await createApiToken(strapi, 'read-only'),
  };
  const contact = await createContact(strapi, { firstName: 'Hélène', lastName: 'Lefèvre', city: 'Bordeaux' });
  const client = await createClient(strapi, { name: 'Amicale des Bordelais' });
  const offer = await createOffer(strapi, { client });
  // roles other than the ones the POST examples give, so that those are not refused as taken
  const clientLink = (await linkToClient(strapi, contact, client, 'president')).documentId;
  const offerLink = (await linkToOffer(strapi, contact, offer, 'accompagnateur')).documentId;
  fixtures = { contact, client, offer, clientLink, offerLink };
});

/** A record made only to be deleted, so that the examples after a DELETE still find the fixtures. */
const recordToDelete = async (kind: Kind): Promise<string> => {
  const { strapi } = app;
  if (kind === 'contact') return createContact(strapi, { lastName: 'Supprimé' });
  if (kind === 'client') return createClient(strapi);
  if (kind === 'offer') return createOffer(strapi);
  const contact = await createContact(strapi, { lastName: 'Lien supprimé' });
  const link =
    kind === 'clientLink'
      ? await linkToClient(strapi, contact, fixtures.client, 'voyageur')
      : await linkToOffer(strapi, contact, fixtures.offer, 'voyageur');
  return link.documentId;
};

const expandVariables = (text: string) =>
  text.replace(/\$\{(\w+)\}/g, (_match, name: string) => {
    const value = variables[name];
    if (value === undefined) throw new Error(`no value for $${name}`);
    return value;
  });

/**
 * The example's URL and body with real ids: the id in the path is of the collection it follows
 * (a fresh record for DELETE), every other placeholder says its kind (`CLIENT_DOCUMENT_ID`).
 */
const withRealIds = async (example: CurlExample) => {
  const url = expandVariables(example.url).replace(DOCUMENTED_API, variables.API);
  const [pathPart, query] = url.split(/\?(.*)/s);
  const segments = pathPart.split('/');
  for (let index = segments.length - 2; index >= 0; index -= 1) {
    const kind = COLLECTIONS[segments[index]];
    const id = segments[index + 1];
    if (!kind || !(id.match(/^(?:[A-Z]+_)?DOCUMENT_ID$/) || LITERAL_DOCUMENT_ID.test(id))) continue;
    segments[index + 1] = example.method === 'delete' ? await recordToDelete(kind) : fixtures[kind];
    break;
  }
  const byPrefix = (text: string) =>
    text.replace(PLACEHOLDER, (match, prefix: string | undefined) => {
      const kind = prefix === undefined ? undefined : PREFIXES[prefix];
      if (!kind) throw new Error(`${example.file}:${example.line}: cannot tell what ${match} is`);
      return fixtures[kind];
    });
  const realUrl = byPrefix(segments.join('/') + (query === undefined ? '' : `?${query}`));
  return {
    url: await withRealCursor(realUrl),
    body: example.body === undefined ? undefined : byPrefix(example.body),
  };
};

/**
 * A cursor the docs shorten (`cursor=eyJ…`) stands for the `nextCursor` of the previous page: ask
 * the same list for a page of one and take its cursor (a cursor does not depend on the page size).
 */
const withRealCursor = async (url: string) => {
  const shortened = /([?&])cursor=[^&]*…/;
  if (!shortened.test(url)) return url;
  const firstPage = url
    .replace(shortened, '$1')
    .replace(/[?&]$/, '')
    .replace(/pagination\[pageSize\]=\d+/, 'pagination[pageSize]=1');
  const response = await send('get', firstPage).set('Authorization', `Bearer ${variables.TOKEN}`);
  const cursor: unknown = response.body?.meta?.pagination?.nextCursor;
  if (typeof cursor !== 'string') throw new Error(`no nextCursor from ${firstPage}: ${response.text}`);
  return url.replace(shortened, `$1cursor=${cursor}`);
};

const send = (method: Method, url: string) => {
  if (!url.startsWith(app.baseUrl)) throw new Error(`${url} is not a URL of the app`);
  return request(app.baseUrl)[method](url.slice(app.baseUrl.length));
};

describe('the curl examples of docs/', () => {
  it('finds the examples (a broken extractor must not pass by running none)', () => {
    expect(examples.length).toBeGreaterThanOrEqual(25);
  });

  // one after another, in document order: the PUT of a record follows its POST and GET
  it.each(
    examples.map((example): [string, CurlExample] => [
      `${example.file}:${example.line} ${example.method.toUpperCase()} ${example.url.replace('${API}', '').replace(DOCUMENTED_API, '')}`,
      example,
    ])
  )('%s', async (_name, example) => {
    const { url, body } = await withRealIds(example);
    let test = send(example.method, url);
    for (const [name, value] of example.headers) test = test.set(name, expandVariables(value));
    const response = await (body === undefined ? test : test.send(body));

    // status and body in one string, so that a failure shows why the app refused the example
    const outcome = `${response.status} ${response.text}`;
    expect(response.status).toBeLessThan(500);
    expect(outcome).toMatch(
      example.expectedStatus === undefined ? /^2\d\d / : new RegExp(`^${example.expectedStatus} `)
    );
    // a read answers Strapi's envelope; the API document is an OpenAPI document instead, and a
    // list's count its bare total (docs/search.md)
    const [urlPath] = url.split('?');
    const answers = urlPath.endsWith('/openapi.json')
      ? 'openapi'
      : urlPath.endsWith('/count')
        ? 'total'
        : 'data';
    if (example.method === 'get') expect(response.body).toHaveProperty(answers);
  });
});
